import { DeskLink } from "@/components/workspace/desk-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { listIssuesPage } from "@/lib/issues/assembly";
import { offerIssueNumbers } from "@/lib/issues/offer";
import { listPublications } from "@/lib/issues/reader";
import { currentChinaYear, formatDateTime } from "@/lib/format";
import { CreateIssueForm, type SeriesSuggestions } from "@/components/issues/create-issue-form";
import { IssueStatusBadge } from "@/components/issues/issue-status-badge";
import { DataTable } from "@/components/ui/data-table";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("issues");

export default async function IssuesPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const viewer = await requireSignedIn("/workspace/issues");
  if (!can(viewer, "manage:issue:any")) notFound();
  const t = await getTranslations("issues");
  const { after } = await searchParams;
  const [{ issues, next }, publications] = await Promise.all([listIssuesPage(viewer, { after }), listPublications()]);
  const year = currentChinaYear();
  // The next free numbers of both series (正刊 and 增刊) of each publication.
  const suggestions: Record<string, SeriesSuggestions> = Object.fromEntries(
    await Promise.all(
      publications.map(async (p) => {
        const [regular, supplement] = await Promise.all([
          offerIssueNumbers(viewer, { publication: p.slug, year, series: "regular" }),
          offerIssueNumbers(viewer, { publication: p.slug, year, series: "supplement" }),
        ]);
        return [p.slug, { regular, supplement }] as const;
      }),
    ),
  );
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      {publications.length > 0 ? (
        <CreateIssueForm publications={publications.map((p) => ({ slug: p.slug, name: p.name }))} suggestions={suggestions} />
      ) : (
        <p className="mb-6 rounded border border-dashed border-stone-300 p-4 text-sm">{t("noPublications")}</p>
      )}
      <h2 className="mt-8 mb-3 text-lg font-semibold">{t("allIssues")}</h2>
      {issues.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-sm text-stone-600">{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("allIssues")}
          rows={issues}
          rowKey={(i) => i.id}
          columns={[
            {
              header: t("issueTitle"),
              wrap: true,
              cell: (i) => (
                <DeskLink href={`/workspace/issues/${i.id}`} className="hover:underline">
                  {i.title}
                </DeskLink>
              ),
            },
            { header: t("status"), cell: (i) => <IssueStatusBadge status={i.status} /> },
            {
              header: t("date"),
              cell: (i) => (i.publishedAt ? formatDateTime(i.publishedAt) : i.scheduledAt ? t("scheduledFor", { time: formatDateTime(i.scheduledAt) }) : "—"),
              className: "whitespace-nowrap text-stone-600 tabular-nums",
            },
          ]}
        />
      )}
      {/* 100 a page, newest first: the issues of earlier years page on. */}
      <div className="mt-3 flex gap-4 text-sm">
        {after && (
          <DeskLink href="/workspace/issues" className="hover:underline">
            {t("newestIssues")}
          </DeskLink>
        )}
        {next && (
          <DeskLink href={`/workspace/issues?after=${encodeURIComponent(next)}`} className="hover:underline">
            {t("olderIssues")}
          </DeskLink>
        )}
      </div>
    </>
  );
}
