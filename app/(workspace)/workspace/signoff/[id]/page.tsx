import "@/components/bulletin/print.css";
import { DeskLink } from "@/components/workspace/desk-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { checkIssue } from "@/lib/issues/lifecycle";
import { getIssue, previewIssue } from "@/lib/issues/assembly";
import { changesSinceReturn, getSignoffState } from "@/lib/issues/signoff";
import { markNotificationsRead } from "@/lib/notifications/notifications";
import { formatDateTime } from "@/lib/format";
import { IssueView } from "@/components/bulletin/issue-view";
import { IssueChecks } from "@/components/issues/issue-checks";
import { IssueStatusBadge } from "@/components/issues/issue-status-badge";
import { IssueChanges } from "@/components/signoff/issue-changes";
import { IssueForms } from "@/components/signoff/issue-forms";
import { SignoffDecision } from "@/components/signoff/signoff-decision";
import { CorrectionReview } from "@/components/signoff/correction-review";
import { getPendingCorrection } from "@/lib/issues/corrections";
import { SignoffHistory } from "@/components/signoff/signoff-history";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("signoffIssue");

/**
 * One issue on the signer's desk, in exactly the form it will take (the web
 * page and the printed 简报, from the same snapshot publishing builds), with
 * the checks, what changed since a 退回, and 签发 / 退回. For a published
 * issue: a correction waiting for 签发, with exactly what it changes, and the
 * issue as readers will see it once the correction is signed.
 */
export default async function SignoffIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireSignedIn(`/workspace/signoff/${id}`);
  if (!can(viewer, "read:issue:any") || !/^\d{1,9}$/.test(id)) notFound();
  let loaded;
  try {
    loaded = await Promise.all([
      getIssue(viewer, Number(id)),
      previewIssue(viewer, Number(id)),
      checkIssue(viewer, Number(id)),
      getSignoffState(viewer, Number(id)),
      changesSinceReturn(viewer, Number(id)),
      getPendingCorrection(viewer, Number(id)),
    ]);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  const [issue, preview, checks, state, changes, correction] = loaded;
  await markNotificationsRead(viewer, undefined, issue.id);
  const [t, tr, ti] = await Promise.all([getTranslations("signoff"), getTranslations("reader"), getTranslations("instructions")]);
  const labels = { contents: tr("contents"), corrections: tr("corrections"), backToTop: tr("backToTop") };
  const articleCount = issue.sections.reduce((n, s) => n + s.articles.length, 0);
  const awaiting = issue.status === "awaiting_signoff";
  const maySign = can(viewer, "signoff:issue:any");
  const mayDecide = (awaiting || correction !== null) && maySign;
  // A published issue: what may wait for 签发 is a correction, shown as readers will see the issue once it is signed.
  const published = issue.status === "published";
  const snapshot = correction?.snapshot ?? preview;
  const corrections = correction?.snapshot.corrections;
  const decision = published ? (
    <SignoffDecision issueId={issue.id} version={issue.version} awaiting={correction !== null} correction={correction ? { id: correction.correction.id } : null} />
  ) : (
    <SignoffDecision issueId={issue.id} version={issue.version} awaiting={awaiting} />
  );
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <p className="text-sm">
        <DeskLink href={can(viewer, "signoff:issue:any") ? "/workspace/signoff" : `/workspace/issues/${issue.id}`} className="text-stone-600 hover:underline">
          ← {t("backToDesk")}
        </DeskLink>
      </p>
      <header>
        <h1 data-testid="signoff-title" className="font-serif text-xl leading-snug font-bold text-bulletin-red sm:text-2xl">{issue.title}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600">
          <IssueStatusBadge status={issue.status} />
          {correction && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{t("correction.badge")}</span>}
          <span>{t("articleCount", { count: articleCount })}</span>
          {awaiting && state.requestedBy && state.requestedAt && <span>{t("requestedBy", { name: state.requestedBy, time: formatDateTime(state.requestedAt) })}</span>}
          {issue.signedBy && issue.signedAt && <span>{t("signedByAt", { name: issue.signedBy, time: formatDateTime(issue.signedAt) })}</span>}
        </p>
        {mayDecide && (
          <a href="#decision" className="mt-2 inline-block text-sm text-stone-700 underline sm:hidden">
            ↓ {correction ? t("correction.label") : t("decision.label")}
          </a>
        )}
      </header>

      {/* 批示 on a published issue's articles are recorded on the 批示台账, the article chosen here. */}
      {published && can(viewer, "record:instruction:any") && (
        <nav aria-label={ti("issueLinks")} className="rounded border border-stone-200 bg-white p-3 text-sm" data-testid="record-instruction-links">
          <p className="mb-1 font-medium">{ti("issueLinks")}</p>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {issue.sections
              .flatMap((s) => s.articles)
              .map((a) => (
                <li key={a.id}>
                  <DeskLink href={`/workspace/instructions?article=${a.id}#record`} className="underline">
                    {a.title}
                  </DeskLink>
                </li>
              ))}
          </ul>
        </nav>
      )}

      {correction && <CorrectionReview review={correction} />}
      {published && maySign && decision}

      <IssueChecks checks={checks} messages="signoff.checks" />

      {changes && <IssueChanges changes={changes} />}

      <IssueForms
        web={<IssueView snapshot={snapshot} corrections={corrections} labels={labels} />}
        print={
          <div className="print-sheet">
            <IssueView snapshot={snapshot} corrections={corrections} labels={labels} variant="print" />
          </div>
        }
      />

      {maySign ? (
        !published && decision
      ) : (
        !awaiting && <p className="rounded border border-stone-200 bg-white p-3 text-sm text-stone-600">{t("decision.notAwaiting")}</p>
      )}

      <SignoffHistory history={state.history} />
    </div>
  );
}
