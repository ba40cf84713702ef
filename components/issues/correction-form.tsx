"use client";
// 更正 on the board of a published issue: the dated note, the article it
// concerns and, optionally, that article's corrected text. Where the
// publication requires 签发 the confirmation says the correction goes to the
// signer, and the board shows it waiting (one at a time) or returned with the
// signer's comment.
import type { JSONContent } from "@tiptap/react";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { callApi } from "@/components/workspace/api-client";
import { formatDateTime } from "@/lib/format";
import type { CorrectionView } from "@/lib/issues/corrections";
import { ConfirmPublicDialog, type PublicActionFacts } from "./confirm-public-dialog";

// The editor (Tiptap, ~460 KB of script) loads when a correction replaces
// text, not with every board of a published issue.
const CorrectionBodyEditor = dynamic(() => import("./correction-body-editor").then((m) => m.CorrectionBodyEditor), { ssr: false });

type Body = { kind: "off" } | { kind: "loading" } | { kind: "ready"; initial: JSONContent } | { kind: "error"; message: string };

export function CorrectionForm({
  issueId,
  articles,
  facts,
  pending,
  lastReturned,
}: {
  issueId: number;
  articles: { id: number; title: string }[];
  facts: PublicActionFacts;
  /** The correction waiting for 签发, if any: no other may be sent meanwhile. */
  pending: CorrectionView | null;
  /** The latest correction the signer returned, while it is the latest word. */
  lastReturned: CorrectionView | null;
}) {
  const t = useTranslations("issues.actions");
  const tc = useTranslations("issues.corrections");
  const router = useRouter();
  const [text, setText] = useState("");
  const [articleId, setArticleId] = useState("");
  const [body, setBody] = useState<Body>({ kind: "off" });
  const [doc, setDoc] = useState<JSONContent | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const onDoc = useCallback((d: JSONContent) => setDoc(d), []);

  async function loadBody(id: string) {
    setDoc(null);
    if (!id) return setBody({ kind: "off" });
    setBody({ kind: "loading" });
    const r = await callApi<{ body: JSONContent }>(`/api/v1/articles/${id}`);
    setBody(r.ok ? { kind: "ready", initial: r.data.body } : { kind: "error", message: r.error.message });
  }

  async function send() {
    setBusy(true);
    setResult(null);
    const replaces = body.kind === "ready" && doc !== null;
    const r = await callApi<{ status: "pending" | "published" }>(`/api/v1/issues/${issueId}/corrections`, {
      json: { text, ...(articleId ? { articleId: Number(articleId) } : {}), ...(replaces ? { body: doc } : {}) },
    });
    setBusy(false);
    if (!r.ok) {
      setResult({ ok: false, text: r.error.fields?.text?.[0] ?? r.error.fields?.body?.[0] ?? r.error.message });
      if (r.status === 409) router.refresh();
      return;
    }
    setText("");
    setArticleId("");
    setBody({ kind: "off" });
    setDoc(null);
    setResult({ ok: true, text: r.data.status === "pending" ? tc("submitted") : tc("published") });
    router.refresh();
  }

  const status = result && (
    <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-green-800" : "text-red-700"}`}>
      {result.text}
    </p>
  );
  if (pending) {
    return (
      <div className="space-y-2">
        <p role="note" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="correction-pending">
          {tc("pending", { time: formatDateTime(pending.createdAt), text: pending.text })}
        </p>
        {status}
      </div>
    );
  }
  const withSignoff = facts.requiresSignoff;
  return (
    <div className="space-y-3" data-testid="correction-form">
      {lastReturned && (
        <p role="note" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="correction-returned">
          {tc("returned", { name: lastReturned.decidedBy ?? "", time: formatDateTime(lastReturned.decidedAt!), text: lastReturned.text, comment: lastReturned.decisionComment ?? "" })}
        </p>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <label className="block min-w-64 flex-1 text-sm">
          <span className="mb-1 block text-stone-600">{t("correctionText")}</span>
          <input value={text} onChange={(e) => setText(e.target.value)} required className="w-full rounded border border-stone-300 px-2 py-1" />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block text-stone-600">{t("correctionArticle")}</span>
          <select
            value={articleId}
            onChange={(e) => {
              setArticleId(e.target.value);
              if (body.kind !== "off") void loadBody(e.target.value);
            }}
            className="max-w-60 rounded border border-stone-300 px-2 py-1"
          >
            <option value="">{t("wholeIssue")}</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 py-1 text-sm">
          <input type="checkbox" checked={body.kind !== "off"} disabled={!articleId} onChange={(e) => void loadBody(e.target.checked ? articleId : "")} />
          {tc("replaceText")}
        </label>
        <ConfirmPublicDialog
          action={withSignoff ? "correctionSignoff" : "correction"}
          facts={facts}
          values={{ text }}
          rows={[
            { label: tc("article"), value: articleId ? `《${articles.find((a) => String(a.id) === articleId)?.title ?? ""}》` : t("wholeIssue") },
            ...(body.kind === "ready" ? [{ label: tc("textRow"), value: tc("textReplaced") }] : []),
          ]}
          disabled={busy || !text.trim() || body.kind === "loading"}
          onConfirm={send}
          trigger={(p) => (
            <button type="button" disabled={p.disabled} className="rounded border border-stone-300 px-3 py-1.5 text-sm disabled:opacity-50">
              {withSignoff ? tc("submit") : t("addCorrection")}
            </button>
          )}
        />
      </div>
      {body.kind === "loading" && <p className="text-sm text-stone-500">{tc("loading")}</p>}
      {body.kind === "error" && (
        <p role="alert" className="text-sm text-red-700">
          {body.message}
        </p>
      )}
      {body.kind === "ready" && (
        <div className="space-y-1">
          <p className="text-sm text-stone-600">
            <span className="font-medium text-stone-800">{tc("bodyLabel")}</span> · {withSignoff ? tc("bodyHint") : tc("bodyHintNoSignoff")}
          </p>
          <CorrectionBodyEditor key={articleId} initial={body.initial} label={tc("bodyLabel")} onChange={onDoc} />
        </div>
      )}
      {withSignoff && <p className="text-sm text-stone-600">{tc("needsSignoff")}</p>}
      {status}
    </div>
  );
}
