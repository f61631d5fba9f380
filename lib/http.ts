// Request plumbing shared by every route handler (lib/route.ts wraps them): JSON body reading with
// content-type and size checks, and zod parsing of bodies, headers, queries and path parameters.
import type { z } from "zod";
import { env } from "./env";
import { ApiError, validationError } from "./errors";

/** Route exports for methods a path does not support, so they get the envelope instead of an empty 405. */
export function methodNotAllowed(allowed: string[]) {
  const answer = async () =>
    Response.json(new ApiError("method_not_allowed", `This endpoint supports ${allowed.join(", ")}.`).toJSON(), {
      status: 405,
      headers: { Allow: allowed.join(", ") },
    });
  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer };
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Reads the body, refusing anything over `limit` bytes without buffering it all. */
export async function readLimitedBytes(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  const tooLarge = () => new ApiError("payload_too_large", `The request body is larger than the ${limit}-byte limit.`);
  if (declared > limit) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads the body as text, refusing anything over MAX_BODY_BYTES without buffering it all. */
async function readLimitedText(req: Request, limit: number): Promise<string> {
  return (await readLimitedBytes(req, limit)).toString("utf8");
}

const MAX_DEPTH = 32;
// An unpaired UTF-16 surrogate ("\ud800" in JSON): not text, and the database drivers cannot store it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type BodyProblem = { kind: "forbidden-key" | "bad-unicode" | "too-deep"; path: string };

/** Finds what no schema should ever see: reserved keys, unpaired surrogates, absurd nesting. */
function findBodyProblem(value: unknown, path: string[] = [], depth = 0): BodyProblem | null {
  const at = (p: string[]) => p.join(".") || "(body)";
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? { kind: "bad-unicode", path: at(path) } : null;
  if (!value || typeof value !== "object") return null;
  if (depth > MAX_DEPTH) return { kind: "too-deep", path: at(path) };
  for (const [key, child] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key)) return { kind: "forbidden-key", path: at([...path, key]) };
    if (LONE_SURROGATE.test(key)) return { kind: "bad-unicode", path: at([...path, key]) };
    const found = findBodyProblem(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Reads a JSON object body: 415 for another content type, 413 when over `limit` (MAX_BODY_BYTES unless a
 * route allows more, as batch uploads do), 400 when malformed.
 */
export async function readJsonObject(req: Request, limit = env.MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const type = req.headers.get("content-type") ?? "";
  if (!JSON_TYPE.test(type)) {
    throw new ApiError("unsupported_media_type", "Send the body as JSON with the header Content-Type: application/json.");
  }
  const text = await readLimitedText(req, limit);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "The request body is not valid JSON.");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ApiError("bad_request", "The request body must be a JSON object.");
  }
  const problem = findBodyProblem(body);
  if (problem?.kind === "too-deep") {
    throw new ApiError("bad_request", `The request body is nested more than ${MAX_DEPTH} levels deep.`);
  }
  if (problem?.kind === "forbidden-key") {
    throw new ApiError("validation_failed", `The field name "${problem.path}" is not allowed.`, {
      details: [{ path: problem.path, message: "This field name is reserved and not allowed." }],
    });
  }
  if (problem?.kind === "bad-unicode") {
    const message = "This text contains an unpaired UTF-16 surrogate, which is not valid Unicode.";
    throw new ApiError("validation_failed", `The request body is invalid. ${problem.path}: ${message}`, {
      details: [{ path: problem.path, message }],
    });
  }
  return body as Record<string, unknown>;
}

const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;.*)?$/i;

/**
 * Reads a form-encoded body (providers' webhooks: Twilio, Mailgun) into name → value, within
 * MAX_BODY_BYTES; a repeated name keeps its first value. 415 for another content type.
 */
export async function readForm(req: Request): Promise<Record<string, string>> {
  if (!FORM_TYPE.test(req.headers.get("content-type") ?? "")) {
    throw new ApiError("unsupported_media_type", "Send the body form-encoded (application/x-www-form-urlencoded).");
  }
  const form: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(await readLimitedText(req, env.MAX_BODY_BYTES))) {
    if (!(name in form) && !FORBIDDEN_KEYS.has(name)) form[name] = value;
  }
  return form;
}

export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  return parseBodyValue(await readJsonObject(req), schema);
}

/** Validates a body already read with readJsonObject (when the raw object is needed too). */
export function parseBodyValue<S extends z.ZodType>(body: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error, "The request body");
  return parsed.data;
}

/** Validates one request header with its schema; an invalid value names the header. */
export function parseHeader<S extends z.ZodType>(req: Request, name: string, schema: S): z.output<S> {
  const parsed = schema.safeParse(req.headers.get(name) ?? undefined);
  if (!parsed.success) throw validationError(parsed.error, `The ${name} header`, name);
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error, "The query string");
  return parsed.data;
}

export function parseParams<S extends z.ZodType>(params: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    throw validationError(parsed.error, "The path");
  }
  return parsed.data;
}

/** A page of a list: a JSON array, the total in X-Total-Count, and RFC 8288 next/prev links. */
export function listResponse(req: Request, items: unknown[], total: number, page: number, limit: number): Response {
  const headers = new Headers({ "X-Total-Count": String(total) });
  const link = (p: number, rel: string) => {
    const url = new URL(req.url);
    url.searchParams.set("page", String(p));
    url.searchParams.set("limit", String(limit));
    return `<${url.pathname}${url.search}>; rel="${rel}"`;
  };
  const links = [];
  if (page * limit < total) links.push(link(page + 1, "next"));
  if (page > 1) links.push(link(page - 1, "prev"));
  if (links.length) headers.set("Link", links.join(", "));
  return Response.json(items, { headers });
}
