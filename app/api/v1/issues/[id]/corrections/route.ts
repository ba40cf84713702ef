// GET, POST /api/v1/issues/{id}/corrections: defined in lib/api/routes/ (see lib/api/registry.ts).
import { handlerFor } from "@/lib/api/registry";

export const GET = handlerFor("GET", "/api/v1/issues/{id}/corrections");
export const POST = handlerFor("POST", "/api/v1/issues/{id}/corrections");
