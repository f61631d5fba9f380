// Any other /api path: a 404 in the error envelope rather than an HTML page.
import { ApiError, errorResponse } from "@/lib/errors";

const notFound = async () =>
  errorResponse(new ApiError("not_found", "There is no API endpoint at this path. See the README for the list of endpoints."));

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
