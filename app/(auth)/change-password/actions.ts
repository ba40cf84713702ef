"use server";
import { getSessionViewer } from "@/lib/auth/viewer";
import { changeOwnPassword } from "@/lib/users/manage";
import { failure, type ActionResult } from "@/app/actions/result";

export async function changePasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await changeOwnPassword(await getSessionViewer(), {
      current: String(form.get("current") ?? ""),
      password: String(form.get("password") ?? ""),
      confirm: String(form.get("confirm") ?? ""),
    });
    return { ok: true, data: undefined };
  } catch (e) {
    return failure(e);
  }
}
