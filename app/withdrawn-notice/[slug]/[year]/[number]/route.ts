// The notice of a withdrawn issue with status 410 Gone (proxy.ts rewrites the
// issue's reader URLs here). Anything not withdrawn is simply not found.
import { getLocale, getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { parseIssueNumberSegment } from "@/lib/issues/issue-path";
import { getReaderIssue, IssueWithdrawnError } from "@/lib/issues/reader";
import { escapeHtml } from "@/lib/render/document";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string; year: string; number: string }>;

const INT = /^\d{1,6}$/;

function page(lang: string, title: string, body: string, status: number) {
  const html = `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>
body{margin:0;background:#fafaf9;color:#1c1917;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;line-height:1.8}
main{max-width:40rem;margin:0 auto;padding:4rem 1rem}
.notice{border:1px solid #d6d3d1;background:#fff;border-radius:.25rem;padding:1.5rem}
h1{font-family:"Noto Serif CJK SC","Source Han Serif SC",serif;font-size:1.25rem;margin:0}
a{color:#c00000}
</style></head>
<body><main id="main">${body}</main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

export async function GET(_request: Request, { params }: { params: Params }) {
  const p = await params;
  const [lang, t, tc] = await Promise.all([getLocale(), getTranslations("reader"), getTranslations("common")]);
  const notFound = () =>
    page(lang, tc("notFoundTitle"), `<h1>${escapeHtml(tc("notFoundTitle"))}</h1><p><a href="/">${escapeHtml(tc("backHome"))}</a></p>`, 404);
  const ref = parseIssueNumberSegment(p.number);
  if (!INT.test(p.year) || !ref) return notFound();
  try {
    await getReaderIssue(p.slug, Number(p.year), ref.number, ref.series);
    return notFound(); // published: this address is only for withdrawn issues
  } catch (e) {
    if (e instanceof IssueWithdrawnError) {
      const notice = t("withdrawn", { date: formatDate(e.withdrawnAt), reason: e.reason });
      return page(
        lang,
        e.title,
        `<div class="notice" role="alert"><h1>${escapeHtml(e.title)}</h1><p>${escapeHtml(notice)}</p></div>
<p><a href="/">${escapeHtml(tc("backHome"))}</a></p>`,
        410,
      );
    }
    if (e instanceof AppError && e.code === "not_found") return notFound();
    throw e;
  }
}
