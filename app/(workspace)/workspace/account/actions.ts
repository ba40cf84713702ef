"use server";
// The signed-in user's own account (账户安全): their sessions and their second
// factor. Thin: the session's viewer → the service (which checks again that
// it is the viewer's own) → revalidate → a typed result for the form.
import { revalidatePath } from "next/cache";
import { getSessionViewer } from "@/lib/auth/viewer";
import { endOtherOwnSessions, endOwnSession } from "@/lib/auth/sessions";
import { disableOwnTwoFactor, reauthenticationSchema, regenerateRecoveryCodes, signedIn, type Reauthentication } from "@/lib/auth/two-factor";
import { invalidInput } from "@/lib/errors";
import { actionAddress, failure, type ActionResult } from "@/app/actions/result";

const PAGE = "/workspace/account";
/** The password and code of the form, parsed as the API's routes parse them. */
function reauthentication(form: FormData): Reauthentication {
  const parsed = reauthenticationSchema.safeParse({ password: String(form.get("password") ?? ""), code: String(form.get("code") ?? "") });
  if (!parsed.success) throw invalidInput(parsed.error, "twoFactor.reauthInvalid");
  return parsed.data;
}

export async function endSessionAction(handle: string): Promise<ActionResult> {
  try {
    await endOwnSession(await getSessionViewer(), String(handle).slice(0, 64), { ip: await actionAddress() });
    revalidatePath(PAGE);
    return { ok: true, data: undefined };
  } catch (e) {
    return failure(e);
  }
}

export async function endOtherSessionsAction(): Promise<ActionResult<{ ended: number }>> {
  try {
    const { ended } = await endOtherOwnSessions(await getSessionViewer(), { ip: await actionAddress() });
    revalidatePath(PAGE);
    return { ok: true, data: { ended } };
  } catch (e) {
    return failure(e);
  }
}

export async function disableTwoFactorAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    // Who asks (401), then what they sent (422), as the API's route does.
    const viewer = signedIn(await getSessionViewer());
    await disableOwnTwoFactor(viewer, reauthentication(form));
    revalidatePath(PAGE);
    return { ok: true, data: undefined };
  } catch (e) {
    return failure(e);
  }
}

export async function regenerateRecoveryCodesAction(_prev: ActionResult<{ recoveryCodes: string[] }> | null, form: FormData): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  try {
    const viewer = signedIn(await getSessionViewer());
    const { recoveryCodes } = await regenerateRecoveryCodes(viewer, reauthentication(form));
    return { ok: true, data: { recoveryCodes } };
  } catch (e) {
    return failure(e);
  }
}
