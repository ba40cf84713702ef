// GET, PATCH /api/v1/publications/{slug}: defined in lib/api/routes/ (see lib/api/registry.ts).
import { handlerFor } from "@/lib/api/registry";

export const GET = handlerFor("GET", "/api/v1/publications/{slug}");
export const PATCH = handlerFor("PATCH", "/api/v1/publications/{slug}");
