// GET /api/v1/openapi.json: the OpenAPI 3.1 document, written from the route definitions.
import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

let cached: string | undefined;

export function GET() {
  cached ??= JSON.stringify(openApiDocument());
  return new NextResponse(cached, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" } });
}
