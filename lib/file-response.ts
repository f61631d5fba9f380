// Serving a file with HTTP range requests (RFC 9110 section 14), so that a player can seek: a Range
// header gets 206 Partial Content with that slice, or 416 when it asks for bytes the file lacks. The
// body streams from disk; nothing holds the whole file in memory.
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { ApiError } from "./errors";

/** First and last byte, both included. */
export type ByteRange = { start: number; end: number };

const unsatisfiable = (size: number) =>
  new ApiError(
    "range_not_satisfiable",
    `The Range header asks for bytes this ${size}-byte file does not have. Ask for bytes=first-last, bytes=first- or bytes=-count.`,
    { headers: { "Content-Range": `bytes */${size}` } },
  );

/**
 * The range a Range header asks for, or null to send the whole file: no header, a unit other than
 * bytes (which must be ignored), or several ranges (which a server may ignore). Throws 416 for a
 * malformed range or one that starts past the end.
 */
export function parseRange(header: string | null, size: number): ByteRange | null {
  if (header === null) return null;
  const unit = /^\s*([^=\s]+)\s*=(.*)$/.exec(header);
  if (unit?.[1].toLowerCase() !== "bytes") return null;
  if (unit[2].includes(",")) return null;
  const spec = /^\s*(\d*)-(\d*)\s*$/.exec(unit[2]);
  if (!spec || (spec[1] === "" && spec[2] === "")) throw unsatisfiable(size);
  if (spec[1] === "") {
    const count = Number(spec[2]);
    if (count === 0 || size === 0) throw unsatisfiable(size);
    return { start: Math.max(0, size - count), end: size - 1 };
  }
  const start = Number(spec[1]);
  const last = spec[2] === "" ? size - 1 : Number(spec[2]);
  if (last < start || start >= size) throw unsatisfiable(size);
  return { start, end: Math.min(last, size - 1) };
}

/** The file, or the slice the request's Range header asks for; `headers` are added to either. */
export async function fileResponse(req: Request, file: string, headers: Record<string, string>): Promise<Response> {
  const handle = await open(file, "r");
  let body: ReadableStream<Uint8Array> | null = null;
  try {
    const { size } = await handle.stat();
    const range = parseRange(req.headers.get("range"), size);
    const { start, end } = range ?? { start: 0, end: size - 1 };
    const out = new Headers({ ...headers, "Accept-Ranges": "bytes", "Content-Length": String(end - start + 1) });
    if (range) out.set("Content-Range", `bytes ${start}-${end}/${size}`);
    if (req.method !== "HEAD" && end >= start) {
      // The stream owns the handle from here and closes it when it ends or the client goes away.
      body = Readable.toWeb(handle.createReadStream({ start, end })) as ReadableStream<Uint8Array>;
    }
    return new Response(body, { status: range ? 206 : 200, headers: out });
  } finally {
    if (!body) await handle.close();
  }
}
