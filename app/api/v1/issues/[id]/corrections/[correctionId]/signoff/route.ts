// POST /api/v1/issues/{id}/corrections/{correctionId}/signoff: defined in lib/api/routes/ (see lib/api/registry.ts).
import { handlerFor } from "@/lib/api/registry";

export const POST = handlerFor("POST", "/api/v1/issues/{id}/corrections/{correctionId}/signoff");
