// Builds the OpenAPI 3.1 document from the operation list (registry.ts) and the zod schemas
// (components.ts): nothing in it is written by hand except prose. Served by GET /api/v1/openapi.json.
import { z } from "zod";
import { ERROR_CODES } from "@/lib/errors";
import { SESSION_COOKIE } from "@/lib/dashboard-protocol";
import { EVENT_TYPES, TEST_EVENT, webhookEventSchemas } from "@/server/webhooks/schema";
import { requestSchemas, responseSchemas, type SchemaMeta } from "./components";
import { OPERATIONS, TAGS } from "./registry";
import type { HeaderParam, Operation, ResponseHeader, ResponseSpec } from "./types";

type Json = Record<string, unknown>;

const REF = (id: string) => `#/components/schemas/${id}`;
// zod names some string checks as formats JSON Schema does not define; their `pattern` already says it.
const NON_STANDARD_FORMATS = new Set(["starts_with", "ends_with", "includes"]);
const OPTIONS = {
  target: "draft-2020-12",
  unrepresentable: "any",
  override: ({ jsonSchema }: { jsonSchema: { format?: string } }) => {
    if (jsonSchema.format && NON_STANDARD_FORMATS.has(jsonSchema.format)) delete jsonSchema.format;
  },
} as const;

/** Drops what a schema inside an OpenAPI document must not repeat: its own $schema and $id. */
function clean(schema: Json): Json {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** An inline schema (parameters, headers): nothing registered, so nothing becomes a $ref. */
const inline = (schema: z.ZodType, io: "input" | "output" = "input") =>
  clean(z.toJSONSchema(schema, { ...OPTIONS, io, metadata: z.registry() }) as Json);

function components(registry: z.core.$ZodRegistry<SchemaMeta>, io: "input" | "output") {
  const { schemas } = z.toJSONSchema(registry, { ...OPTIONS, io, uri: REF });
  return Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, clean(s as Json)]));
}

function refTo(registry: z.core.$ZodRegistry<SchemaMeta>, schema: z.ZodType, what: string): Json {
  const id = registry.get(schema)?.id;
  if (!id) throw new Error(`OpenAPI: the ${what} schema is not registered in server/openapi/components.ts`);
  return { $ref: REF(id) };
}

const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: "BadRequest", description: "`bad_request`: malformed JSON, or a body that is not a JSON object." },
  401: { name: "Unauthorized", description: "`unauthorized`: missing or wrong credentials." },
  403: { name: "Forbidden", description: "`forbidden`: not allowed (wrong kind of principal, cross-site write, expired link)." },
  404: { name: "NotFound", description: "`not_found`: unknown id." },
  409: { name: "Conflict", description: "`invalid_transition` (with `allowed`) or `conflict`: the current state forbids it." },
  413: { name: "PayloadTooLarge", description: "`payload_too_large`: the body is over MAX_BODY_BYTES." },
  415: { name: "UnsupportedMediaType", description: "`unsupported_media_type`: send Content-Type: application/json." },
  416: {
    name: "RangeNotSatisfiable",
    description: "`range_not_satisfiable`: the Range asks for bytes the file lacks (`Content-Range: bytes */size`).",
  },
  422: { name: "ValidationFailed", description: "`validation_failed`: `details[].path` names each wrong field." },
  429: { name: "RateLimited", description: "`rate_limited`: too many requests; retry after `Retry-After` seconds." },
  503: {
    name: "ServiceUnavailable",
    description:
      "`database_unavailable` (the database is down or restarting, or this instance is shutting down) or `service_unavailable` (busy right now): retry after `Retry-After` seconds.",
  },
};

const headerSchema = {
  string: inline(z.string()),
  integer: inline(z.number().int()),
};

