// /api/v1/security/policy: defined in lib/api/routes/ (see lib/api/registry.ts).
import { handlerFor } from "@/lib/api/registry";

export const GET = handlerFor("GET", "/api/v1/security/policy");
export const PUT = handlerFor("PUT", "/api/v1/security/policy");
