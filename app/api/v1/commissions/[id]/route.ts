// GET and PATCH /api/v1/commissions/{id}: defined in lib/api/routes/ (see lib/api/registry.ts).
import { handlerFor } from "@/lib/api/registry";

export const GET = handlerFor("GET", "/api/v1/commissions/{id}");
export const PATCH = handlerFor("PATCH", "/api/v1/commissions/{id}");
