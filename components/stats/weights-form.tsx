"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, fieldErrorOf } from "@/components/ui/form";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { setWeightsAction } from "@/app/(workspace)/workspace/stats/actions";
import type { Weights } from "@/lib/stats/weights";
import { WEIGHT_GROUPS } from "@/lib/stats/weight-groups";


/** A new version of the weights, from today or a later day; earlier reports keep theirs. */
export function WeightsForm({ current }: { current: Weights }) {
  const t = useTranslations("stats");
  const [state, action, pending] = useActionState(setWeightsAction, null);
  return (
    <form action={action} className="max-w-3xl space-y-4 rounded border border-stone-200 bg-white p-4">
      {WEIGHT_GROUPS.map(([group, keys]) => (
        <fieldset key={group}>
          <legend className="mb-2 text-sm font-semibold">{t(`weightGroups.${group}`)}</legend>
          <div className="grid gap-4 sm:grid-cols-4">
            {keys.map((k) => (
              <Field key={k} label={t(`weights.${k}`)} error={fieldErrorOf(state, k)} hint={k === "commissionMissed" ? t("missedHint") : undefined}>
                <input name={k} type="number" step={0.5} min={-1000} max={k === "commissionMissed" ? 0 : 1000} required defaultValue={current[k]} className={inputClass} />
              </Field>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="w-48">
        <Field label={t("effectiveFrom")} error={fieldErrorOf(state, "effectiveFrom")} hint={t("effectiveFromHint")}>
          <input name="effectiveFrom" type="date" className={inputClass} />
        </Field>
      </div>
      <FormMessage state={state} success={t("weightsSaved")} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {t("saveWeights")}
      </button>
    </form>
  );
}
