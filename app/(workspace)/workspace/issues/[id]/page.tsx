import { DeskLink } from "@/components/workspace/desk-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { checkIssue } from "@/lib/issues/lifecycle";
import { getIssue, listUnplacedArticles } from "@/lib/issues/assembly";
import { AssemblyBoard } from "@/components/issues/assembly-board";
import { IssueFieldsForm } from "@/components/issues/issue-fields-form";
import { IssueActions } from "@/components/issues/issue-actions";
import { IssueChecks } from "@/components/issues/issue-checks";
import { IssueStatusBadge } from "@/components/issues/issue-status-badge";
import { IssueVersionProvider } from "@/components/issues/issue-version";
import { formatDateTime } from "@/lib/format";
import { issuePath } from "@/lib/issues/issue-path";
import { issueLabel } from "@/lib/issues/numbering";
import { getSignoffState, lastReturnStanding } from "@/lib/issues/signoff";
import { listCorrections } from "@/lib/issues/corrections";
import { markNotificationsRead } from "@/lib/notifications/notifications";
import { IssueEditGuard, EditGuardNotice } from "@/components/issues/edit-guard";
import { SignoffHistory } from "@/components/signoff/signoff-history";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("issue");

export default async function IssuePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireSignedIn(`/workspace/issues/${id}`);
  if (!can(viewer, "manage:issue:any") || !/^\d{1,9}$/.test(id)) notFound();
  let issue;
  try {
    issue = await getIssue(viewer, Number(id));
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  const t = await getTranslations("issues");
  const editable = issue.status === "draft" || issue.status === "awaiting_signoff" || issue.status === "signed" || issue.status === "scheduled";
  // A change would void a request or a signature: the board warns first.
  const guarded = issue.status === "awaiting_signoff" || issue.status === "signed" || (issue.status === "scheduled" && issue.signedAt !== null);
  const [unplaced, checks, signoff, corrections] = await Promise.all([
    editable ? listUnplacedArticles(viewer, issue.publication.slug) : Promise.resolve([]),
    checkIssue(viewer, issue.id),
    getSignoffState(viewer, issue.id),
    issue.status === "published" ? listCorrections(viewer, issue.id) : Promise.resolve([]),
    markNotificationsRead(viewer, undefined, issue.id),
  ]);
  const placed = issue.sections.flatMap((s) => s.articles);
  const label = issueLabel(issue);
  const articles = [...issue.sections.flatMap((s) => s.articles), ...unplaced];
  const readerUrl = issuePath(issue.publication.slug, issue);
  return (
    <div className="max-w-6xl">
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="font-serif text-2xl font-bold text-bulletin-red">{issue.title}</h1>
        <IssueStatusBadge status={issue.status} />
        {issue.scheduledAt && issue.status === "scheduled" && <span className="text-sm text-sky-800">{t("scheduledFor", { time: formatDateTime(issue.scheduledAt) })}</span>}
        <span className="ml-auto flex gap-3 text-sm">
          <DeskLink href={`/workspace/issues/${issue.id}/preview`} className="rounded border border-stone-300 px-3 py-1.5 hover:bg-stone-100">
            {t("preview")}
          </DeskLink>
          {(issue.status === "published" || issue.status === "withdrawn") && (
            // A plain link: the reader page is a document that loads whole (its public/reader.js runs).
            <a href={readerUrl} className="rounded border border-stone-300 px-3 py-1.5 hover:bg-stone-100">
              {t("readerPage")}
            </a>
          )}
        </span>
      </div>
      {issue.status === "withdrawn" && (
        <p role="note" className="mb-4 rounded border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">
          {t("withdrawnNote", { time: formatDateTime(issue.withdrawnAt!), reason: issue.withdrawnReason ?? "" })}
        </p>
      )}
      <IssueVersionProvider version={issue.version}>
      <IssueEditGuard guarded={guarded} stage={`${issue.status}:${signoff.requestedAt ?? ""}:${issue.signedAt ?? ""}`}>
      <EditGuardNotice issueLabel={label} />
      <IssueFieldsForm
        issueId={issue.id}
        editable={editable}
        initial={{ source: issue.source, editorName: issue.editorName ?? "", note: issue.note ?? "", publishedAt: issue.publishedAt }}
      />
      <IssueChecks checks={checks} messages="issues.checks" className="my-6">
        <IssueActions
          issueId={issue.id}
          status={issue.status}
          ready={checks.every((c) => c.severity === "warning")}
          articles={placed}
          facts={{
            publication: issue.publication.name,
            label,
            articleCount: placed.length,
            requiresSignoff: issue.publication.requiresSignoff,
            signedBy: issue.signedBy,
            signedAt: issue.signedAt,
            problems: checks.filter((c) => c.severity !== "warning").map((c) => c.message), // warnings never block; the board shows them
          }}
          signoff={{ requestedAt: signoff.requestedAt, lastReturn: lastReturnStanding(signoff) }}
          corrections={{ pending: corrections.find((c) => c.status === "pending") ?? null, lastReturned: corrections.at(-1)?.status === "returned" ? corrections.at(-1)! : null }}
        />
      </IssueChecks>
      <AssemblyBoard
        issueId={issue.id}
        sections={issue.sections.map((s) => ({ heading: s.heading, articleIds: s.articles.map((a) => a.id) }))}
        unplaced={unplaced.map((a) => a.id)}
        articles={articles}
        editable={editable}
      />
      </IssueEditGuard>
      </IssueVersionProvider>
      <SignoffHistory history={signoff.history} />
    </div>
  );
}
