// PATCH /api/v1/units/{id}: defined in lib/api/routes/ (see lib/api/registry.ts).
import { handlerFor } from "@/lib/api/registry";

export const PATCH = handlerFor("PATCH", "/api/v1/units/{id}");