const RESPONSE_HEADERS: Record<ResponseHeader | "X-Total-Count" | "Link" | "Retry-After" | "WWW-Authenticate", Json> = {
  Location: { description: "The new interaction's URL.", schema: headerSchema.string },
  "Idempotent-Replayed": { description: "`true` when this answer replays an earlier request's.", schema: headerSchema.string },
  "Set-Cookie": { description: "The session cookie.", schema: headerSchema.string },
  "Cache-Control": { description: "Never cache (no-store) where the body is private.", schema: headerSchema.string },
  "Content-Disposition": { description: "inline, or attachment with `download`.", schema: headerSchema.string },
  "Accept-Ranges": { description: "`bytes`: a Range header may ask for a slice.", schema: headerSchema.string },
  "Content-Range": { description: "`bytes first-last/size`: which slice this is.", schema: headerSchema.string },
  "X-Total-Count": { description: "The number of items over all pages.", schema: headerSchema.integer },
  Link: { description: 'RFC 8288 `rel="next"` / `rel="prev"` page links.', schema: headerSchema.string },
  "Retry-After": { description: "Seconds to wait.", schema: headerSchema.integer },
  "WWW-Authenticate": { description: "The Basic challenge.", schema: headerSchema.string },
};

const headers = (names: string[]) =>
  names.length ? { headers: Object.fromEntries(names.map((n) => [n, RESPONSE_HEADERS[n as ResponseHeader]])) } : {};

const ERROR_HEADERS: Record<number, string[]> = {
  401: ["WWW-Authenticate"],
  409: ["Retry-After"],
  416: ["Content-Range"],
  429: ["Retry-After"],
  503: ["Retry-After"],
};

function errorResponse(status: number): Json {
  const { description } = ERROR_RESPONSES[status];
  const extra = ERROR_HEADERS[status] ?? [];
  return { description, ...headers(extra), content: { "application/json": { schema: { $ref: REF("Error") } } } };
}

function successResponse(spec: ResponseSpec): Json {
  const type = spec.contentType ?? (spec.body ? "application/json" : undefined);
  const names = [...(spec.headers ?? []), ...(spec.list ? ["X-Total-Count", "Link"] : [])];
  let content: Json | undefined;
  if (type === "application/json") {
    const item = spec.body ? refTo(responseSchemas, spec.body, "response") : {};
    content = { [type]: { schema: spec.list ? { type: "array", items: item } : item } };
  } else if (type === "text/event-stream" || type === "text/csv") {
    content = { [type]: { schema: inline(z.string()) } };
  } else if (type) {
    content = { [type]: {} };
  }
  return { description: spec.description, ...headers(names), ...(content && { content }) };
}

/** The error statuses an operation can answer, from what it declares. */
function errorStatuses(op: Operation): number[] {
  const statuses = new Set(op.errors ?? []);
  const add = (...list: number[]) => {
    for (const s of list) statuses.add(s);
  };
  if (op.auth !== "public" && op.auth !== "optional-session") add(401, 429);
  // A dashboard session writing from another site is refused (CSRF); staff/admin endpoints refuse API credentials.
  if (op.auth === "staff" || op.auth === "admin" || (op.auth === "api" && op.method !== "get")) add(403);
  if (op.params) add(404, 422);
  if (op.query || op.headers?.length) add(422);
  if (op.body) add(400, 413, 415, 422);
  // Every operation reads the database, which can be unavailable for a while (a restart, an outage).
  add(503);
  return [...statuses].filter((s) => ERROR_RESPONSES[s]).sort((a, b) => a - b);
}

function objectParams(schema: z.ZodType, where: "path" | "query"): Json[] {
  const json = inline(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    schema: s,
  }));
}

const headerParam = (h: HeaderParam): Json => ({
  name: h.name,
  in: "header",
  required: false,
  description: h.description,
  schema: inline(h.schema),
});

const SECURITY: Record<Operation["auth"], Json[] | undefined> = {
  api: undefined, // the global default
  staff: [{ sessionCookie: [] }],
  admin: [{ sessionCookie: [] }],
  public: [],
  "optional-session": [{ sessionCookie: [] }, {}],
};

