"use client";
import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { Field, FormMessage, ShownOnce, fieldErrorOf } from "@/components/ui/form";
import { buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { createUserAction, resetPasswordAction, setUserActiveAction, updateUserAction } from "@/app/(workspace)/workspace/admin/actions";
import type { ActionResult } from "@/app/actions/result";

type UnitOption = { id: number; name: string };
// The administrator roles last; with 三权分立 strict mode the server refuses them here (CLI only).
const ROLES = ["contributor", "editor", "signer", "admin", "sysadmin", "secadmin", "auditadmin"] as const;

function RoleAndUnit({ units, state, role, unitId, onRole }: { units: UnitOption[]; state: ActionResult<unknown> | null; role: string; unitId: number | null; onRole: (r: string) => void }) {
  const t = useTranslations("admin");
  const tr = useTranslations("workspace.roles");
  return (
    <>
      <Field label={t("users.role")} error={fieldErrorOf(state, "role")}>
        <select name="role" value={role} onChange={(e) => onRole(e.target.value)} className={inputClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("users.unit")} error={fieldErrorOf(state, "unitId")} hint={role === "contributor" ? t("users.unitRequired") : t("users.unitOptional")}>
        <select name="unitId" defaultValue={unitId ? String(unitId) : ""} className={inputClass} required={role === "contributor"}>
          <option value="">{t("users.noUnit")}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}

/** 新建用户: the one-time password is shown in the dialog once, and nowhere else. */
export function CreateUserDialog({ units }: { units: UnitOption[] }) {
  const t = useTranslations("admin");
  const [open, setOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setFormKey((k) => k + 1); // a fresh form (and no password left on screen) next time
      }}
      title={t("users.create")}
      description={t("users.createHint")}
      trigger={
        <button type="button" className={buttonClass}>
          {t("users.create")}
        </button>
      }
    >
      <CreateUserForm key={formKey} units={units} />
    </Dialog>
  );
}

function CreateUserForm({ units }: { units: UnitOption[] }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(createUserAction, null);
  const [role, setRole] = useState<string>("contributor");
  if (state?.ok) {
    return (
      <div className="space-y-3">
        <ShownOnce label={t("users.oneTimePasswordFor", { email: state.data.email })} value={state.data.password} note={t("users.oneTimeNote")} copyLabel={t("copy")} />
        <DialogCancel>{t("done")}</DialogCancel>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <Field label={t("users.email")} error={fieldErrorOf(state, "email")}>
        <input name="email" type="email" required autoComplete="off" className={inputClass} />
      </Field>
      <Field label={t("users.name")} error={fieldErrorOf(state, "name")}>
        <input name="name" required className={inputClass} />
      </Field>
      <RoleAndUnit units={units} state={state} role={role} unitId={null} onRole={setRole} />
      <FormMessage state={state} />
      <div className="flex justify-end gap-2">
        <DialogCancel>{t("cancel")}</DialogCancel>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? t("saving") : t("users.createSubmit")}
        </button>
      </div>
    </form>
  );
}

export function EditUserForm({ user, units }: { user: { id: number; name: string; role: string; unitId: number | null }; units: UnitOption[] }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(updateUserAction.bind(null, user.id), null);
  const [role, setRole] = useState(user.role);
  return (
    <form action={action} className="max-w-md space-y-3">
      <Field label={t("users.name")} error={fieldErrorOf(state, "name")}>
        <input name="name" required defaultValue={user.name} className={inputClass} />
      </Field>
      <RoleAndUnit units={units} state={state} role={role} unitId={user.unitId} onRole={setRole} />
      <FormMessage state={state} success={t("saved")} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}

/** Deactivate / re-activate (with a confirmation) and reset the password (shown once). */
export function UserAccountActions({ userId, email, active }: { userId: number; email: string; active: boolean }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const run = (fn: () => Promise<ActionResult<unknown>>, after?: (r: ActionResult<unknown>) => void) =>
    start(async () => {
      const r = await fn();
      setResult(r);
      after?.(r);
      router.refresh();
    });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {active ? (
          <ConfirmDialog
            open={confirmOpen}
            onOpenChange={setConfirmOpen}
            title={t("users.deactivateTitle", { email })}
            description={t("users.deactivateHint")}
            trigger={
              <button type="button" className={dangerButtonClass}>
                {t("users.deactivate")}
              </button>
            }
            confirmLabel={t("users.deactivateConfirm")}
            pending={pending}
            onConfirm={() => run(() => setUserActiveAction(userId, false), () => setConfirmOpen(false))}
          />
        ) : (
          <button type="button" disabled={pending} className={secondaryButtonClass} onClick={() => run(() => setUserActiveAction(userId, true))}>
            {t("users.activate")}
          </button>
        )}
        <button
          type="button"
          disabled={pending || !active}
          className={secondaryButtonClass}
          onClick={() =>
            run(
              () => resetPasswordAction(userId),
              (r) => setPassword(r.ok ? (r.data as { password: string }).password : null),
            )
          }
        >
          {t("users.resetPassword")}
        </button>
      </div>
      {password ? (
        <ShownOnce label={t("users.oneTimePasswordFor", { email })} value={password} note={t("users.oneTimeNote")} copyLabel={t("copy")} />
      ) : null}
      {result && !result.ok ? <FormMessage state={result} /> : null}
    </div>
  );
}
