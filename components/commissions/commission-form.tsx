"use client";
// 新建约稿 and 修改约稿: title, brief (rich text), deadline (China time), the
// units addressed and, for a new one, optionally the publication. It posts to
// the same API as everyone (POST /api/v1/commissions, or PATCH
// /api/v1/commissions/{id} with the version read) and shows the server's
// field errors next to the fields.
import type { JSONContent } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { callApi } from "@/components/workspace/api-client";
import { Field } from "@/components/ui/form";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { BriefEditor } from "./brief-editor";

/** The commission being changed, as read: its deadline `YYYY-MM-DDTHH:mm`, China time. */
export interface CommissionFormValues {
  id: number;
  version: number;
  title: string;
  brief: JSONContent;
  deadline: string;
  unitIds: number[];
}

export function CommissionForm({
  units,
  publications,
  defaultDeadline,
  minDeadline,
  commission,
}: {
  units: { id: number; name: string }[];
  publications: { slug: string; name: string }[];
  /** `YYYY-MM-DDTHH:mm`, China time. */
  defaultDeadline: string;
  minDeadline: string;
  /** Given: the form changes this commission (修改) instead of writing a new one. */
  commission?: CommissionFormValues;
}) {
  const t = useTranslations("commissions.form");
  const router = useRouter();
  const briefId = useId();
  const [title, setTitle] = useState(commission?.title ?? "");
  const [brief, setBrief] = useState<JSONContent | null>(commission?.brief ?? null);
  const [deadline, setDeadline] = useState(commission?.deadline ?? defaultDeadline);
  const [unitIds, setUnitIds] = useState<number[]>(commission?.unitIds ?? []);
  const [publication, setPublication] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const fieldError = (name: string) => error?.fields[name]?.[0];

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const json = {
      title,
      brief: brief ?? { type: "doc", content: [{ type: "paragraph" }] },
      // The field is China time, whatever the browser's zone.
      deadline: deadline ? `${deadline}:00+08:00` : "",
      unitIds,
    };
    const r = commission
      ? // An untouched deadline is not sent: the field has minutes only, and a passed deadline may stay as it is.
        await callApi<{ id: number }>(`/api/v1/commissions/${commission.id}`, {
          method: "PATCH",
          json: { ...json, deadline: deadline === commission.deadline ? undefined : json.deadline, version: commission.version },
        })
      : await callApi<{ id: number }>("/api/v1/commissions", { json: { ...json, ...(publication ? { publication } : {}) } });
    if (r.ok) {
      router.push(`/workspace/commissions/${r.data.id}`);
      return router.refresh();
    }
    setPending(false);
    setError({ message: r.error.message, fields: r.error.fields ?? {} });
  }

  const toggle = (id: number, on: boolean) => setUnitIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  const unitsError = fieldError("unitIds");
  const briefError = fieldError("brief");

  return (
    <form onSubmit={submit} aria-label={commission ? t("editLabel") : t("label")} className="max-w-3xl space-y-5 rounded border border-stone-200 bg-white p-5" noValidate>
      <Field label={t("title")} error={fieldError("title")}>
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t("titlePlaceholder")} maxLength={200} className={inputClass} />
      </Field>
      <div className="text-sm">
        <p className="mb-1 block font-medium text-stone-700">{t("brief")}</p>
        <BriefEditor id={briefId} label={t("brief")} placeholder={t("briefHint")} describedBy={`${briefId}-note`} invalid={Boolean(briefError)} initialContent={commission?.brief} onChange={setBrief} />
        <span id={`${briefId}-note`} className={`mt-1 block text-xs ${briefError ? "text-red-700" : "text-stone-500"}`}>
          {briefError ?? t("briefHint")}
        </span>
      </div>
      <Field label={t("deadline")} error={fieldError("deadline")} hint={t("deadlineHint")}>
        <input type="datetime-local" name="deadline" value={deadline} min={minDeadline} onChange={(e) => setDeadline(e.target.value)} className={`${inputClass} max-w-xs`} />
      </Field>
      <fieldset aria-describedby={`${briefId}-units`} aria-invalid={unitsError ? true : undefined} className="text-sm">
        <legend className="mb-1 font-medium text-stone-700">{t("units")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {units.map((u) => (
            <label key={u.id} className="flex items-center gap-1.5">
              <input type="checkbox" name="unitIds" value={u.id} checked={unitIds.includes(u.id)} onChange={(e) => toggle(u.id, e.target.checked)} />
              {u.name}
            </label>
          ))}
        </div>
        <span id={`${briefId}-units`} className={`mt-1 block text-xs ${unitsError ? "text-red-700" : "text-stone-500"}`}>
          {unitsError ?? t("unitsHint")}
        </span>
      </fieldset>
      {!commission && publications.length > 0 && (
        <Field label={t("publication")} error={fieldError("publication")}>
          <select name="publication" value={publication} onChange={(e) => setPublication(e.target.value)} className={`${inputClass} max-w-sm`}>
            <option value="">{t("anyPublication")}</option>
            {publications.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message}
        </p>
      )}
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? (commission ? t("saving") : t("working")) : commission ? t("save") : t("submit")}
      </button>
    </form>
  );
}