function operation(op: Operation): Json {
  const parameters = [
    ...(op.params ? objectParams(op.params, "path") : []),
    ...(op.query ? objectParams(op.query, "query") : []),
    ...(op.headers ?? []).map(headerParam),
  ];
  const responses: Json = {};
  for (const [status, spec] of Object.entries(op.responses)) responses[status] = successResponse(spec);
  for (const status of errorStatuses(op)) responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
  const security = SECURITY[op.auth];
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description && { description: op.description }),
    tags: [op.tag],
    ...(parameters.length && { parameters }),
    ...(op.body && {
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: refTo(requestSchemas, op.body, "request"),
            // One `example`, not an `examples` map: Swagger UI renders a map as an unlabelled <select>.
            ...(op.bodyExample !== undefined && { example: op.bodyExample }),
          },
          ...(op.multipartFile && {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["file"],
                properties: {
                  file: { type: "string", contentMediaType: "application/octet-stream", description: "The document." },
                  name: { type: "string", maxLength: 200, description: "Its name in the list (the file's name when left out)." },
                },
              },
            },
          }),
        },
      },
    }),
    responses,
    ...(security && { security }),
  };
}

const WEBHOOK_HEADERS: HeaderParam[] = [
  { name: "webhook-id", schema: z.string(), description: "The event id: the same on every retry and replay (drop duplicates)." },
  { name: "webhook-timestamp", schema: z.string(), description: "Unix seconds of this attempt." },
  {
    name: "webhook-signature",
    schema: z.string(),
    description: "`v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` (Standard Webhooks).",
  },
];

function webhooks(): Json {
  return Object.fromEntries(
    [...EVENT_TYPES, TEST_EVENT].map((type) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace(/\W/g, "_")}`,
          summary: `The ${type} event`,
          tags: ["Webhooks"],
          parameters: WEBHOOK_HEADERS.map((h) => ({ ...headerParam(h), required: true })),
          requestBody: {
            required: true,
            content: { "application/json": { schema: refTo(responseSchemas, webhookEventSchemas[type], "webhook") } },
          },
          responses: {
            "2XX": { description: "Received. Anything else (including 3xx or no answer) is retried with backoff." },
            "410": { description: "Gone: disables the endpoint until it is re-enabled." },
          },
          security: [],
        },
      },
    ]),
  );
}

export function buildOpenApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    if (paths[op.path][op.method]) throw new Error(`OpenAPI: ${op.method.toUpperCase()} ${op.path} is declared twice`);
    paths[op.path][op.method] = operation(op);
  }
  const errorResponses = Object.fromEntries(
    Object.keys(ERROR_RESPONSES).map((s) => [ERROR_RESPONSES[+s].name, errorResponse(+s)]),
  );
  return {
    openapi: "3.1.1",
    info: {
      title: "Callboard API",
      version: "1.0.0",
      description:
        "Create and follow AI-agent interactions on voice, SMS, WhatsApp, e-mail and web chat. Authenticate with HTTP Basic " +
        "(an API credential) or, from the dashboard, the session cookie. Every error is the `Error` envelope with a stable " +
        `\`code\` (${ERROR_CODES.join(", ")}).`,
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    tags: TAGS,
    security: [{ basicAuth: [] }, { sessionCookie: [] }],
    paths,
    webhooks: webhooks(),
    components: {
      schemas: { ...components(responseSchemas, "output"), ...components(requestSchemas, "input") },
      responses: errorResponses,
      securitySchemes: {
        basicAuth: { type: "http", scheme: "basic", description: "An API credential: username and password." },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description: "The dashboard session (POST /api/v1/session). Writes must carry this server's Origin.",
        },
      },
    },
  };
}

let cached: Json | undefined;

/** The document is a pure function of the code, so one build per process is enough. */
export function openApiDocument(): Json {
  cached ??= buildOpenApiDocument();
  return cached;
}
