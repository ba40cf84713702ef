// Every refusal (403) of a signed-in user is in the audit log (等保 安全审计,
// issue 21 item 7): who, what was asked (permission, or method and path), the
// answer's code, address and user agent. Written in a transaction of its own,
// so it stays although the request failed; a failure to write it is logged and
// never turns the 403 into a 500.
import { getDb } from "@/db";
import type { AppError } from "@/lib/errors";
import { anonymous } from "@/lib/auth/permissions";
import { recordAuditFor } from "./audit";

export interface RefusalContext {
  userId: number;
  /** `api` (a route under /api/v1) or `action` (a server action). */
  channel: "api" | "action";
  method?: string;
  path?: string;
  ip?: string;
  userAgent?: string;
}

/** Records one 403 answered to a signed-in user. */
export async function recordRefusal(error: AppError, context: RefusalContext): Promise<void> {
  try {
    const db = await getDb();
    await recordAuditFor(db, context.userId, anonymous, {
      action: "auth.refused",
      targetType: "user",
      targetId: context.userId,
      ip: context.ip,
      details: {
        code: error.code,
        ...(error.refusal?.permission ? { permission: error.refusal.permission } : {}),
        ...(context.method ? { method: context.method } : {}),
        ...(context.path ? { path: context.path.slice(0, 300) } : {}),
        userAgent: context.userAgent ?? "",
        channel: context.channel,
      },
    });
  } catch (e) {
    console.error("[audit] could not record a refusal:", e);
  }
}
