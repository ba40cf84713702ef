"use server";
// Administration actions: thin. Who is asking → parse the form → service (which
// checks the permission again) → revalidate → a typed result for the form.
import { revalidatePath } from "next/cache";
import { getSessionViewer } from "@/lib/auth/viewer";
import { createUserWithOneTimePassword, resetUserPassword, unlockUser, updateManagedUser } from "@/lib/users/manage";
import { createUnit, updateUnit } from "@/lib/units/units";
import { createPublication, updatePublication } from "@/lib/publications/publications";
import { authorize } from "@/lib/auth/permissions";
import { securityPolicySchema, setSecurityPolicy } from "@/lib/auth/two-factor";
import { invalidInput } from "@/lib/errors";
import { failure, type ActionResult } from "@/app/actions/result";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};
const optionalId = (form: FormData, name: string) => {
  const v = text(form, name);
  return v ? v : null;
};

export async function createUserAction(_prev: ActionResult<{ email: string; password: string }> | null, form: FormData): Promise<ActionResult<{ email: string; password: string }>> {
  try {
    const viewer = await getSessionViewer();
    const { user, password } = await createUserWithOneTimePassword(viewer, {
      email: text(form, "email") ?? "",
      name: text(form, "name") ?? "",
      role: text(form, "role"),
      unitId: optionalId(form, "unitId"),
    });
    revalidatePath("/workspace/admin");
    return { ok: true, data: { email: user.email, password } };
  } catch (e) {
    return failure(e);
  }
}

export async function updateUserAction(userId: number, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const viewer = await getSessionViewer();
    await updateManagedUser(viewer, userId, {
      name: text(form, "name"),
      role: text(form, "role"),
      unitId: optionalId(form, "unitId"),
    });
    revalidatePath("/workspace/admin");
    revalidatePath(`/workspace/admin/users/${userId}`);
    return { ok: true, data: undefined };
  } catch (e) {
    return failure(e);
  }
}

export async function setUserActiveAction(userId: number, active: boolean): Promise<ActionResult> {
  try {
    await updateManagedUser(await getSessionViewer(), userId, { active });
    revalidatePath("/workspace/admin");
    revalidatePath(`/workspace/admin/users/${userId}`);
    return { ok: true, data: undefined };
  } catch (e) {
    return failure(e);
  }
}

export async function unlockUserAction(userId: number): Promise<ActionResult> {
  try {
    await unlockUser(await getSessionViewer(), userId);
    revalidatePath("/workspace/admin");
    revalidatePath(`/workspace/admin/users/${userId}`);
    return { ok: true, data: undefined };
  } catch (e) {
    return failure(e);
  }
}

export async function resetPasswordAction(userId: number): Promise<ActionResult<{ password: string }>> {
  try {
    const { password } = await resetUserPassword(await getSessionViewer(), userId);
    revalidatePath(`/workspace/admin/users/${userId}`);
    return { ok: true, data: { password } };
  } catch (e) {
    return failure(e);
  }
}

export async function createUnitAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await createUnit(await getSessionViewer(), { name: text(form, "name") ?? "", shortName: text(form, "shortName") });
    revalidatePath("/workspace/admin/units");
    return { ok: true, data: undefined };
  } catch (e) {
    return failure(e);
  }
}

export async function renameUnitAction(unitId: number, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await updateUnit(await getSessionViewer(), unitId, { name: text(form, "name"), shortName: text(form, "shortName") ?? null });
    revalidatePath("/workspace/admin/units");
    return { ok: true, data: undefined };
  } catch (e) {
    return failure(e);
  }
}

export async function setUnitActiveAction(unitId: number, active: boolean): Promise<ActionResult> {
  try {
    await updateUnit(await getSessionViewer(), unitId, { active });
    revalidatePath("/workspace/admin/units");
    return { ok: true, data: undefined };
  } catch (e) {
    return failure(e);
  }
}

export async function savePublicationAction(slug: string | null, _prev: ActionResult<{ slug: string }> | null, form: FormData): Promise<ActionResult<{ slug: string }>> {
  try {
    const viewer = await getSessionViewer();
    const input = {
      slug: text(form, "slug") ?? "",
      name: text(form, "name") ?? "",
      issuingBody: text(form, "issuingBody") ?? "",
      subtitle: text(form, "subtitle"),
      printRecipients: text(form, "printRecipients"),
      printCc: text(form, "printCc"),
      printIssuer: text(form, "printIssuer"),
      printCopies: text(form, "printCopies") || null,
      showTotalNumber: form.get("showTotalNumber") === "on",
      requiresSignoff: form.get("requiresSignoff") === "on",
      printSigner: form.get("printSigner") === "on",
    };
    const saved = slug ? await updatePublication(viewer, slug, input) : await createPublication(viewer, input);
    revalidatePath("/workspace/admin/publications");
    revalidatePath("/", "layout");
    return { ok: true, data: { slug: saved.slug } };
  } catch (e) {
    return failure(e);
  }
}

/**
 * 安全策略: the same schema and service as `PUT /api/v1/security/policy`, and
 * like the route, who asks before what they send. An empty expiry is "no
 * expiry"; anything that is not a number is passed on as text for the schema
 * to refuse next to the field. The service checks the permission and the version.
 */
export async function saveSecurityPolicyAction(_prev: ActionResult<{ version: number }> | null, form: FormData): Promise<ActionResult<{ version: number }>> {
  try {
    const viewer = await getSessionViewer();
    authorize(viewer, "manage:security:any");
    const days = (text(form, "passwordMaxAgeDays") ?? "").trim();
    const version = (text(form, "version") ?? "").trim();
    const parsed = securityPolicySchema.safeParse({
      twoFactorRoles: form.getAll("twoFactorRoles").filter((v) => typeof v === "string"),
      passwordMaxAgeDays: days === "" ? null : /^-?\d+(\.\d+)?$/.test(days) ? Number(days) : days,
      version: /^\d+$/.test(version) ? Number(version) : version,
    });
    if (!parsed.success) throw invalidInput(parsed.error, "security.policyInvalid");
    const saved = await setSecurityPolicy(viewer, parsed.data);
    revalidatePath("/workspace/admin/security");
    return { ok: true, data: { version: saved.version } };
  } catch (e) {
    return failure(e);
  }
}
