// GET /api/ping: liveness, constant JSON; also the benchmark's baseline
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
