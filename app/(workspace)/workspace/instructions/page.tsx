// 批示台账: every leader's instruction with its article, unit, level, date and
// feedback state, overdue feedback flagged; signers and editors record new
// ones here (a signer has no article page to start from).
import { DeskLink } from "@/components/workspace/desk-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { instructionListQuerySchema, instructionUnits, listInstructions, listPublishedArticlesForRecording } from "@/lib/instructions/instructions";
import { maxInstructionFileBytes } from "@/lib/instructions/files";
import { chinaToday } from "@/lib/instructions/deadline";
import { OFFICIAL_LEVELS } from "@/lib/instructions/levels";
import { FeedbackState } from "@/components/instructions/feedback-state";
import { InstructionForm } from "@/components/instructions/instruction-form";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("instructions");

type Search = Promise<Record<string, string | undefined>>;
const STATES = ["awaiting", "answered", "overdue"] as const;

/** The ledger's address with the state, level and unit filters. */
const ledgerHref = (state?: string, level?: string, unit?: number) => {
  const p = new URLSearchParams(Object.entries({ state, level, unit: unit ? String(unit) : undefined }).filter((e): e is [string, string] => Boolean(e[1])));
  return p.size ? `/workspace/instructions?${p.toString()}` : "/workspace/instructions";
};

export default async function InstructionLedgerPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireSignedIn("/workspace/instructions");
  if (!can(viewer, "read:instruction:any")) notFound();
  const raw = await searchParams;
  const parsed = instructionListQuerySchema.safeParse({ state: raw.state || undefined, level: raw.level || undefined, unit: raw.unit || undefined });
  const query = parsed.success ? parsed.data : {};
  const mayRecord = can(viewer, "record:instruction:any");
  const [{ instructions, feedbackDays }, unitChoices, articles, t] = await Promise.all([
    listInstructions(viewer, query),
    instructionUnits(viewer),
    mayRecord ? listPublishedArticlesForRecording(viewer) : Promise.resolve([]),
    getTranslations("instructions"),
  ]);
  const preselect = raw.article && /^\d{1,9}$/.test(raw.article) ? Number(raw.article) : undefined;
  return (
    <>
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("ledgerTitle")}</h1>
        <span className="text-sm text-stone-500" data-testid="instruction-count">
          {t("count", { count: instructions.length })}
        </span>
      </div>
      <p className="mb-4 text-sm text-stone-600">{t("ledgerIntro", { days: feedbackDays })}</p>
      <nav aria-label={t("filters.label")} className="mb-3 flex flex-wrap gap-1 text-sm">
        {[undefined, ...STATES].map((s) => {
          const current = query.state === s;
          return (
            <DeskLink
              key={s ?? "all"}
              href={ledgerHref(s, query.level, query.unit)}
              aria-current={current ? "page" : undefined}
              className={`rounded px-3 py-1 whitespace-nowrap ${current ? "bg-stone-900 text-white" : "bg-white hover:bg-stone-100"}`}
            >
              {t(`filters.${s ?? "all"}`)}
            </DeskLink>
          );
        })}
      </nav>
      <nav aria-label={t("filters.levelLabel")} className="mb-3 flex flex-wrap gap-1 text-sm">
        {[undefined, ...OFFICIAL_LEVELS].map((l) => {
          const current = query.level === l;
          return (
            <DeskLink
              key={l ?? "all"}
              href={ledgerHref(query.state, l, query.unit)}
              aria-current={current ? "page" : undefined}
              className={`rounded px-3 py-1 whitespace-nowrap ${current ? "bg-stone-700 text-white" : "bg-white hover:bg-stone-100"}`}
            >
              {l ? t(`levels.${l}`) : t("filters.allLevels")}
            </DeskLink>
          );
        })}
      </nav>
      <form method="get" action="/workspace/instructions" role="search" aria-label={t("filters.unitLabel")} className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        {query.state ? <input type="hidden" name="state" value={query.state} /> : null}
        {query.level ? <input type="hidden" name="level" value={query.level} /> : null}
        <label htmlFor="ledger-unit">{t("filters.unit")}</label>
        <select id="ledger-unit" name="unit" defaultValue={query.unit ? String(query.unit) : ""} className="rounded border border-stone-300 bg-white px-2 py-1">
          <option value="">{t("filters.allUnits")}</option>
          {unitChoices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded bg-white px-3 py-1 ring-1 ring-stone-300 hover:bg-stone-100">
          {t("filters.apply")}
        </button>
      </form>
      {instructions.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600">{query.state || query.level || query.unit ? t("emptyFiltered") : t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-stone-200 bg-white">
          <table className="w-full text-sm" data-testid="instruction-ledger">
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th className="px-3 py-2 font-medium whitespace-nowrap">{t("columns.date")}</th>
                <th className="px-3 py-2 font-medium whitespace-nowrap">{t("columns.leader")}</th>
                <th className="px-3 py-2 font-medium whitespace-nowrap">{t("columns.level")}</th>
                <th className="px-3 py-2 font-medium">{t("columns.article")}</th>
                <th className="px-3 py-2 font-medium whitespace-nowrap">{t("columns.unit")}</th>
                <th className="px-3 py-2 font-medium">{t("columns.text")}</th>
                <th className="px-3 py-2 font-medium whitespace-nowrap">{t("columns.due")}</th>
                <th className="px-3 py-2 font-medium whitespace-nowrap">{t("columns.state")}</th>
              </tr>
            </thead>
            <tbody>
              {instructions.map((i) => (
                <tr key={i.id} className={`border-t border-stone-100 align-top ${i.overdue ? "bg-red-50/50" : ""}`} data-testid="instruction-row">
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">{i.date}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{i.leader}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{t(`levels.${i.level}`)}</td>
                  <td className="px-3 py-2">
                    {can(viewer, "read:article:any") ? (
                      <DeskLink href={`/workspace/articles/${i.articleId}#instruction-${i.id}`} className="hover:underline">
                        {i.articleTitle}
                      </DeskLink>
                    ) : (
                      i.articleTitle
                    )}
                    {i.issue && <span className="block text-xs text-stone-500">{i.issue}</span>}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{i.unit}</td>
                  <td className="max-w-xs px-3 py-2">
                    <p className="line-clamp-3 whitespace-pre-wrap">{i.text}</p>
                    {i.scan && (
                      <a href={i.scan.url} target="_blank" rel="noopener" className="text-xs underline">
                        {t("scan")}
                      </a>
                    )}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">{i.dueDate}</td>
                  <td className="px-3 py-2">
                    <FeedbackState instruction={i} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayRecord && (
        <div id="record" className="mt-6 max-w-3xl scroll-mt-4">
          <InstructionForm key={preselect ?? "none"} articles={articles} today={chinaToday(new Date())} maxMb={Math.round(maxInstructionFileBytes() / 1024 / 1024)} initialArticleId={preselect} />
        </div>
      )}
    </>
  );
}
