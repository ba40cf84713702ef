import { DeskLink } from "@/components/workspace/desk-link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { articleFilterSchema, countArticlesByStatus, listArticlesPage, listUnitsForFilter } from "@/lib/articles/articles";
import { listNotifications, unreadCount } from "@/lib/notifications/notifications";
import { ArticleTable } from "@/components/workspace/article-table";
import { PublishedInLink } from "@/components/workspace/published-in-link";
import { ARTICLE_STATUSES } from "@/lib/articles/status";
import { formatDateTime } from "@/lib/format";
import { SignoffDesk } from "@/components/signoff/signoff-desk";
import { deskCommissions } from "@/lib/commissions/commissions";
import { commissionNow } from "@/lib/e2e/clock";
import { TimeLeftBadge } from "@/components/commissions/commission-status";
import { listAwaitingFeedback } from "@/lib/instructions/instructions";
import { AwaitingInstructions } from "@/components/instructions/awaiting-instructions";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("desk");

type Search = Promise<Record<string, string | undefined>>;

export default async function DeskPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireSignedIn();
  // Signers read no articles: their desk is the issues awaiting 签发.
  if (can(viewer, "signoff:issue:any") && !can(viewer, "read:article:any")) return <SignoffDesk viewer={viewer} />;
  // The system, security and audit administrators (三权分立) read no articles: their desk is the administration.
  if (!can(viewer, "read:article:any") && !can(viewer, "read:article:own-unit")) {
    if (can(viewer, "read:user:any")) redirect("/workspace/admin");
    if (can(viewer, "read:audit:any")) redirect("/workspace/admin/audit");
  }
  const t = await getTranslations("workspace");
  const ts = await getTranslations("status");
  const raw = await searchParams;
  // status=all: the 全部 tab, which an editor's inbox does not open on.
  const wantsAll = raw.status === "all";
  const parsed = articleFilterSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([k, v]) => v && !(k === "status" && v === "all"))));
  const filter = parsed.success ? parsed.data : { limit: 50 };
  const isEditor = can(viewer, "read:article:any");
  // The editor's inbox opens on submissions; a contributor's desk on everything of their unit.
  const effective = { ...filter, status: filter.status ?? (isEditor && !wantsAll ? ("submitted" as const) : undefined) };
  const now = commissionNow(await headers());
  const [page, counts, unread, notices, units, commissions, tc, awaiting] = await Promise.all([
    listArticlesPage(viewer, effective),
    countArticlesByStatus(viewer, effective),
    unreadCount(viewer),
    listNotifications(viewer, 5),
    isEditor ? listUnitsForFilter(viewer) : Promise.resolve([]),
    // 约稿 addressed to the unit and not yet answered: at the top of a contributor's desk.
    deskCommissions(viewer, now),
    getTranslations("commissions"),
    // 批示 on the unit's articles still waiting for 落实反馈.
    listAwaitingFeedback(viewer),
  ]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const query = (patch: Record<string, string | undefined>) => {
    const merged: Record<string, string | undefined> = { ...raw, cursor: undefined, ...patch };
    const entries = Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1]));
    const p = new URLSearchParams(entries);
    return `/workspace?${p.toString()}`;
  };
  const title = viewer.role === "contributor" ? t("contributorDesk") : viewer.role === "admin" ? t("adminDesk") : t("editorDesk");
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{title}</h1>
        {!isEditor && (
          <span className="ml-auto flex gap-2">
            <DeskLink href="/workspace/articles/new" className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white hover:bg-stone-700">
              {t("newArticle")}
            </DeskLink>
            <DeskLink href="/workspace/articles/import" className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100">
              {t("importDocx")}
            </DeskLink>
          </span>
        )}
      </div>

      {commissions.length > 0 && (
        <section aria-labelledby="desk-commissions" className="mb-6 rounded border border-amber-300 bg-amber-50 p-4" data-testid="desk-commissions">
          <h2 id="desk-commissions" className="mb-2 flex items-center gap-2 text-sm font-semibold">
            {tc("deskHeading")}
            <DeskLink href="/workspace/commissions" className="ml-auto text-xs font-normal text-stone-600 hover:underline">
              {tc("deskAll")}
            </DeskLink>
          </h2>
          <ul className="divide-y divide-amber-200">
            {commissions.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm" data-testid="desk-commission">
                <DeskLink href={`/workspace/commissions/${c.id}`} className="font-medium hover:underline">
                  {c.title}
                </DeskLink>
                <span className="text-stone-600 tabular-nums">{tc("deadline", { time: formatDateTime(c.deadline) })}</span>
                <TimeLeftBadge deadline={c.deadline} now={now} />
                <DeskLink href={`/workspace/articles/new?commission=${c.id}`} className="ml-auto rounded bg-stone-900 px-3 py-1 text-white hover:bg-stone-700">
                  {tc("answer")}
                </DeskLink>
              </li>
            ))}
          </ul>
        </section>
      )}

      {/* Editors see notices when there are any (签发 and 退回 of their issues). */}
      {(!isEditor || notices.length > 0) && (
        <section aria-label={t("notifications")} className="mb-6 rounded border border-stone-200 bg-white p-4">
          <h2 className="mb-2 text-sm font-semibold">
            {t("notifications")}{" "}
            {unread > 0 && (
              <span className="ml-1 rounded-full bg-red-600 px-2 py-0.5 text-xs text-white" data-testid="unread-count">
                {t("unreadCount", { count: unread })}
              </span>
            )}
          </h2>
          {notices.length === 0 ? (
            <p className="text-sm text-stone-500">{t("noNotifications")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {notices.map((n) => (
                <li key={n.id} className={n.read ? "text-stone-500" : "font-medium"}>
                  {n.articleId ? (
                    <DeskLink href={`/workspace/articles/${n.articleId}`} className="hover:underline">{n.message}</DeskLink>
                  ) : n.issueId ? (
                    <DeskLink href={`/workspace/issues/${n.issueId}`} className="hover:underline">{n.message}</DeskLink>
                  ) : n.commissionId ? (
                    <DeskLink href={`/workspace/commissions/${n.commissionId}`} className="hover:underline">{n.message}</DeskLink>
                  ) : (
                    n.message
                  )}
                  {n.publishedIn && (
                    <>
                      {" "}
                      <PublishedInLink at={n.publishedIn} />
                    </>
                  )}
                  <span className="ml-2 text-xs text-stone-400">{formatDateTime(n.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {awaiting.length > 0 && <AwaitingInstructions instructions={awaiting} />}

      <h2 className="mb-3 text-lg font-semibold">{isEditor ? t("inbox") : t("ourArticles")}</h2>
      <nav aria-label={t("filterStatus")} className="mb-3 flex flex-wrap gap-1 text-sm">
        <DeskLink href={query({ status: isEditor ? "all" : undefined })} aria-current={!effective.status ? "page" : undefined} className={`rounded px-3 py-1 whitespace-nowrap ${!effective.status ? "bg-stone-900 text-white" : "bg-white hover:bg-stone-100"}`}>
          {t("allStatuses")} <span className="opacity-70">{total}</span>
        </DeskLink>
        {ARTICLE_STATUSES.map((s) => (
          <DeskLink key={s} href={query({ status: s })} aria-current={effective.status === s ? "page" : undefined} className={`rounded px-3 py-1 whitespace-nowrap ${effective.status === s ? "bg-stone-900 text-white" : "bg-white hover:bg-stone-100"}`}>
            {ts(s)} <span className="opacity-70">{counts[s]}</span>
          </DeskLink>
        ))}
      </nav>
      {isEditor && (
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-3 text-sm" aria-label={t("filters")}>
          {(effective.status || wantsAll) && <input type="hidden" name="status" value={effective.status ?? "all"} />}
          <label className="block">
            <span className="mb-1 block text-stone-600">{t("filterUnit")}</span>
            <select name="unit" defaultValue={filter.unit ?? ""} className="rounded border border-stone-300 px-2 py-1">
              <option value="">{t("allStatuses")}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            <span className="mb-1 block text-stone-600">{t("filterFrom")}</span>
            <input type="date" name="from" defaultValue={filter.from ?? ""} className="rounded border border-stone-300 px-2 py-1" />
          </label>
          <label className="block">
            <span className="mb-1 block text-stone-600">{t("filterTo")}</span>
            <input type="date" name="to" defaultValue={filter.to ?? ""} className="rounded border border-stone-300 px-2 py-1" />
          </label>
          <label className="block">
            <span className="mb-1 block text-stone-600">{t("filterText")}</span>
            <input type="search" name="q" defaultValue={filter.q ?? ""} className="rounded border border-stone-300 px-2 py-1" />
          </label>
          <button type="submit" className="rounded bg-stone-900 px-3 py-1 text-white">
            {t("apply")}
          </button>
          <DeskLink href="/workspace" className="px-2 py-1 text-stone-600 hover:underline">
            {t("clear")}
          </DeskLink>
        </form>
      )}
      {/* "No articles yet" only where nothing narrows the list: under a tab or a filter, none match. */}
      <ArticleTable
        articles={page.articles}
        empty={
          (isEditor ? effective.status !== "submitted" : effective.status) || filter.unit || filter.from || filter.to || filter.q ? t("emptyFiltered") : isEditor ? t("emptyInbox") : t("emptyContributor")
        }
      />
      <div className="mt-3 flex gap-4 text-sm">
        {filter.cursor && (
          <DeskLink href={query({})} className="hover:underline">
            {t("prev")}
          </DeskLink>
        )}
        {page.next && (
          <DeskLink href={`${query({})}&cursor=${encodeURIComponent(page.next)}`} className="hover:underline">
            {t("next")}
          </DeskLink>
        )}
      </div>
    </>
  );
}
