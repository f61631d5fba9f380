// Knowledge base rules: limits per file and per knowledge base, what a source may be, and search.
// Sources are indexed by the worker (indexer.ts); the API answers at once with status "processing".
import { ApiError, fieldError, notFound } from "@/lib/errors";
import { env } from "@/lib/env";
import { readLimitedBytes } from "@/lib/http";
import { toIso } from "@/lib/time";
import { webhookUrlProblem } from "@/server/webhooks/ssrf";
import { wakeIndexer } from "./indexer";
import { CONTENT_TYPES, documentKind } from "./parse";
import * as q from "./queries";
import {
  type CreateKnowledgeBaseInput,
  type CreateSourceInput,
  createSourceSchema,
  type KnowledgeBaseDto,
  type KnowledgeBaseListQuery,
  type KnowledgeHitDto,
  type KnowledgeSourceDto,
  type UpdateKnowledgeBaseInput,
  uploadFieldsSchema,
} from "./schema";
import { parseBodyValue, readJsonObject } from "@/lib/http";
import { pageArgs } from "@/lib/validation";

type KbRow = NonNullable<Awaited<ReturnType<typeof q.findKnowledgeBase>>>;
type SourceRow = NonNullable<Awaited<ReturnType<typeof q.findSource>>>;

const toKnowledgeBase = (row: KbRow): KnowledgeBaseDto => ({
  id: row.id,
  name: row.name,
  description: row.description,
  agentIds: row.agents.map((a) => a.agentId),
  skillIds: row.skills.map((s) => s.skillId),
  sourceCount: row._count.sources,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

const toSource = (row: SourceRow): KnowledgeSourceDto => ({
  ...row,
  kind: row.kind as KnowledgeSourceDto["kind"],
  status: row.status as KnowledgeSourceDto["status"],
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

async function checkLinks(input: { agentIds?: string[]; skillIds?: string[] }) {
  const agentIds = [...new Set(input.agentIds ?? [])];
  const skillIds = [...new Set(input.skillIds ?? [])];
  if ((await q.countExisting("agent", agentIds)) !== agentIds.length)
    throw fieldError("agentIds", "An agent in agentIds does not exist.");
  if ((await q.countExisting("skill", skillIds)) !== skillIds.length)
    throw fieldError("skillIds", "A skill in skillIds does not exist.");
  return { agentIds: input.agentIds && agentIds, skillIds: input.skillIds && skillIds };
}

export async function listKnowledgeBases(query: KnowledgeBaseListQuery) {
  const { rows, total } = await q.listKnowledgeBases(pageArgs(query), query.q);
  return { items: rows.map(toKnowledgeBase), total };
}

export async function getKnowledgeBase(id: string) {
  const row = await q.findKnowledgeBase(id);
  if (!row) throw notFound("Knowledge base");
  return toKnowledgeBase(row);
}

export async function createKnowledgeBase(input: CreateKnowledgeBaseInput) {
  const links = await checkLinks(input);
  return toKnowledgeBase(await q.createKnowledgeBase({ ...input, ...links }));
}

export async function updateKnowledgeBase(id: string, input: UpdateKnowledgeBaseInput) {
  await getKnowledgeBase(id);
  const links = await checkLinks(input);
  return toKnowledgeBase(await q.updateKnowledgeBase(id, { ...input, ...links }));
}

export async function deleteKnowledgeBase(id: string) {
  const { count } = await q.deleteKnowledgeBase(id);
  if (count === 0) throw notFound("Knowledge base");
}

export async function listSources(knowledgeBaseId: string) {
  await getKnowledgeBase(knowledgeBaseId);
  return (await q.listSources(knowledgeBaseId)).map(toSource);
}

export async function getSource(knowledgeBaseId: string, id: string) {
  const row = await q.findSource(knowledgeBaseId, id);
  if (!row) throw notFound("Source");
  return toSource(row);
}

const MB = (bytes: number) => `${Math.round(bytes / 100_000) / 10} MB`;

async function storeSource(data: q.NewSource) {
  const result = await q.createSource(data, {
    maxSources: env.KNOWLEDGE_MAX_SOURCES,
    maxTotalBytes: env.KNOWLEDGE_MAX_TOTAL_BYTES,
  });
  if ("refused" in result) {
    throw new ApiError(
      "conflict",
      result.refused === "sources"
        ? `This knowledge base already holds ${env.KNOWLEDGE_MAX_SOURCES} sources, the limit (KNOWLEDGE_MAX_SOURCES). Delete one first.`
        : `This source would take the knowledge base past its ${MB(env.KNOWLEDGE_MAX_TOTAL_BYTES)} total (KNOWLEDGE_MAX_TOTAL_BYTES). Delete a source first.`,
    );
  }
  wakeIndexer();
  return toSource(result.row);
}

async function addJsonSource(knowledgeBaseId: string, input: CreateSourceInput) {
  if (input.kind === "text") {
    const raw = new TextEncoder().encode(input.text);
    return storeSource({
      knowledgeBaseId,
      kind: "text",
      name: input.name,
      contentType: "text/markdown",
      size: raw.byteLength,
      raw,
    });
  }
  const problem = await webhookUrlProblem(input.url, "knowledge");
  if (problem) throw fieldError("url", problem);
  const name = input.name ?? new URL(input.url).hostname + new URL(input.url).pathname.replace(/\/$/, "");
  return storeSource({
    knowledgeBaseId,
    kind: "url",
    name: name.slice(0, 200),
    contentType: "text/html",
    url: input.url,
    size: 0,
    raw: new Uint8Array(0),
  });
}

const MULTIPART = /^multipart\/form-data\b/i;

/** One multipart upload: a `file` field (and an optional `name`), within KNOWLEDGE_MAX_FILE_BYTES. */
async function addUpload(knowledgeBaseId: string, req: Request, type: string) {
  const limit = env.KNOWLEDGE_MAX_FILE_BYTES;
  let bytes: Buffer;
  try {
    bytes = await readLimitedBytes(req, limit + 64 * 1024);
  } catch (error) {
    if (error instanceof ApiError && error.code === "payload_too_large") {
      throw new ApiError("payload_too_large", `Files may be at most ${MB(limit)} (KNOWLEDGE_MAX_FILE_BYTES).`);
    }
    throw error;
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData();
  } catch {
    throw new ApiError("bad_request", "The multipart body could not be read.");
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw fieldError("file", 'Send the document in a multipart field named "file".');
  const fields = Object.fromEntries([...form.entries()].filter(([key]) => key !== "file"));
  const { name } = parseBodyValue(fields, uploadFieldsSchema);
  const filename = (file instanceof File && file.name) || name || "";
  if (file.size > limit) throw new ApiError("payload_too_large", `Files may be at most ${MB(limit)} (KNOWLEDGE_MAX_FILE_BYTES).`);
  if (file.size === 0) throw fieldError("file", "The file is empty.");
  const kind = documentKind(filename, file.type);
  if (!kind) {
    throw new ApiError(
      "unsupported_media_type",
      "Upload Markdown (.md), plain text (.txt), HTML (.html), CSV (.csv) or PDF (.pdf) files.",
    );
  }
  const raw = new Uint8Array(await file.arrayBuffer());
  const shownName = (name ?? filename.split(/[\\/]/).pop() ?? "").replace(/[\r\n\t]/g, " ").slice(0, 200) || `upload.${kind}`;
  return storeSource({
    knowledgeBaseId,
    kind: "file",
    name: shownName,
    contentType: CONTENT_TYPES[kind],
    size: raw.byteLength,
    raw,
  });
}

/** POST …/sources: JSON (pasted text, a URL) or multipart/form-data (a file). */
export async function addSource(knowledgeBaseId: string, req: Request) {
  await getKnowledgeBase(knowledgeBaseId);
  const type = req.headers.get("content-type") ?? "";
  if (MULTIPART.test(type)) return addUpload(knowledgeBaseId, req, type);
  return addJsonSource(knowledgeBaseId, parseBodyValue(await readJsonObject(req), createSourceSchema));
}

export async function deleteSource(knowledgeBaseId: string, id: string) {
  const { count } = await q.deleteSource(knowledgeBaseId, id);
  if (count === 0) throw notFound("Source");
}

/** Fetches a URL source again (or retries a failed upload): its passages are replaced once it is indexed. */
export async function refreshSource(knowledgeBaseId: string, id: string) {
  const source = await getSource(knowledgeBaseId, id);
  if (source.kind !== "url") throw new ApiError("conflict", "Only URL sources can be refreshed; upload a file again instead.");
  if (source.status === "processing") throw new ApiError("conflict", "This source is being indexed already.");
  const row = await q.requeueSource(id);
  wakeIndexer();
  return toSource(row);
}

const toHit = (h: q.SearchHit): KnowledgeHitDto => ({
  passageId: h.id,
  sourceId: h.sourceId,
  sourceName: h.sourceName,
  knowledgeBaseId: h.knowledgeBaseId,
  ordinal: h.ordinal,
  heading: h.heading,
  text: h.text,
  score: h.score,
});

export async function searchKnowledgeBase(id: string, question: string, limit: number) {
  await getKnowledgeBase(id);
  return (await q.searchPassages([id], question, limit)).map(toHit);
}

/** What a conversation's agent finds for a question in its (and its skill's) knowledge bases. */
export async function searchForAgent(agentId: string, skillId: string | null, question: string, limit: number) {
  const ids = await q.knowledgeBaseIdsFor(agentId, skillId);
  if (ids.length === 0) return [];
  return (await q.searchPassages(ids, question, limit)).map(toHit);
}
