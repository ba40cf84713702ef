// The issue's history of 签发 and going out: who asked, who signed or
// returned and when, with the comment. Desks only; readers never see it.
import { useTranslations } from "next-intl";
import type { IssueEventView } from "@/lib/issues/signoff";
import { formatDateTime } from "@/lib/format";

const KNOWN = ["signoff_requested", "signed", "signoff_returned", "signoff_voided", "published", "scheduled", "unscheduled", "withdrawn", "restored", "corrected", "correction_requested", "correction_signed", "correction_returned"];

export function SignoffHistory({ history }: { history: IssueEventView[] }) {
  const t = useTranslations("signoff.history");
  return (
    <section aria-label={t("title")} className="my-6 rounded border border-stone-200 bg-white p-4 text-sm" data-testid="signoff-history">
      <h2 className="mb-2 font-semibold">{t("title")}</h2>
      {history.length === 0 ? (
        <p className="text-stone-500">{t("empty")}</p>
      ) : (
        <ol className="space-y-1.5">
          {[...history].reverse().map((e, i) => (
            <li key={i} className="flex flex-wrap gap-x-2">
              <span className="text-stone-500 tabular-nums">{formatDateTime(e.at)}</span>
              <span className="font-medium">{KNOWN.includes(e.type) ? t(`types.${e.type}`) : e.type}</span>
              {e.by && <span>{e.by}</span>}
              {e.comment && e.type !== "scheduled" && <span className="basis-full pl-4 text-stone-700 sm:basis-auto sm:pl-0">“{e.comment}”</span>}
              {e.comment && e.type === "scheduled" && <span className="text-stone-700">{formatDateTime(e.comment)}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
