"use server";
import { revalidatePath } from "next/cache";
import { getSessionViewer } from "@/lib/auth/viewer";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { failure, type ActionResult } from "@/app/actions/result";

export async function createTokenAction(_prev: ActionResult<{ name: string; token: string }> | null, form: FormData): Promise<ActionResult<{ name: string; token: string }>> {
  try {
    const viewer = await getSessionViewer();
    if (viewer.kind !== "user") throw new AppError("unauthorized", "common.signInFirst");
    const name = String(form.get("name") ?? "");
    const { token } = await createApiToken(viewer, viewer.id, name);
    revalidatePath("/workspace/tokens");
    return { ok: true, data: { name: name.trim(), token } };
  } catch (e) {
    return failure(e);
  }
}

export async function revokeTokenAction(id: number): Promise<ActionResult> {
  try {
    await revokeApiToken(await getSessionViewer(), id);
    revalidatePath("/workspace/tokens");
    return { ok: true, data: undefined };
  } catch (e) {
    return failure(e);
  }
}
