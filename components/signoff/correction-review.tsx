// A correction waiting for 签发, on the signer's desk: who asked and when,
// the note readers will see, the article it concerns and exactly what it
// changes in that article's text (what readers see now → the corrected text).
import { getTranslations } from "next-intl/server";
import type { PendingCorrectionReview } from "@/lib/issues/corrections";
import { DiffBlocks } from "@/components/workspace/diff-view";
import { formatDateTime } from "@/lib/format";

export async function CorrectionReview({ review }: { review: PendingCorrectionReview }) {
  const t = await getTranslations("signoff.correction");
  const { correction, textDiff } = review;
  const row = "grid grid-cols-[5rem_1fr] gap-2 border-b border-stone-100 py-1.5";
  return (
    <section id="correction" aria-label={t("title")} className="rounded border border-amber-300 bg-amber-50/60 p-4 text-sm" data-testid="correction-review">
      <h2 className="font-semibold">{t("title")}</h2>
      {correction.createdBy && <p className="mt-1 text-stone-600">{t("requestedBy", { name: correction.createdBy, time: formatDateTime(correction.createdAt) })}</p>}
      <dl className="mt-2">
        <div className={row}>
          <dt className="text-stone-500">{t("text")}</dt>
          <dd className="font-medium" data-testid="correction-text">
            {correction.text}
          </dd>
        </div>
        <div className={row}>
          <dt className="text-stone-500">{t("article")}</dt>
          <dd>{correction.articleTitle ? `《${correction.articleTitle}》` : t("wholeIssue")}</dd>
        </div>
      </dl>
      {textDiff ? (
        <div className="mt-3">
          <h3 className="font-medium">{t("diff")}</h3>
          <div className="article-body mt-1 space-y-1 border-l-2 border-amber-400 bg-white py-1 pr-2 pl-3 text-base leading-relaxed" data-testid="correction-diff">
            <DiffBlocks blocks={textDiff.blocks} changedOnly />
          </div>
        </div>
      ) : (
        <p className="mt-3 text-stone-700">{t("noTextChange")}</p>
      )}
      <p className="mt-3 text-xs text-stone-600">{t("formsNote")}</p>
    </section>
  );
}
