import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { answerableCommissions } from "@/lib/commissions/commissions";
import { commissionNow } from "@/lib/e2e/clock";
import { DocxImport } from "@/components/workspace/docx-import";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("articleImport");

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireSignedIn("/workspace/articles/import");
  const t = await getTranslations("articlePages");
  if (!can(viewer, "create:article:own-unit")) {
    return <p className="rounded border border-dashed border-stone-300 p-6 text-stone-600">{t("contributorsOnly")}</p>;
  }
  // The draft may answer a 约稿 addressed to the unit (撰稿回复 from Word); `?commission=` chooses it.
  const commissions = await answerableCommissions(viewer, commissionNow(await headers()));
  const wanted = Number((await searchParams).commission);
  const initial = commissions.some((c) => c.id === wanted) ? wanted : null;
  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-xl font-bold">{t("importTitle")}</h1>
      <p className="mb-6 text-sm text-stone-600">{t("importIntro")}</p>
      <DocxImport commissions={commissions} initialCommission={initial} />
    </div>
  );
}
