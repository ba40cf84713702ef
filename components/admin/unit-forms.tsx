"use client";
import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { Field, FormMessage, fieldErrorOf } from "@/components/ui/form";
import { buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { createUnitAction, renameUnitAction, setUnitActiveAction } from "@/app/(workspace)/workspace/admin/actions";
import type { ActionResult } from "@/app/actions/result";

export function CreateUnitForm() {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(createUnitAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="mb-4 flex flex-wrap items-start gap-3 rounded border border-stone-200 bg-stone-50 p-3" aria-label={t("units.create")}>
      <div className="w-64">
        <Field label={t("units.name")} error={fieldErrorOf(state, "name")}>
          <input name="name" required className={inputClass} />
        </Field>
      </div>
      <div className="w-40">
        <Field label={t("units.shortName")} error={fieldErrorOf(state, "shortName")}>
          <input name="shortName" className={inputClass} />
        </Field>
      </div>
      <button type="submit" disabled={pending} className={`${buttonClass} mt-5`}>
        {t("units.create")}
      </button>
      <div className="basis-full empty:hidden">
        <FormMessage state={state} success={t("units.created")} />
      </div>
    </form>
  );
}

export function UnitActions({ unit }: { unit: { id: number; name: string; shortName: string | null; active: boolean } }) {
  const t = useTranslations("admin");
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <div className="flex items-center justify-end gap-2">
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={t("units.renameTitle", { name: unit.name })}
        description={t("units.renameNote")}
        trigger={
          <button type="button" className={secondaryButtonClass}>
            {t("units.rename")}
          </button>
        }
      >
        <RenameUnitForm unit={unit} onDone={() => setOpen(false)} />
      </Dialog>
      <button
        type="button"
        disabled={pending}
        className={unit.active ? dangerButtonClass : secondaryButtonClass}
        aria-label={`${unit.active ? t("units.deactivate") : t("units.activate")} ${unit.name}`}
        onClick={() => start(async () => setResult(await setUnitActiveAction(unit.id, !unit.active)))}
      >
        {unit.active ? t("units.deactivate") : t("units.activate")}
      </button>
      {result && !result.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {result.message}
        </span>
      ) : null}
    </div>
  );
}

function RenameUnitForm({ unit, onDone }: { unit: { id: number; name: string; shortName: string | null }; onDone: () => void }) {
  const t = useTranslations("admin");
  const [state, action, pending] = useActionState(renameUnitAction.bind(null, unit.id), null);
  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);
  return (
    <form action={action} className="space-y-3 text-left">
      <Field label={t("units.name")} error={fieldErrorOf(state, "name")}>
        <input name="name" required defaultValue={unit.name} className={inputClass} />
      </Field>
      <Field label={t("units.shortName")} error={fieldErrorOf(state, "shortName")}>
        <input name="shortName" defaultValue={unit.shortName ?? ""} className={inputClass} />
      </Field>
      <FormMessage state={state} />
      <div className="flex justify-end gap-2">
        <DialogCancel>{t("cancel")}</DialogCancel>
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
