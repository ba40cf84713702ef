// /api/v1/auth/2fa/recovery-codes: defined in lib/api/routes/ (see lib/api/registry.ts).
import { handlerFor } from "@/lib/api/registry";

export const POST = handlerFor("POST", "/api/v1/auth/2fa/recovery-codes");
