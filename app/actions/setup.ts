"use server";
import { createFirstAdmin } from "@/lib/users/first-admin";
import { AppError } from "@/lib/errors";

export type ActionResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export async function createFirstAdminAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await createFirstAdmin({ email: form.get("email"), name: form.get("name"), password: form.get("password") });
    return { ok: true };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, message: e.message, fieldErrors: e.fields };
    throw e;
  }
}
