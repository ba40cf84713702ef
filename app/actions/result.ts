// The typed result every workspace server action returns, shown next to the fields.
import { headers } from "next/headers";
import { localizeError } from "@/i18n/errors";
import { clientAddress, userAgentOf } from "@/lib/auth/client-address";
import { getSessionViewer } from "@/lib/auth/viewer";
import { recordRefusal } from "@/lib/audit/refusals";
import { AppError } from "@/lib/errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/**
 * An AppError becomes a result the form can show, in the user's language;
 * anything else is a real failure and is rethrown. Every 403 answered to a
 * signed-in user is put in the audit log first (等保 安全审计: every refusal is
 * recorded), as the API handler does: a permission `authorize` refused names
 * its user; any other 403 (a policy, a unit) is the session's user's.
 */
export async function failure(e: unknown): Promise<{ ok: false; message: string; fieldErrors?: Record<string, string[]> }> {
  if (!(e instanceof AppError)) throw e;
  if (e.status === 403) {
    const viewer = e.refusal ? null : await getSessionViewer();
    const userId = e.refusal?.userId ?? (viewer?.kind === "user" ? viewer.id : undefined);
    if (userId !== undefined) {
      const h = await headers();
      await recordRefusal(e, { userId, channel: "action", ip: clientAddress(h), userAgent: userAgentOf(h) });
    }
  }
  const { message, fields } = await localizeError(e);
  return { ok: false, message, fieldErrors: fields };
}

/** The address of the request a server action answers, for its audit row. */
export async function actionAddress(): Promise<string> {
  return clientAddress(await headers());
}
