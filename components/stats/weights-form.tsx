"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, fieldErrorOf } from "@/components/ui/form";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { setWeightsAction } from "@/app/(workspace)/workspace/stats/actions";
import type { Weights } from "@/lib/stats/weights";

const KEYS = ["submitted", "accepted", "published", "lead"] as const;

/** A new version of the weights, from today or a later day; earlier reports keep theirs. */
export function WeightsForm({ current }: { current: Weights }) {
  const t = useTranslations("stats");
  const [state, action, pending] = useActionState(setWeightsAction, null);
  return (
    <form action={action} className="max-w-2xl space-y-4 rounded border border-stone-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-4">
        {KEYS.map((k) => (
          <Field key={k} label={t(`weights.${k}`)} error={fieldErrorOf(state, k)}>
            <input name={k} type="number" step={0.5} min={-1000} max={1000} required defaultValue={current[k]} className={inputClass} />
          </Field>
        ))}
      </div>
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
