"use server";
import { createFirstAdmin } from "@/lib/users/first-admin";
import { failure, type ActionResult } from "./result";

export async function createFirstAdminAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await createFirstAdmin({ email: form.get("email"), name: form.get("name"), password: form.get("password") });
    return { ok: true, data: undefined };
  } catch (e) {
    return failure(e);
  }
}
