// Authentication for /api/v1: HTTP Basic with an API credential. (Staff sessions join here later.)
import { ApiError } from "@/lib/errors";
import { verifyBasicHeader } from "./credentials";

export const UNAUTHORIZED_HEADERS = { "WWW-Authenticate": 'Basic realm="Callboard API", charset="UTF-8"' };

export async function requireApiAuth(req: Request) {
  const header = req.headers.get("authorization");
  const principal = await verifyBasicHeader(header);
  if (principal) return principal;
  throw new ApiError(
    "unauthorized",
    header
      ? "The API credentials are wrong or revoked. Check the username and password."
      : "Authentication required: send an Authorization: Basic header with your API username and password.",
    { headers: UNAUTHORIZED_HEADERS },
  );
}
