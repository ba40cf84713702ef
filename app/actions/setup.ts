"use server";
import { invalidInput } from "@/lib/errors";
import { createFirstAdmin, firstAdminSchema } from "@/lib/users/first-admin";
import { failure, type ActionResult } from "./result";

export async function createFirstAdminAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const parsed = firstAdminSchema.safeParse({ email: form.get("email"), name: form.get("name"), password: form.get("password") });
    if (!parsed.success) throw invalidInput(parsed.error, "common.checkInput");
    await createFirstAdmin(parsed.data);
    return { ok: true, data: undefined };
  } catch (e) {
    return failure(e);
  }
}
