// The one error contract. Every endpoint answers errors as
//   { "error": { "code": "...", "message": "...", "details": [{ "path": "a.b", "message": "..." }] } }
// with a stable code from ERROR_CODES. handleApiError is the one place that maps exceptions to HTTP.
import { z } from "zod";
import { faultSummary, isDatabaseUnavailable } from "./db-faults";
import { logThrottled } from "./log";

export const ERROR_CODES = [
  "bad_request",
  "validation_failed",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "invalid_transition",
  "payload_too_large",
  "unsupported_media_type",
  "range_not_satisfiable",
  "rate_limited",
  "chat_not_found",
  "chat_closed",
  "service_unavailable",
  "database_unavailable",
  "internal_error",
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  rate_limited: 429,
  chat_not_found: 404,
  chat_closed: 409,
  service_unavailable: 503,
  database_unavailable: 503,
  internal_error: 500,
};

export const errorDetailSchema = z.object({ path: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.array(errorDetailSchema).optional(),
    allowed: z.array(z.string()).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { details?: ErrorDetail[]; allowed?: string[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }

  toJSON(): ErrorEnvelope {
    const { details, allowed } = this.extra;
    return { error: { code: this.code, message: this.message, ...(details && { details }), ...(allowed && { allowed }) } };
  }
}

export const notFound = (what: string) => new ApiError("not_found", `${what} was not found.`);

/** A 422 about one field that the schema could not check (it needs the database). */
export const fieldError = (path: string, message: string) =>
  new ApiError("validation_failed", message, { details: [{ path, message }] });

/** Turns a zod error into field-level details with dotted paths ("customerOverride.email"). */
export function zodDetails(error: z.ZodError, rootPath = "(body)"): ErrorDetail[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: [...base, key].join("."),
        message: `Unknown field "${key}". Remove it: it is not part of this request.`,
      }));
    }
    return [{ path: base.join(".") || rootPath, message: issue.message }];
  });
}

export function validationError(error: z.ZodError, what = "The request", rootPath?: string): ApiError {
  const details = zodDetails(error, rootPath);
  const first = details[0];
  const summary = first ? `${first.path}: ${first.message}` : "invalid input";
  return new ApiError("validation_failed", `${what} is invalid. ${summary}`, { details });
}

export function errorResponse(error: ApiError): Response {
  return Response.json(error.toJSON(), { status: error.status, headers: error.extra.headers });
}

/** Seconds a client should wait before retrying a request that met an unavailable database. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

export const databaseUnavailable = () =>
  new ApiError("database_unavailable", "The database is unavailable right now, so nothing was done. Retry in a few seconds.", {
    headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
  });

/** This instance is stopping (SIGTERM): another one, or this one after a restart, answers the retry. */
export const shuttingDown = () =>
  new ApiError("service_unavailable", "This server is restarting. Retry in a moment.", {
    headers: { "Retry-After": "1", Connection: "close" },
  });

/** Maps any thrown value to the envelope. Unknown errors are logged and answered without internals. */
export function handleApiError(error: unknown): Response {
  if (error instanceof ApiError) return errorResponse(error);
  if (error instanceof z.ZodError) return errorResponse(validationError(error));
  if (isDatabaseUnavailable(error)) {
    logThrottled(
      "database-unavailable",
      `the database is unavailable (${faultSummary(error)}); requests answer 503 until it is back`,
    );
    return errorResponse(databaseUnavailable());
  }
  console.error("[callboard] unhandled error:", error);
  return errorResponse(new ApiError("internal_error", "Something went wrong on our side. Please try again."));
}
