import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";

/** What readers see of a withdrawn issue: its title, the date and the reason. */
export async function WithdrawnNotice({ title, withdrawnAt, reason }: { title: string; withdrawnAt: string; reason: string }) {
  const t = await getTranslations("reader");
  return (
    <div role="alert" className="rounded border border-stone-300 bg-stone-50 p-6">
      <h1 className="font-serif text-xl font-bold">{title}</h1>
      <p className="mt-3">{t("withdrawn", { date: formatDate(withdrawnAt), reason })}</p>
    </div>
  );
}
