"use client";
// 签发 or 退回 (with a required comment). Sends the issue version the signer
// looked at: if the issue changed meanwhile, the server refuses (409) and the
// page shows the new content instead of signing something unseen.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/workspace/api-client";

/**
 * Stays mounted when the decision is made (`awaiting` turns false), so its
 * result stays on screen. With `correction`: the decision on the issue's
 * correction waiting for 签发 (null once decided) instead of on the issue.
 */
export function SignoffDecision({ issueId, version, awaiting, correction }: { issueId: number; version: number; awaiting: boolean; correction?: { id: number } | null }) {
  const t = useTranslations("signoff.decision");
  const tc = useTranslations("signoff.correction");
  const forCorrection = correction !== undefined;
  // The correction decided last, kept when the page no longer lists it.
  const [correctionId, setCorrectionId] = useState(correction?.id ?? null);
  if (correction && correction.id !== correctionId) setCorrectionId(correction.id);
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [pending, setPending] = useState(false);
  const [commentError, setCommentError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function decide(decision: "approve" | "return") {
    if (decision === "return" && !comment.trim()) {
      setCommentError(t("commentRequired"));
      return;
    }
    setPending(true);
    setCommentError(null);
    setMessage(null);
    const r = forCorrection
      ? await callApi<{ status: string }>(`/api/v1/issues/${issueId}/corrections/${correctionId}/signoff`, { json: { decision, comment: comment.trim() || undefined } })
      : await callApi<{ status: string }>(`/api/v1/issues/${issueId}/signoff`, { json: { decision, comment: comment.trim() || undefined, version } });
    setPending(false);
    if (!r.ok) {
      const field = r.error.fields?.comment?.[0];
      if (field) setCommentError(field);
      else setMessage({ ok: false, text: r.error.message });
      if (r.status === 409) router.refresh();
      return;
    }
    setComment("");
    setMessage({ ok: true, text: forCorrection ? tc(decision === "approve" ? "signed" : "returned") : t(decision === "approve" ? "signed" : "returned") });
    router.refresh();
  }

  if (!awaiting) {
    return (
      <p role={message?.ok ? "status" : undefined} className={`rounded border border-stone-200 bg-white p-3 text-sm ${message?.ok ? "text-green-800" : "text-stone-600"}`}>
        {message?.ok ? message.text : t("notAwaiting")}
      </p>
    );
  }
  return (
    <section id="decision" aria-label={forCorrection ? tc("label") : t("label")} className="rounded border-2 border-stone-300 bg-white p-4">
      <h2 className="mb-2 font-semibold">{forCorrection ? tc("label") : t("label")}</h2>
      <label className="block text-sm">
        <span className="mb-1 block text-stone-600">{t("comment")}</span>
        <textarea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          rows={3}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={commentError ? "signoff-comment-error" : undefined}
          className="w-full rounded border border-stone-300 px-2 py-1.5 text-base"
        />
      </label>
      {commentError && (
        <p id="signoff-comment-error" role="alert" className="mt-1 text-sm text-red-700">
          {commentError}
        </p>
      )}
      <div className="mt-3 grid grid-cols-2 gap-3">
        <button type="button" disabled={pending} onClick={() => decide("return")} className="rounded border border-red-300 bg-white px-4 py-2.5 text-base text-red-800 hover:bg-red-50 disabled:opacity-60">
          {t("return")}
        </button>
        <button type="button" disabled={pending} onClick={() => decide("approve")} className="rounded bg-bulletin-red px-4 py-2.5 text-base font-semibold text-white hover:opacity-90 disabled:opacity-60">
          {t("approve")}
        </button>
      </div>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`mt-2 text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
    </section>
  );
}
