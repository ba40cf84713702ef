import { DeskLink } from "@/components/workspace/desk-link";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { availableActions } from "@/lib/articles/articles";
import { loadArticleForPage } from "@/lib/articles/page-data";
import { diffRevisions, listRevisions } from "@/lib/articles/revisions";
import { DiffView } from "@/components/workspace/diff-view";
import { RestoreButton } from "@/components/workspace/restore-button";
import { formatDateTime } from "@/lib/format";
import { DataTable } from "@/components/ui/data-table";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("articleHistory");

const version = (v: string | undefined) => (v && /^\d{1,6}$/.test(v) ? Number(v) : undefined);

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const { id } = await params;
  const q = await searchParams;
  const viewer = await requireSignedIn(`/workspace/articles/${id}/history`);
  const article = await loadArticleForPage(viewer, id);
  const revisions = await listRevisions(viewer, article.id);
  const known = new Set(revisions.map((r) => r.version));
  const from = version(q.from);
  const to = version(q.to);
  const diff = await diffRevisions(viewer, article.id, from && known.has(from) ? from : undefined, to && known.has(to) ? to : undefined);
  const canRestore = availableActions(viewer, article).edit;
  const t = await getTranslations("articlePages");
  return (
    <div className="max-w-5xl">
      <div className="mb-4 flex items-center gap-3">
        <h1 className="text-xl font-bold">{t("historyTitle", { title: article.title })}</h1>
        <DeskLink href={`/workspace/articles/${article.id}`} className="ml-auto text-sm text-stone-600 hover:underline">
          {t("backToArticle")}
        </DeskLink>
      </div>
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" method="get">
        {(["from", "to"] as const).map((name) => (
          <label key={name} className="block">
            <span className="mb-1 block text-stone-600">{t(name === "from" ? "compareFrom" : "compareTo")}</span>
            <select name={name} defaultValue={String(name === "from" ? diff.from.version : diff.to.version)} className="rounded border border-stone-300 bg-white px-2 py-1">
              {revisions.map((r) => (
                <option key={r.version} value={r.version}>
                  {t("revisionOption", { version: r.version, author: r.author ?? "—", time: formatDateTime(r.createdAt) })}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className="rounded border border-stone-300 bg-white px-3 py-1">
          {t("compare")}
        </button>
      </form>
      <section aria-label={t("diffLabel")} className="rounded border border-stone-200 bg-white p-6">
        <p className="mb-4 text-sm text-stone-600">
          {t("diffHeading", { from: diff.from.label, fromVersion: diff.from.version, to: diff.to.label, toVersion: diff.to.version })}
        </p>
        <DiffView diff={diff} />
      </section>
      <h2 className="mt-8 mb-2 text-lg font-semibold">{t("revisionList")}</h2>
      <DataTable
        caption={t("revisionList")}
        rows={revisions}
        rowKey={(r) => r.version}
        columns={[
          { header: t("version"), cell: (r) => r.version },
          { header: t("author"), cell: (r) => r.author ?? "—" },
          { header: t("time"), cell: (r) => formatDateTime(r.createdAt) },
          { header: t("note"), cell: (r) => r.note, wrap: true },
          {
            header: t("restoreColumn"),
            srOnly: true,
            className: "text-right",
            cell: (r) => (canRestore && r.version !== article.version ? <RestoreButton articleId={article.id} revision={r.version} currentVersion={article.version} /> : null),
          },
        ]}
      />
    </div>
  );
}
