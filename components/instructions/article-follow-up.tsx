// On an article's desk page: the 批示 it drew with their 落实反馈, its 上级采用,
// and the forms to record them (signers and editors; editors) or to answer
// (the article's unit). Never on reader pages.
import { getTranslations } from "next-intl/server";
import { can, type Viewer } from "@/lib/auth/permissions";
import type { AdoptionView } from "@/lib/instructions/adoptions";
import { maxInstructionFileBytes } from "@/lib/instructions/files";
import type { InstructionView } from "@/lib/instructions/instructions";
import { chinaToday } from "@/lib/instructions/deadline";
import { formatDateTime } from "@/lib/format";
import { AdoptionForm } from "./adoption-form";
import { FeedbackForm } from "./feedback-form";
import { FeedbackState } from "./feedback-state";
import { InstructionForm } from "./instruction-form";

export async function ArticleFollowUp({ viewer, article, instructions, adoptions }: { viewer: Viewer; article: { id: number; unitId: number; status: string }; instructions: InstructionView[]; adoptions: AdoptionView[] }) {
  const t = await getTranslations("instructions");
  const published = article.status === "published";
  const mayRecord = published && can(viewer, "record:instruction:any");
  const mayAdopt = published && can(viewer, "record:adoption:any");
  const mayAnswer = viewer.kind === "user" && viewer.unitId === article.unitId && can(viewer, "answer:instruction:own-unit");
  if (!published && !instructions.length && !adoptions.length) return null;
  const today = chinaToday(new Date());
  return (
    <section className="mt-8 space-y-4" aria-labelledby="follow-up-title" data-testid="article-follow-up">
      <h2 id="follow-up-title" className="text-lg font-semibold">
        {t("section.title")}
      </h2>
      <div>
        <h3 className="mb-2 text-sm font-semibold text-stone-500">{t("section.instructions")}</h3>
        {instructions.length === 0 ? (
          <p className="text-sm text-stone-500">{t("section.none")}</p>
        ) : (
          <ol className="space-y-3">
            {instructions.map((i) => (
              <li key={i.id} id={`instruction-${i.id}`} className="rounded border border-stone-200 bg-white p-4" data-testid="instruction">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-semibold">{i.leader}</span>
                  <span className="rounded bg-stone-100 px-2 py-0.5 text-xs">{t(`levels.${i.level}`)}</span>
                  <span className="text-stone-600">{i.date}</span>
                  <span className="ml-auto flex items-center gap-2">
                    <span className="text-xs text-stone-500">{t("desk.due", { date: i.dueDate })}</span>
                    <FeedbackState instruction={i} />
                  </span>
                </div>
                <p className="mt-2 whitespace-pre-wrap font-serif text-[16px] leading-relaxed">{i.text}</p>
                <p className="mt-1 text-xs text-stone-500">
                  {t("recordedBy", { name: i.recordedBy ?? "—", time: formatDateTime(i.recordedAt) })}
                  {i.scan && (
                    <>
                      {" · "}
                      <a href={i.scan.url} target="_blank" rel="noopener" className="underline">
                        {t("scan")}：{i.scan.name}
                      </a>
                    </>
                  )}
                </p>
                <div className="mt-3 border-t border-stone-100 pt-3">
                  <h4 className="text-sm font-semibold text-stone-600">{t("feedback.title")}</h4>
                  {i.feedback.length === 0 && <p className="text-sm text-stone-500">{t("feedback.none")}</p>}
                  {i.feedback.map((f) => (
                    <div key={f.id} className="mt-2 rounded bg-stone-50 p-3" data-testid="feedback">
                      <div className="bulletin">
                        <div className="article-body text-[16px]" dangerouslySetInnerHTML={{ __html: f.html }} />
                      </div>
                      {f.files.length > 0 && (
                        <ul className="mt-2 flex flex-wrap gap-3 text-sm">
                          {f.files.map((file) => (
                            <li key={file.id}>
                              <a href={file.url} target="_blank" rel="noopener" className="underline">
                                {file.name}
                              </a>
                            </li>
                          ))}
                        </ul>
                      )}
                      <p className="mt-1 text-xs text-stone-500">{t("feedback.by", { name: f.by ?? "—", time: formatDateTime(f.at) })}</p>
                    </div>
                  ))}
                  {mayAnswer &&
                    (i.feedback.length === 0 ? (
                      <FeedbackForm instructionId={i.id} />
                    ) : (
                      <details className="mt-2 text-sm">
                        <summary className="cursor-pointer text-stone-600">{t("feedback.addMore")}</summary>
                        <FeedbackForm instructionId={i.id} />
                      </details>
                    ))}
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
      {mayRecord && <InstructionForm articleId={article.id} today={today} maxMb={Math.round(maxInstructionFileBytes() / 1024 / 1024)} />}
      <div>
        <h3 className="mb-2 text-sm font-semibold text-stone-500">{t("adoption.title")}</h3>
        {adoptions.length === 0 ? (
          <p className="text-sm text-stone-500">{t("adoption.none")}</p>
        ) : (
          <ul className="space-y-2">
            {adoptions.map((a) => (
              <li key={a.id} className="rounded border border-stone-200 bg-white p-3 text-sm" data-testid="adoption">
                <span className="font-semibold">{a.by}</span> <span className="rounded bg-stone-100 px-2 py-0.5 text-xs">{t(`levels.${a.level}`)}</span> <span className="text-stone-600">{a.date}</span>
                {a.note && <span className="ml-2">{a.note}</span>}
                <span className="ml-2 text-xs text-stone-500">{t("adoption.recordedBy", { name: a.recordedBy ?? "—" })}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {mayAdopt && <AdoptionForm articleId={article.id} today={today} />}
    </section>
  );
}
