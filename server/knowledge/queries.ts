// Prisma access for knowledge bases, their sources and passages, and the one place of lexical search:
// SQLite FTS5 (bm25) and Postgres full-text search (ts_rank_cd over a GIN-indexed tsvector), both through
// raw SQL here. The indexes are kept in sync by the migrations (triggers / a generated column), so every
// passage write below updates them in its own transaction.
import { containsText, dialect, db, Prisma, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { LruMap } from "@/lib/lru-map";
import { writeTx } from "@/lib/sql";
import type { Passage } from "./chunk";
import { bytesToVector, dot, embeddingsConfigured, embedTexts, fuseRankings, vectorToBytes } from "./embed";

export const kbSelect = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
  agents: { select: { agentId: true } },
  skills: { select: { skillId: true } },
  _count: { select: { sources: true } },
} as const;

export const sourceSelect = {
  id: true,
  knowledgeBaseId: true,
  kind: true,
  name: true,
  contentType: true,
  url: true,
  status: true,
  error: true,
  size: true,
  chunkCount: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function listKnowledgeBases(page: { skip: number; take: number }, q?: string) {
  const where = q ? { name: containsText(q) } : {};
  const [rows, total] = await Promise.all([
    db.knowledgeBase.findMany({ where, select: kbSelect, orderBy: [{ name: "asc" }, { id: "asc" }], ...page }),
    db.knowledgeBase.count({ where }),
  ]);
  return { rows, total };
}

export const findKnowledgeBase = (id: string) => db.knowledgeBase.findUnique({ where: { id }, select: kbSelect });

type Links = { agentIds?: string[]; skillIds?: string[] };

async function setLinks(tx: Tx, id: string, links: Links) {
  if (links.agentIds) {
    await tx.agentKnowledgeBase.deleteMany({ where: { knowledgeBaseId: id } });
    if (links.agentIds.length) {
      await tx.agentKnowledgeBase.createMany({ data: links.agentIds.map((agentId) => ({ agentId, knowledgeBaseId: id })) });
    }
  }
  if (links.skillIds) {
    await tx.skillKnowledgeBase.deleteMany({ where: { knowledgeBaseId: id } });
    if (links.skillIds.length) {
      await tx.skillKnowledgeBase.createMany({ data: links.skillIds.map((skillId) => ({ skillId, knowledgeBaseId: id })) });
    }
  }
}

export const createKnowledgeBase = (data: { name: string; description?: string } & Links) =>
  writeTx(async (tx) => {
    const { agentIds, skillIds, ...fields } = data;
    const row = await tx.knowledgeBase.create({ data: fields, select: { id: true } });
    await setLinks(tx, row.id, { agentIds, skillIds });
    return tx.knowledgeBase.findUniqueOrThrow({ where: { id: row.id }, select: kbSelect });
  });

export const updateKnowledgeBase = (id: string, data: { name?: string; description?: string } & Links) =>
  writeTx(async (tx) => {
    const { agentIds, skillIds, ...fields } = data;
    await tx.knowledgeBase.update({ where: { id }, data: { ...fields, updatedAt: new Date() } });
    await setLinks(tx, id, { agentIds, skillIds });
    return tx.knowledgeBase.findUniqueOrThrow({ where: { id }, select: kbSelect });
  });

/** Deletes the knowledge base with its sources and passages (cascades, in one statement's transaction). */
export const deleteKnowledgeBase = (id: string) => writeTx((tx) => tx.knowledgeBase.deleteMany({ where: { id } }));

export const countExisting = async (model: "agent" | "skill", ids: string[]) =>
  ids.length === 0
    ? 0
    : model === "agent"
      ? db.agent.count({ where: { id: { in: ids } } })
      : db.skill.count({ where: { id: { in: ids } } });

/** The knowledge bases an agent searches: its own and its skills'. */
export async function knowledgeBaseIdsFor(agentId: string, skillId?: string | null): Promise<string[]> {
  const [agent, skill] = await Promise.all([
    db.agentKnowledgeBase.findMany({ where: { agentId }, select: { knowledgeBaseId: true } }),
    skillId ? db.skillKnowledgeBase.findMany({ where: { skillId }, select: { knowledgeBaseId: true } }) : [],
  ]);
  return [...new Set([...agent, ...skill].map((r) => r.knowledgeBaseId))];
}

export const agentKnowledgeBaseIds = async (agentId: string) =>
  (await db.agentKnowledgeBase.findMany({ where: { agentId }, select: { knowledgeBaseId: true } })).map((r) => r.knowledgeBaseId);

export const listSources = (knowledgeBaseId: string) =>
  db.knowledgeSource.findMany({
    where: { knowledgeBaseId },
    select: sourceSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });

export const findSource = (knowledgeBaseId: string, id: string) =>
  db.knowledgeSource.findFirst({ where: { id, knowledgeBaseId }, select: sourceSelect });

export type NewSource = {
  knowledgeBaseId: string;
  kind: "text" | "file" | "url";
  name: string;
  contentType: string;
  url?: string;
  size: number;
  raw: Uint8Array;
};

export type SourceLimits = { maxSources: number; maxTotalBytes: number };

/**
 * Stores a source to be indexed, when the knowledge base has room: the count and the size are checked in
 * the same transaction as the insert (on Postgres under the knowledge base's row lock), so two uploads at
 * once cannot both squeeze past a limit. Answers the refusal's reason instead of the row when full.
 */
export function createSource(data: NewSource, limits: SourceLimits) {
  return writeTx(async (tx) => {
    if (dialect === "postgresql") {
      await tx.$executeRaw`SELECT 1 FROM "KnowledgeBase" WHERE "id" = ${data.knowledgeBaseId} FOR UPDATE`;
    }
    const usage = await tx.knowledgeSource.aggregate({
      where: { knowledgeBaseId: data.knowledgeBaseId },
      _count: { _all: true },
      _sum: { size: true },
    });
    if (usage._count._all >= limits.maxSources) return { refused: "sources" as const };
    if ((usage._sum.size ?? 0) + data.size > limits.maxTotalBytes) return { refused: "size" as const };
    const row = await tx.knowledgeSource.create({
      data: { ...data, raw: Buffer.from(data.raw), status: "processing" },
      select: sourceSelect,
    });
    return { row };
  });
}

/** Deletes one source; its passages (and their index entries) go with it in the same transaction. */
export const deleteSource = (knowledgeBaseId: string, id: string) =>
  writeTx(async (tx) => {
    await tx.knowledgePassage.deleteMany({ where: { sourceId: id, knowledgeBaseId } });
    return tx.knowledgeSource.deleteMany({ where: { id, knowledgeBaseId } });
  });

/** Puts a source back in the indexing queue (a URL's refresh). */
export const requeueSource = (id: string, fields: { raw?: Uint8Array; size?: number } = {}) =>
  writeTx((tx) =>
    tx.knowledgeSource.update({
      where: { id },
      data: {
        status: "processing",
        error: null,
        lockedUntil: null,
        attempts: 0,
        ...(fields.raw && { raw: Buffer.from(fields.raw) }),
        ...(fields.size !== undefined && { size: fields.size }),
      },
      select: sourceSelect,
    }),
  );

const LEASE_MS = 2 * 60_000;

/**
 * SQLite runs one worker: at its start, no lease can belong to a live indexer, so sources a stopped
 * server was indexing are taken up again at once instead of when their lease runs out.
 */
export const releaseSourceLeases = () =>
  writeTx((tx) =>
    tx.knowledgeSource.updateMany({ where: { status: "processing", lockedUntil: { not: null } }, data: { lockedUntil: null } }),
  );

/** Leases the oldest source waiting to be indexed (one whose lease ran out after a crash comes back). */
export async function claimPendingSource() {
  const now = new Date();
  const candidate = await db.knowledgeSource.findFirst({
    where: { status: "processing", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    select: { id: true, lockedUntil: true },
    orderBy: { createdAt: "asc" },
  });
  if (!candidate) return null;
  const claimed = await writeTx((tx) =>
    tx.knowledgeSource.updateMany({
      where: { id: candidate.id, status: "processing", lockedUntil: candidate.lockedUntil },
      data: { lockedUntil: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
    }),
  );
  if (claimed.count === 0) return null;
  return db.knowledgeSource.findUnique({
    where: { id: candidate.id },
    select: { id: true, knowledgeBaseId: true, kind: true, name: true, contentType: true, url: true, raw: true, attempts: true },
  });
}

/**
 * Replaces a source's passages and marks it ready, all in one transaction: a search sees the old
 * passages or the new ones, never half. Nothing is written when the source was deleted meanwhile.
 */
export const storePassages = (
  id: string,
  knowledgeBaseId: string,
  passages: Passage[],
  size?: number,
  embeddings?: Float32Array[],
) =>
  writeTx(
    async (tx) => {
      const marked = await tx.knowledgeSource.updateMany({
        where: { id, status: "processing" },
        data: {
          status: "ready",
          error: null,
          chunkCount: passages.length,
          raw: null,
          lockedUntil: null,
          ...(size !== undefined && { size }),
        },
      });
      if (marked.count === 0) return false;
      await tx.knowledgePassage.deleteMany({ where: { sourceId: id } });
      for (let i = 0; i < passages.length; i += 500) {
        await tx.knowledgePassage.createMany({
          data: passages.slice(i, i + 500).map((p, j) => ({
            sourceId: id,
            knowledgeBaseId,
            ordinal: i + j,
            heading: p.heading,
            text: p.text,
            embedding: embeddings?.[i + j] ? vectorToBytes(embeddings[i + j]) : null,
          })),
        });
      }
      return true;
      // A large document's passages take seconds to insert (10,000 passages: ~6 s); Prisma's default is 5 s.
    },
    { timeout: 120_000 },
  );

/** Marks a source failed with the reason; it keeps no passages. */
export const failSource = (id: string, error: string) =>
  writeTx(async (tx) => {
    const marked = await tx.knowledgeSource.updateMany({
      where: { id, status: "processing" },
      data: { status: "failed", error: error.slice(0, 1000), chunkCount: 0, raw: null, lockedUntil: null },
    });
    if (marked.count > 0) await tx.knowledgePassage.deleteMany({ where: { sourceId: id } });
  });

export type SearchHit = {
  id: string;
  sourceId: string;
  sourceName: string;
  knowledgeBaseId: string;
  ordinal: number;
  heading: string;
  text: string;
  score: number;
};

// Question words and the commonest function words: they match nearly every passage.
const STOP_WORDS = new Set(
  "a an the and or but if of to in on at by for with from as is are was were be been being do does did have has had i you he she it we they me my your our their this that these those what which who whom when where why how can could would should will shall may might must not no yes so than then there here about into over under up down out just also please any some".split(
    " ",
  ),
);

/** The search terms of a question: words and numbers, lower-cased, without stop words, at most 32. */
export function searchTerms(q: string): string[] {
  const words = (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP_WORDS.has(w) && w.length <= 64);
  return [...new Set(words)].slice(0, 32);
}

/** How many candidates each ranking contributes before they are fused. */
const FUSE_DEPTH = 50;

/**
 * The best passages for a question among the given knowledge bases' ready sources, best first: the
 * lexical ranking alone, or, with EMBEDDINGS_BASE_URL set, fused with the semantic one (reciprocal rank
 * fusion), so a question worded differently from the document still finds it.
 */
export async function searchPassages(knowledgeBaseIds: string[], q: string, limit: number): Promise<SearchHit[]> {
  if (knowledgeBaseIds.length === 0) return [];
  if (!embeddingsConfigured()) return lexicalSearch(knowledgeBaseIds, q, limit);
  const [lexical, [question]] = await Promise.all([
    lexicalSearch(knowledgeBaseIds, q, FUSE_DEPTH),
    embedTexts([q.slice(0, 2000)]),
  ]);
  const semantic = await semanticRanking(knowledgeBaseIds, question, FUSE_DEPTH);
  const fused = fuseRankings([lexical.map((h) => h.id), semantic]);
  const best = [...fused.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  const known = new Map(lexical.map((h) => [h.id, h]));
  const missing = best.map(([id]) => id).filter((id) => !known.has(id));
  for (const hit of await passagesByIds(missing)) known.set(hit.id, hit);
  return best.flatMap(([id, score]) => {
    const hit = known.get(id);
    return hit ? [{ ...hit, score: Math.round(score * 10_000) / 10_000 }] : [];
  });
}

// The stored vectors of a knowledge base, read once and kept in memory until one of its sources changes
// (a source's updatedAt moves whenever it is indexed, fails or is refreshed; deletion changes the count).
// Reading 10,000 vectors through Prisma costs most of a second; comparing them costs milliseconds.
type VectorSet = { generation: string; ids: string[]; vectors: Float32Array[] };
const globalForVectors = globalThis as unknown as { callboardVectors?: LruMap<VectorSet> };
globalForVectors.callboardVectors ??= new LruMap<VectorSet>(32);
const vectorCache = globalForVectors.callboardVectors;

async function vectorsOf(knowledgeBaseIds: string[]): Promise<VectorSet[]> {
  const generations = await db.knowledgeSource.groupBy({
    by: ["knowledgeBaseId"],
    where: { knowledgeBaseId: { in: knowledgeBaseIds } },
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  return Promise.all(
    generations.map(async (g) => {
      const generation = `${g._count._all}:${g._max.updatedAt?.toISOString()}`;
      const cached = vectorCache.get(g.knowledgeBaseId);
      if (cached?.generation === generation) return cached;
      const rows = await db.knowledgePassage.findMany({
        where: { knowledgeBaseId: g.knowledgeBaseId, embedding: { not: null }, source: { status: "ready" } },
        select: { id: true, embedding: true },
      });
      const set = {
        generation,
        ids: rows.map((r) => r.id),
        vectors: rows.map((r) => bytesToVector(r.embedding as Uint8Array)),
      };
      vectorCache.set(g.knowledgeBaseId, set);
      return set;
    }),
  );
}

/** Passage ids by cosine similarity to the question's vector (brute force over the stored vectors). */
async function semanticRanking(knowledgeBaseIds: string[], question: Float32Array, limit: number): Promise<string[]> {
  const scored: { id: string; score: number }[] = [];
  for (const set of await vectorsOf(knowledgeBaseIds)) {
    set.vectors.forEach((v, i) => {
      const score = dot(question, v);
      if (score >= env.EMBEDDINGS_MIN_SIMILARITY) scored.push({ id: set.ids[i], score });
    });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((r) => r.id);
}

async function passagesByIds(ids: string[]): Promise<SearchHit[]> {
  if (ids.length === 0) return [];
  const rows = await db.knowledgePassage.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      sourceId: true,
      knowledgeBaseId: true,
      ordinal: true,
      heading: true,
      text: true,
      source: { select: { name: true } },
    },
  });
  return rows.map(({ source, ...r }) => ({ ...r, sourceName: source.name, score: 0 }));
}

/** The lexical ranking: FTS5 on SQLite, tsvector on Postgres. */
async function lexicalSearch(knowledgeBaseIds: string[], q: string, limit: number): Promise<SearchHit[]> {
  const terms = searchTerms(q);
  if (terms.length === 0) return [];
  const ids = Prisma.join(knowledgeBaseIds);
  let rows: SearchHit[];
  if (dialect === "sqlite") {
    // Each term is letters and digits only, quoted as an FTS5 string; any of them may match (bm25 ranks
    // passages with more and rarer terms first). bm25 is lower-is-better: negated, higher is better.
    const match = terms.map((t) => `"${t}"`).join(" OR ");
    rows = await db.$queryRaw<SearchHit[]>`
      SELECT p."id", p."sourceId", s."name" AS "sourceName", p."knowledgeBaseId", p."ordinal", p."heading", p."text",
             -bm25("KnowledgePassageFts", 0.0, 4.0, 1.0) AS "score"
      FROM "KnowledgePassageFts"
      JOIN "KnowledgePassage" p ON p."id" = "KnowledgePassageFts"."passageId"
      JOIN "KnowledgeSource" s ON s."id" = p."sourceId"
      WHERE "KnowledgePassageFts" MATCH ${match} AND p."knowledgeBaseId" IN (${ids}) AND s."status" = 'ready'
      ORDER BY "score" DESC, p."id" ASC
      LIMIT ${limit}`;
  } else {
    const query = terms.join(" | ");
    rows = await db.$queryRaw<SearchHit[]>`
      SELECT p."id", p."sourceId", s."name" AS "sourceName", p."knowledgeBaseId", p."ordinal", p."heading", p."text",
             ts_rank_cd(p."search", q.query, 32) AS "score"
      FROM "KnowledgePassage" p
      JOIN "KnowledgeSource" s ON s."id" = p."sourceId",
           to_tsquery('english', ${query}) AS q(query)
      WHERE p."search" @@ q.query AND p."knowledgeBaseId" IN (${ids}) AND s."status" = 'ready'
      ORDER BY "score" DESC, p."id" ASC
      LIMIT ${limit}`;
  }
  return rows.map((r) => ({ ...r, ordinal: Number(r.ordinal), score: Math.round(Number(r.score) * 10_000) / 10_000 }));
}
