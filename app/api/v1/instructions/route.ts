// GET /api/v1/instructions: defined in lib/api/routes/ (see lib/api/registry.ts).
import { handlerFor } from "@/lib/api/registry";

export const GET = handlerFor("GET", "/api/v1/instructions");
