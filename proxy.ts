// Runs before routing. Next.js cannot decode a path with malformed percent-encoding (e.g. "%E0%A4%A")
// and would answer with a plain-text 500; such a request gets the API's 400 envelope instead.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return NextResponse.json(
      { error: { code: "bad_request", message: "The URL path has malformed percent-encoding." } },
      { status: 400 },
    );
  }
  return NextResponse.next();
}

export const config = { matcher: "/api/:path*" };
