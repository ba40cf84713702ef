// POST /api/v1/commissions/{id}/cancel: defined in lib/api/routes/ (see lib/api/registry.ts).
import { handlerFor } from "@/lib/api/registry";

export const POST = handlerFor("POST", "/api/v1/commissions/{id}/cancel");
