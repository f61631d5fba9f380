// Knowledge bases: documents agents answer from, their sources, and the search preview.
import { idParamsSchema } from "@/lib/validation";
import {
  createKnowledgeBaseSchema,
  createSourceSchema,
  knowledgeBaseListQuerySchema,
  knowledgeBaseSchema,
  knowledgeHitSchema,
  knowledgeSearchQuerySchema,
  knowledgeSourceSchema,
  sourceParamsSchema,
  updateKnowledgeBaseSchema,
} from "@/server/knowledge/schema";
import type { Operation } from "../types";

const tag = "Knowledge";
const base = "/api/v1/knowledge-bases";
const item = `${base}/{id}`;
const sources = `${item}/sources`;
const source = `${sources}/{sourceId}`;

export const knowledgeOperations: Operation[] = [
  {
    method: "get",
    path: base,
    operationId: "listKnowledgeBases",
    summary: "List knowledge bases",
    tag,
    auth: "api",
    query: knowledgeBaseListQuerySchema,
    responses: { 200: { description: "One page of knowledge bases.", body: knowledgeBaseSchema, list: true } },
  },
  {
    method: "post",
    path: base,
    operationId: "createKnowledgeBase",
    summary: "Create a knowledge base",
    description: "Attach it to agents (`agentIds`) or skills (`skillIds`): their conversations then search it.",
    tag,
    auth: "api",
    body: createKnowledgeBaseSchema,
    bodyExample: { name: "Help centre", description: "Returns, delivery and opening hours" },
    responses: { 201: { description: "The new knowledge base.", body: knowledgeBaseSchema } },
  },
  {
    method: "get",
    path: item,
    operationId: "getKnowledgeBase",
    summary: "Get a knowledge base",
    tag,
    auth: "api",
    params: idParamsSchema,
    responses: { 200: { description: "The knowledge base.", body: knowledgeBaseSchema } },
  },
  {
    method: "put",
    path: item,
    operationId: "updateKnowledgeBase",
    summary: "Change a knowledge base",
    description: "`agentIds` and `skillIds`, when sent, replace the attachments.",
    tag,
    auth: "api",
    params: idParamsSchema,
    body: updateKnowledgeBaseSchema,
    responses: { 200: { description: "The changed knowledge base.", body: knowledgeBaseSchema } },
  },
  {
    method: "delete",
    path: item,
    operationId: "deleteKnowledgeBase",
    summary: "Delete a knowledge base",
    description: "Removes its sources and passages too.",
    tag,
    auth: "api",
    params: idParamsSchema,
    responses: { 204: { description: "Deleted." } },
  },
  {
    method: "get",
    path: sources,
    operationId: "listKnowledgeSources",
    summary: "List a knowledge base's sources",
    description:
      "Every source, newest first, with its status (processing, ready, or failed with the reason), size and passage count.",
    tag,
    auth: "api",
    params: idParamsSchema,
    responses: { 200: { description: "The sources.", body: knowledgeSourceSchema, list: true } },
  },
  {
    method: "post",
    path: sources,
    operationId: "addKnowledgeSource",
    summary: "Add a source",
    description:
      "Pasted text or Markdown (`kind: text`), a URL fetched once under the webhooks' address rule (`kind: url`), or a " +
      "file sent as `multipart/form-data` (field `file`: Markdown, plain text, HTML, CSV or PDF, up to " +
      "KNOWLEDGE_MAX_FILE_BYTES, 20 MB by default). Answers 202 at once: the source is indexed in the background; poll " +
      "it until `status` is `ready` or `failed`. 409 when the knowledge base is full (KNOWLEDGE_MAX_SOURCES, " +
      "KNOWLEDGE_MAX_TOTAL_BYTES).",
    tag,
    auth: "api",
    params: idParamsSchema,
    body: createSourceSchema,
    multipartFile: true,
    bodyExample: { kind: "text", name: "Returns policy", text: "# Returns\n\nYou can return any item within 30 days." },
    responses: { 202: { description: "The source, waiting to be indexed.", body: knowledgeSourceSchema } },
    errors: [409],
  },
  {
    method: "get",
    path: source,
    operationId: "getKnowledgeSource",
    summary: "Get a source",
    tag,
    auth: "api",
    params: sourceParamsSchema,
    responses: { 200: { description: "The source.", body: knowledgeSourceSchema } },
  },
  {
    method: "delete",
    path: source,
    operationId: "deleteKnowledgeSource",
    summary: "Delete a source",
    description: "Its passages are removed in the same transaction.",
    tag,
    auth: "api",
    params: sourceParamsSchema,
    responses: { 204: { description: "Deleted." } },
  },
  {
    method: "post",
    path: `${source}/refresh`,
    operationId: "refreshKnowledgeSource",
    summary: "Fetch a URL source again",
    description:
      "Its passages are replaced once the new copy is indexed. 409 for a source that is not a URL, or is being indexed.",
    tag,
    auth: "api",
    params: sourceParamsSchema,
    responses: { 202: { description: "The source, waiting to be indexed.", body: knowledgeSourceSchema } },
    errors: [409],
  },
  {
    method: "get",
    path: `${item}/search`,
    operationId: "searchKnowledgeBase",
    summary: "Search a knowledge base",
    description:
      "The passages an agent would get for a question, best first, with their source's name and a relevance score " +
      "(higher is better; lexical: SQLite FTS5 bm25, or Postgres full-text ts_rank_cd).",
    tag,
    auth: "api",
    params: idParamsSchema,
    query: knowledgeSearchQuerySchema,
    responses: { 200: { description: "The passages found (none is an empty list).", body: knowledgeHitSchema, list: true } },
  },
];
