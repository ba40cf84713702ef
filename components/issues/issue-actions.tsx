"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { IssueStatus } from "@/db/schema";
import { callApi } from "@/components/workspace/api-client";
import { formatDateTime } from "@/lib/format";
import type { CorrectionView } from "@/lib/issues/corrections";
import { ConfirmPublicDialog, type PublicActionFacts } from "./confirm-public-dialog";
import { CorrectionForm } from "./correction-form";

/** The current minute in China time, as a datetime-local value (the times this form sends are +08:00). */
function chinaMinuteNow() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16);
}

export function IssueActions({
  issueId,
  status,
  ready,
  articles,
  facts,
  signoff,
  corrections,
}: {
  issueId: number;
  status: IssueStatus;
  ready: boolean;
  articles: { id: number; title: string }[];
  /** What the confirmation dialogs name: the issue, its articles, the signature, the checks. */
  facts: PublicActionFacts;
  /** When sign-off was asked for, and the last 退回 with the signer's comment. */
  signoff: { requestedAt: string | null; lastReturn: { by: string | null; at: string; comment: string | null } | null };
  /** Of a published issue: the correction waiting for 签发, and the last one returned. */
  corrections: { pending: CorrectionView | null; lastReturned: CorrectionView | null };
}) {
  const t = useTranslations("issues.actions");
  const ts = useTranslations("signoff.board");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [at, setAt] = useState("");
  const [reason, setReason] = useState("");

  async function run(path: string, json: unknown = {}): Promise<boolean> {
    setPending(true);
    setError(null);
    const r = await callApi(`/api/v1/issues/${issueId}/${path}`, { json });
    setPending(false);
    if (!r.ok) {
      setError(r.error.message);
      return false;
    }
    router.refresh();
    return true;
  }

  const signed = Boolean(facts.signedBy && facts.signedAt) && (status === "signed" || status === "scheduled");
  // Where 签发 is required, publishing waits for it; the reason is on screen, and the server refuses anyway (409 not_signed).
  const mayGoOut = !facts.requiresSignoff || signed;
  const button = "rounded px-3 py-1.5 text-sm disabled:opacity-50";
  return (
    <div className="mt-4 space-y-3">
      {facts.requiresSignoff && status === "draft" && (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" disabled={pending || !ready} onClick={() => run("request-signoff")} className={`${button} bg-amber-700 text-white hover:bg-amber-800`}>
            {ts("request")}
          </button>
          <span className="text-sm text-stone-600">{ts("requestHint")}</span>
        </div>
      )}
      {(status === "draft" || status === "signed" || status === "scheduled") && (
        <div className="flex flex-wrap items-end gap-3">
          <ConfirmPublicDialog
            action="publish"
            facts={facts}
            disabled={pending || !ready || !mayGoOut}
            onConfirm={() => run("publish").then(() => undefined)}
            trigger={(p) => (
              <button type="button" disabled={p.disabled} className={`${button} bg-green-700 text-white hover:bg-green-800`}>
                {t("publish")}
              </button>
            )}
          />
          <label className="block text-sm">
            <span className="mb-1 block text-stone-600">{t("scheduleAt")}</span>
            <input type="datetime-local" value={at} min={chinaMinuteNow()} onChange={(e) => setAt(e.target.value)} className="rounded border border-stone-300 px-2 py-1" />
          </label>
          <ConfirmPublicDialog
            action="schedule"
            facts={facts}
            values={{ time: at.replace("T", " ") }}
            disabled={pending || !ready || !at || !mayGoOut}
            onConfirm={() => run("schedule", { at: `${at}:00+08:00` }).then(() => undefined)}
            trigger={(p) => (
              <button type="button" disabled={p.disabled} className={`${button} border border-stone-300`}>
                {t("schedule")}
              </button>
            )}
          />
          {status === "scheduled" && (
            <button type="button" disabled={pending} onClick={() => run("unschedule")} className={`${button} border border-stone-300`}>
              {t("unschedule")}
            </button>
          )}
        </div>
      )}
      {status === "awaiting_signoff" && (
        <p className="text-sm text-amber-900" data-testid="signoff-awaiting">
          {ts("awaiting", { time: signoff.requestedAt ? formatDateTime(signoff.requestedAt) : "" })}
        </p>
      )}
      {status === "draft" && signoff.lastReturn && (
        <p role="note" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="signoff-returned">
          {ts("lastReturn", { name: signoff.lastReturn.by ?? "", time: formatDateTime(signoff.lastReturn.at), comment: signoff.lastReturn.comment ?? "" })}
        </p>
      )}
      {facts.requiresSignoff && !mayGoOut && (status === "draft" || status === "awaiting_signoff") && (
        <p className="text-sm text-stone-600" data-testid="publish-needs-signoff">
          {ts("publishNeedsSignoff")}
        </p>
      )}
      {status === "published" && (
        <>
          <div className="flex flex-wrap items-end gap-3">
            <label className="block min-w-64 flex-1 text-sm">
              <span className="mb-1 block text-stone-600">{t("withdrawReason")}</span>
              <input value={reason} onChange={(e) => setReason(e.target.value)} required className="w-full rounded border border-stone-300 px-2 py-1" />
            </label>
            <ConfirmPublicDialog
              action="withdraw"
              facts={facts}
              values={{ reason }}
              disabled={pending || !reason.trim()}
              onConfirm={() => run("withdraw", { reason }).then(() => undefined)}
              trigger={(p) => (
                <button type="button" disabled={p.disabled} className={`${button} border border-red-300 text-red-800`}>
                  {t("withdraw")}
                </button>
              )}
            />
          </div>
          <CorrectionForm issueId={issueId} articles={articles} facts={facts} pending={corrections.pending} lastReturned={corrections.lastReturned} />
        </>
      )}
      {status === "withdrawn" && (
        <ConfirmPublicDialog
          action="restore"
          facts={facts}
          disabled={pending}
          onConfirm={() => run("restore").then(() => undefined)}
          trigger={(p) => (
            <button type="button" disabled={p.disabled} className={`${button} border border-stone-300`}>
              {t("restore")}
            </button>
          )}
        />
      )}
      {signed && facts.signedAt && (
        <p className="text-sm text-emerald-800" data-testid="signed-by">
          {ts("signedBy", { name: facts.signedBy!, time: formatDateTime(facts.signedAt) })}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
