"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { Role } from "@/db/schema";
import { Field, FormMessage, fieldErrorOf } from "@/components/ui/form";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { saveSecurityPolicyAction } from "@/app/(workspace)/workspace/admin/actions";

/**
 * 安全策略: roles that must use two-factor, and the password lifetime. The
 * inputs are controlled so that a refused save keeps what was typed; the
 * version read with the page goes back with the save (409 if someone saved since).
 */
export function SecurityPolicyForm({ roles: allRoles, policy }: { roles: readonly Role[]; policy: { twoFactorRoles: Role[]; passwordMaxAgeDays: number | null; version: number } }) {
  const t = useTranslations("admin");
  const tr = useTranslations("workspace.roles");
  const [state, action, pending] = useActionState(saveSecurityPolicyAction, null);
  const [roles, setRoles] = useState<Set<Role>>(() => new Set(policy.twoFactorRoles));
  const [days, setDays] = useState(policy.passwordMaxAgeDays === null ? "" : String(policy.passwordMaxAgeDays));
  const version = state?.ok ? state.data.version : policy.version;
  const err = (name: string) => fieldErrorOf(state, name);
  const rolesError = err("twoFactorRoles");
  const toggle = (role: Role, on: boolean) =>
    setRoles((prev) => {
      const next = new Set(prev);
      if (on) next.add(role);
      else next.delete(role);
      return next;
    });
  return (
    // Checked here, not by the browser: every refusal reads the same, next to its field.
    <form action={action} noValidate className="max-w-2xl space-y-5">
      <input type="hidden" name="version" value={version} />
      <fieldset className="rounded border border-stone-200 bg-white p-4" aria-describedby="two-factor-roles-note" aria-invalid={rolesError ? true : undefined}>
        <legend className="px-1 text-sm font-medium text-stone-700">{t("security.twoFactorRoles")}</legend>
        <div className="grid gap-x-4 gap-y-2 sm:grid-cols-3">
          {allRoles.map((role) => (
            <label key={role} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="twoFactorRoles" value={role} checked={roles.has(role)} onChange={(e) => toggle(role, e.target.checked)} />
              {tr(role)}
            </label>
          ))}
        </div>
        <p id="two-factor-roles-note" className={`mt-3 text-xs ${rolesError ? "text-red-700" : "text-stone-500"}`}>
          {rolesError ?? t("security.twoFactorHint")}
        </p>
      </fieldset>
      <div className="max-w-xs">
        <Field label={t("security.passwordMaxAgeDays")} error={err("passwordMaxAgeDays")} hint={t("security.passwordHint")}>
          <input name="passwordMaxAgeDays" type="number" inputMode="numeric" min={1} max={3650} step={1} value={days} onChange={(e) => setDays(e.target.value)} className={inputClass} />
        </Field>
      </div>
      <FormMessage state={state} success={t("saved")} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
