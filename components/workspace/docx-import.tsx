"use client";
import { DeskLink } from "@/components/workspace/desk-link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "converting" }
  | { kind: "error"; message: string }
  /** The draft exists, but something of the document (a picture) could not come along: said before the editor opens. */
  | { kind: "warnings"; id: number; warnings: string[] };

/**
 * Uploads a .docx with visible progress; the server converts it into a new
 * draft, which opens for review. The draft may answer one of the unit's
 * open 约稿 (`commissions`), chosen before the upload.
 */
export function DocxImport({ commissions = [], initialCommission = null }: { commissions?: { id: number; title: string }[]; initialCommission?: number | null }) {
  const t = useTranslations("articlePages");
  const tc = useTranslations("commissions.import");
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [commission, setCommission] = useState<string>(initialCommission ? String(initialCommission) : "");

  function upload(file: File) {
    const form = new FormData();
    form.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", commission ? `/api/v1/articles/import?commissionId=${encodeURIComponent(commission)}` : "/api/v1/articles/import");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPhase({ kind: "uploading", percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => setPhase({ kind: "converting" });
    xhr.onerror = () => setPhase({ kind: "error", message: t("importNetwork") });
    xhr.onload = () => {
      let data: { id?: number; warnings?: string[]; error?: { message: string } } = {};
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // fall through to the generic message
      }
      if (xhr.status === 201 && data.id && data.warnings?.length) setPhase({ kind: "warnings", id: data.id, warnings: data.warnings });
      else if (xhr.status === 201 && data.id) router.push(`/workspace/articles/${data.id}/edit`);
      else setPhase({ kind: "error", message: data.error?.message ?? t("importFailed") });
    };
    setPhase({ kind: "uploading", percent: 0 });
    xhr.send(form);
  }

  const busy = phase.kind === "uploading" || phase.kind === "converting";
  return (
    <div className="rounded border border-dashed border-stone-400 bg-white p-6">
      {commissions.length > 0 && (
        <label className="mb-4 block">
          <span className="mb-2 block font-medium">{tc("label")}</span>
          <select name="commission" value={commission} disabled={busy} onChange={(e) => setCommission(e.target.value)} className="w-full rounded border border-stone-300 px-2 py-1.5 text-sm">
            <option value="">{tc("none")}</option>
            {commissions.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="block">
        <span className="mb-2 block font-medium">{t("chooseDocx")}</span>
        <input
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload(file);
          }}
          className="block text-sm"
        />
      </label>
      <div role="status" aria-live="polite" className="mt-4 text-sm">
        {phase.kind === "uploading" && (
          <>
            <p>{t("uploading", { percent: phase.percent })}</p>
            <progress max={100} value={phase.percent} className="mt-1 w-full" />
          </>
        )}
        {phase.kind === "converting" && <p>{t("converting")}</p>}
      </div>
      {phase.kind === "warnings" && (
        <div role="alert" className="mt-2 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm">
          <p className="font-semibold">{t("importWarnings")}</p>
          <ul className="mt-1 list-disc pl-5" data-testid="import-warnings">
            {phase.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
          <DeskLink href={`/workspace/articles/${phase.id}/edit`} className="mt-3 inline-block rounded bg-stone-900 px-3 py-1.5 text-white hover:bg-stone-700">
            {t("openDraft")}
          </DeskLink>
        </div>
      )}
      {phase.kind === "error" && (
        <p role="alert" className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {phase.message}
        </p>
      )}
    </div>
  );
}
