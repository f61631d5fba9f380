// The shape of one operation declaration (operations/*.ts), which document.ts turns into OpenAPI.
import type { z } from "zod";

/**
 * Who may call: `api` = Basic credentials or a staff session; `staff` / `admin` = a dashboard session
 * only (an admin's for `admin`); `public` = nobody needs to sign in; `optional-session` = works
 * without, acts on the session cookie when there is one.
 */
export type Auth = "api" | "staff" | "admin" | "public" | "optional-session";

export type ResponseHeader =
  | "Location"
  | "Idempotent-Replayed"
  | "Set-Cookie"
  | "Cache-Control"
  | "Content-Disposition"
  | "Accept-Ranges"
  | "Content-Range";

export type ResponseSpec = {
  description: string;
  /** A schema registered in components.ts (responseSchemas). */
  body?: z.ZodType;
  /** The body is a JSON array of `body`, one page of a list (X-Total-Count and Link headers). */
  list?: boolean;
  contentType?: "application/json" | "text/event-stream" | "text/csv" | "audio/wav" | "text/plain" | "application/octet-stream";
  headers?: ResponseHeader[];
};

export type HeaderParam = { name: string; schema: z.ZodType; description: string };

export type Operation = {
  method: "get" | "post" | "put" | "delete";
  /** OpenAPI style: /api/v1/calls/{id} */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  auth: Auth;
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: HeaderParam[];
  /** A schema registered in components.ts (requestSchemas). */
  body?: z.ZodType;
  /** The body may also be a multipart/form-data upload: a `file` field and an optional `name`. */
  multipartFile?: boolean;
  /** A documented example of the body, shown in /docs. */
  bodyExample?: unknown;
  responses: Record<number, ResponseSpec>;
  /** Error statuses beyond the ones the declaration implies (document.ts derives 401, 404, 422…). */
  errors?: number[];
};

export const NO_STORE: ResponseHeader[] = ["Cache-Control"];
