import { DeskLink } from "@/components/workspace/desk-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { previewIssueWithStatus } from "@/lib/issues/assembly";
import { issuePath } from "@/lib/issues/issue-path";
import { IssueView } from "@/components/bulletin/issue-view";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("issuePreview");

/** The preview uses the very renderer of the reader page, from a snapshot built exactly as publishing would build it. */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireSignedIn(`/workspace/issues/${id}/preview`);
  if (!can(viewer, "read:issue:any") || !/^\d{1,9}$/.test(id)) notFound();
  let snapshot, status;
  try {
    ({ snapshot, status } = await previewIssueWithStatus(viewer, Number(id)));
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  const t = await getTranslations("issues");
  const tr = await getTranslations("reader");
  return (
    <div>
      <p className="mb-4 flex items-center gap-3 rounded border border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900">
        <span>{t(status === "published" ? "previewNotePublished" : status === "withdrawn" ? "previewNoteWithdrawn" : "previewNote")}</span>
        {status === "published" && (
          <a href={issuePath(snapshot.publication.slug, snapshot)} className="underline">
            {t("readerPage")}
          </a>
        )}
        {/* Signers read issues on their own desk; the board is the editors'. */}
        <DeskLink href={can(viewer, "manage:issue:any") ? `/workspace/issues/${id}` : `/workspace/signoff/${id}`} className="ml-auto underline">
          {t("backToBoard")}
        </DeskLink>
      </p>
      <div className="mx-auto max-w-3xl rounded border border-stone-200 bg-white px-4 py-8 sm:px-8">
        <IssueView snapshot={snapshot} labels={{ contents: tr("contents"), corrections: tr("corrections"), backToTop: tr("backToTop") }} />
      </div>
    </div>
  );
}
