// /api/v1/auth/sessions/{id}: defined in lib/api/routes/ (see lib/api/registry.ts).
import { handlerFor } from "@/lib/api/registry";

export const DELETE = handlerFor("DELETE", "/api/v1/auth/sessions/{id}");
