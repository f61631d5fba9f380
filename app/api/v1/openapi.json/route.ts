// GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the zod schemas. Public, like
// most APIs' reference docs: it describes the API, it holds no data.
import { methodNotAllowed } from "@/lib/http";
import { openApiDocument } from "@/server/openapi/document";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
