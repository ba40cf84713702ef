import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { issueNumberSegment, parseIssueNumberSegment } from "@/lib/issues/issue-path";
import { getReaderIssue } from "@/lib/issues/reader";
import { loadMediaBySrc } from "@/lib/media/media";
import { issueDocx, issueDocxFileName } from "@/lib/render/issue-docx";
import { siteOrigin } from "@/lib/feeds/site-url";

const INT = /^\d{1,6}$/;

/** The published issue (`s1`: 增刊第1期) as a Word document in the printed form. 404 unpublished, 410 withdrawn. */
export const GET = apiRoute<{ slug: string; year: string; number: string }>(
  async ({ params, request }) => {
    const ref = parseIssueNumberSegment(params.number);
    if (!INT.test(params.year) || !ref) throw new AppError("not_found", "issue.notFound");
    const { snapshot } = await getReaderIssue(params.slug, Number(params.year), ref.number, ref.series);
    const contents = new URL(request.url).searchParams.get("toc") !== "0";
    const body = await issueDocx(snapshot, { contents, loadImage: loadMediaBySrc, baseUrl: siteOrigin(request.headers) });
    const name = issueDocxFileName(snapshot);
    const ascii = `${params.slug}-${snapshot.year}-${issueNumberSegment(snapshot)}.docx`.replace(/[^\w.-]/g, "_");
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "content-length": String(body.length),
        "cache-control": "no-cache",
      },
    });
  },
  { auth: false },
);
