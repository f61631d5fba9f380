// GET /api/v1/channels: which provider carries each channel, and whether its credentials work.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { channelsStatus } from "@/server/transports/settings";

export const GET = route({ auth: "staff" }, async () => Response.json(await channelsStatus()));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
