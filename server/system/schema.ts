// Outputs of the unauthenticated system endpoints: GET /api/health and GET /api/ping.
import { z } from "zod";

export const healthSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["sqlite", "postgresql"]),
  migrations: z.object({ applied: z.number().int(), pending: z.number().int(), latest: z.string().nullable() }),
});
export type Health = z.infer<typeof healthSchema>;

export const pingSchema = z.object({ status: z.literal("ok") });
