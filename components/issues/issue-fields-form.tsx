"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/workspace/api-client";
import { useIssueVersion } from "./issue-version";
import { useEditLocked } from "./edit-guard";

/** ISO instant → value of <input type="datetime-local"> in China time. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16);
}

export function IssueFieldsForm({
  issueId,
  editable: editableProp,
  initial,
}: {
  issueId: number;
  editable: boolean;
  initial: { source: string; editorName: string; note: string; publishedAt: string | null };
}) {
  const t = useTranslations("issues.fields");
  const router = useRouter();
  const locked = useEditLocked();
  const editable = editableProp && !locked;
  const [values, setValues] = useState({ source: initial.source, editorName: initial.editorName, note: initial.note, publishedAt: toLocalInput(initial.publishedAt) });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const version = useIssueVersion();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    const r = await callApi<{ version: number }>(`/api/v1/issues/${issueId}`, {
      method: "PATCH",
      json: {
        version: version.current,
        source: values.source || null,
        editorName: values.editorName || null,
        note: values.note || null,
        publishedAt: values.publishedAt ? `${values.publishedAt}:00+08:00` : null,
      },
    });
    setPending(false);
    if (r.ok) version.current = r.data.version;
    setMessage(r.ok ? { ok: true, text: t("saved") } : { ok: false, text: r.error.message });
    if (r.ok) router.refresh();
  }

  const input = (name: "source" | "editorName", label: string) => (
    <label className="block text-sm">
      <span className="mb-1 block text-stone-600">{label}</span>
      <input value={values[name]} disabled={!editable} onChange={(e) => setValues({ ...values, [name]: e.target.value })} className="w-44 rounded border border-stone-300 px-2 py-1 disabled:bg-stone-100" />
    </label>
  );

  return (
    <form onSubmit={submit} aria-label={t("label")} className="flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-4">
      {input("source", t("source"))}
      {input("editorName", t("editor"))}
      <label className="block text-sm">
        <span className="mb-1 block text-stone-600">{t("publishedAt")}</span>
        <input
          type="datetime-local"
          // Once published the date is the server's (publishing sets it when empty), not what the form held.
          value={editable ? values.publishedAt : toLocalInput(initial.publishedAt)}
          disabled={!editable}
          onChange={(e) => setValues({ ...values, publishedAt: e.target.value })}
          className="rounded border border-stone-300 px-2 py-1 disabled:bg-stone-100"
        />
      </label>
      <label className="block min-w-64 flex-1 text-sm">
        <span className="mb-1 block text-stone-600">{t("note")}</span>
        <input value={values.note} disabled={!editable} onChange={(e) => setValues({ ...values, note: e.target.value })} className="w-full rounded border border-stone-300 px-2 py-1 disabled:bg-stone-100" />
      </label>
      {editable && (
        <button type="submit" disabled={pending} className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white disabled:opacity-50">
          {t("save")}
        </button>
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`w-full text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}
