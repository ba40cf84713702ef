// PUT /api/v1/issues/{id}/layout: defined in lib/api/routes/ (see lib/api/registry.ts).
import { handlerFor } from "@/lib/api/registry";

export const PUT = handlerFor("PUT", "/api/v1/issues/{id}/layout");
