// GET /api/health: no auth; 200 once the database is migrated, 503 before.
import { checkHealth } from "@/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const { ready, body } = await checkHealth();
  return Response.json(body, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
