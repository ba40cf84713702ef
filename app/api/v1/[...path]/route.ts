// Any other path under /api/v1: the JSON error shape, never an HTML page.
import { errorResponse } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";

const notFound = (request: Request) => errorResponse(new AppError("not_found", "api.noSuchEndpoint"), request);

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
