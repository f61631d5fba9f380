// GET /api/v1/calls.csv: the interactions matching the list's filters, as CSV, streamed (no paging).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { csvResponse } from "@/server/calls/csv";
import { exportCallsQuerySchema } from "@/server/calls/schema";

export const GET = route({ auth: "api", query: exportCallsQuerySchema }, async ({ query }) => csvResponse(query));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
