// 信息工作通报: the period's statistics as a notice on an A4 sheet, to print
// or download as Word. For those who may read the statistics.
import { DeskLink } from "@/components/workspace/desk-link";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { getNotice, noticeTitle } from "@/lib/stats/notice";
import { resolvePeriod } from "@/lib/stats/period";
import { commissionNow } from "@/lib/e2e/clock";
import { NoticeView } from "@/components/stats/notice-view";
import { PrintButton } from "@/components/bulletin/print-button";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | undefined>>;

/** The tab, and the file name a browser offers when the sheet is saved as PDF: the 通报's own title. */
export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const search = await searchParams;
  let title: string;
  try {
    title = noticeTitle(resolvePeriod({ period: search.period }, commissionNow(await headers())));
  } catch {
    title = (await getTranslations("stats"))("title");
  }
  return { title: { absolute: title }, robots: { index: false } };
}

export default async function NoticePage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireSignedIn("/workspace/stats");
  if (!can(viewer, "read:stats:any")) notFound();
  const search = await searchParams;
  const { report, notice } = await getNotice(viewer, { period: search.period, publication: search.publication || undefined }, commissionNow(await headers()));
  const t = await getTranslations("stats");
  const query = new URLSearchParams({ period: report.period.key, ...(report.publication ? { publication: report.publication.slug } : {}) });
  return (
    <>
      <nav aria-label={t("noticeToolbar")} className="print-toolbar mx-auto flex max-w-[210mm] flex-wrap items-center gap-4 px-4 py-3 text-sm">
        <DeskLink href={`/workspace/stats?${query}`} className="text-stone-800 underline-offset-4 hover:underline">
          ← {t("backToStats")}
        </DeskLink>
        <a href={`/api/v1/stats/notice?${query}`} className="text-stone-800 underline-offset-4 hover:underline" download>
          {t("noticeWord")}
        </a>
        <span className="ml-auto">
          <PrintButton label={t("noticePrint")} />
        </span>
      </nav>
      <main id="main" className="print-sheet">
        <NoticeView notice={notice} />
      </main>
    </>
  );
}
