// Knowledge bases: the team's documents that agents answer from. One zod schema per input and output.
import { z } from "zod";
import { httpUrl, line, nonEmptyLine, pagingQuery, queryInt, text, uuid } from "@/lib/validation";

const agentIds = z.array(uuid("An agent id")).max(100, "At most 100 agents are allowed.");
const skillIds = z.array(uuid("A skill id")).max(100, "At most 100 skills are allowed.");

export const createKnowledgeBaseSchema = z.strictObject({
  name: nonEmptyLine(100, "name"),
  description: text(2000, "description").optional(),
  /** The agents that search this knowledge base in their conversations. */
  agentIds: agentIds.optional(),
  /** The skills whose conversations search it (whichever agent holds them). */
  skillIds: skillIds.optional(),
});
export type CreateKnowledgeBaseInput = z.infer<typeof createKnowledgeBaseSchema>;

export const updateKnowledgeBaseSchema = createKnowledgeBaseSchema
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one field to change." });
export type UpdateKnowledgeBaseInput = z.infer<typeof updateKnowledgeBaseSchema>;

export const knowledgeBaseListQuerySchema = z.strictObject({ q: line(100, "q").optional(), ...pagingQuery });
export type KnowledgeBaseListQuery = z.infer<typeof knowledgeBaseListQuerySchema>;

export const knowledgeBaseSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  agentIds: z.array(z.string()),
  skillIds: z.array(z.string()),
  sourceCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KnowledgeBaseDto = z.infer<typeof knowledgeBaseSchema>;

/** Pasted text, or a URL fetched once (and again on refresh). Files are sent as multipart/form-data. */
export const createSourceSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("text"),
      name: nonEmptyLine(200, "name"),
      /** Plain text or Markdown; `#` headings start new passages. */
      text: text(1_000_000, "text").refine((v) => v.trim().length > 0, { message: "text must not be empty." }),
    }),
    z.strictObject({
      kind: z.literal("url"),
      url: httpUrl("url"),
      name: nonEmptyLine(200, "name").optional(),
    }),
  ],
  { error: 'kind must be "text" or "url" (upload files as multipart/form-data with a "file" field).' },
);
export type CreateSourceInput = z.infer<typeof createSourceSchema>;

/** The fields of a multipart upload besides the file itself. */
export const uploadFieldsSchema = z.strictObject({ name: nonEmptyLine(200, "name").optional() });

export const SOURCE_KINDS = ["text", "file", "url"] as const;
export const SOURCE_STATUSES = ["processing", "ready", "failed"] as const;

export const knowledgeSourceSchema = z.object({
  id: z.string(),
  knowledgeBaseId: z.string(),
  kind: z.enum(SOURCE_KINDS),
  name: z.string(),
  contentType: z.string(),
  url: z.string().nullable(),
  status: z.enum(SOURCE_STATUSES),
  /** Why indexing failed (status failed), for the person who added it. */
  error: z.string().nullable(),
  /** Bytes of the document as uploaded or fetched. */
  size: z.number().int(),
  /** Passages it was split into. */
  chunkCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KnowledgeSourceDto = z.infer<typeof knowledgeSourceSchema>;

export const sourceParamsSchema = z.object({ id: uuid("The id in the path"), sourceId: uuid("The source id in the path") });

export const knowledgeSearchQuerySchema = z.strictObject({
  q: line(500, "q").refine((v) => v.trim().length > 0, { message: "q must not be empty." }),
  limit: queryInt(1, 20, 5, "limit"),
});

export const knowledgeHitSchema = z.object({
  passageId: z.string(),
  sourceId: z.string(),
  sourceName: z.string(),
  knowledgeBaseId: z.string(),
  ordinal: z.number().int(),
  heading: z.string(),
  text: z.string(),
  /** Relevance, higher is better; comparable within one answer (the scale differs between SQLite and Postgres). */
  score: z.number(),
});
export type KnowledgeHitDto = z.infer<typeof knowledgeHitSchema>;
