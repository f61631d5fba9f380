// Recordings are synthesised once and kept as files, one per call (`<id>.wav`), under RECORDINGS_DIR.
// A recording never changes once the call has one (its conversation and duration are final), so the
// file is the cache and needs no invalidation. Each file is written under a temporary name and
// renamed into place, so a reader never sees half a file; concurrent first requests in this process
// share one synthesis. Instances sharing the directory may each write it once; the rename makes
// that harmless.
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { dialect, env } from "@/lib/env";
import { sqliteFilePath } from "@/lib/db-adapter";

export type Chunks = Iterable<Buffer>;

const inFlight = new Map<string, Promise<void>>();

/** RECORDINGS_DIR, else `recordings/` beside the SQLite file, else ./data/recordings (PostgreSQL). */
export function recordingsDir(): string {
  if (env.RECORDINGS_DIR) return path.resolve(env.RECORDINGS_DIR);
  if (dialect === "sqlite") return path.join(path.dirname(sqliteFilePath(env.DATABASE_URL)), "recordings");
  return path.resolve("data", "recordings");
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** Writes the chunks to `file` through a temporary file; each write lets other requests run. */
async function write(id: string, file: string, load: () => Promise<Chunks>) {
  // Another request may have finished it between our first look and our turn.
  if (await exists(file)) return;
  const chunks = await load();
  const started = Date.now();
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${id}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temp, "wx");
  let bytes = 0;
  try {
    for (const chunk of chunks) {
      await handle.write(chunk);
      bytes += chunk.length;
    }
    await handle.datasync();
    await handle.close();
    await rename(temp, file);
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
  console.info(`[callboard] recording ${id}: synthesised ${bytes} bytes in ${Date.now() - started} ms`);
}

/**
 * The path of the call's recording file, producing it first if it does not exist yet: `load` is asked
 * for the chunks (and may throw, e.g. not found) only then, and only once while a write is under way.
 */
export async function storedRecording(id: string, load: () => Promise<Chunks>, dir = recordingsDir()): Promise<string> {
  const file = path.join(dir, `${id}.wav`);
  if (!inFlight.has(id) && (await exists(file))) return file;
  let pending = inFlight.get(id);
  if (!pending) {
    pending = write(id, file, load).finally(() => inFlight.delete(id));
    inFlight.set(id, pending);
  }
  await pending;
  return file;
}
