"use server";
import { revalidatePath } from "next/cache";
import { getSessionViewer } from "@/lib/auth/viewer";
import { setWeights, WEIGHT_KEYS } from "@/lib/stats/weights";
import { failure, type ActionResult } from "@/app/actions/result";

export async function setWeightsAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const weights = Object.fromEntries(WEIGHT_KEYS.map((k) => [k, String(form.get(k) ?? "")]));
    const effectiveFrom = String(form.get("effectiveFrom") ?? "") || undefined;
    await setWeights(await getSessionViewer(), { weights, effectiveFrom });
    revalidatePath("/workspace/stats", "layout");
    return { ok: true, data: undefined };
  } catch (e) {
    return failure(e);
  }
}
