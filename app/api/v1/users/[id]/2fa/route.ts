// /api/v1/users/{id}/2fa: defined in lib/api/routes/ (see lib/api/registry.ts).
import { handlerFor } from "@/lib/api/registry";

export const DELETE = handlerFor("DELETE", "/api/v1/users/{id}/2fa");
