// The contributor's desk: the unit's 批示 still waiting for 落实反馈, the
// most urgent first, each with the way to write the feedback.
import { DeskLink } from "@/components/workspace/desk-link";
import { getTranslations } from "next-intl/server";
import type { InstructionView } from "@/lib/instructions/instructions";
import { FeedbackState } from "./feedback-state";

export async function AwaitingInstructions({ instructions }: { instructions: InstructionView[] }) {
  const t = await getTranslations("instructions");
  return (
    <section aria-labelledby="awaiting-instructions" className="mb-6 rounded border border-amber-300 bg-amber-50/60 p-4" data-testid="awaiting-instructions">
      <h2 id="awaiting-instructions" className="text-base font-semibold">
        {t("desk.title")} <span className="ml-1 rounded-full bg-amber-600 px-2 py-0.5 text-xs text-white">{instructions.length}</span>
      </h2>
      <p className="mb-3 text-sm text-stone-600">{t("desk.intro")}</p>
      <ul className="space-y-2">
        {instructions.map((i) => (
          <li key={i.id} className="rounded border border-stone-200 bg-white p-3 text-sm" data-testid="awaiting-instruction">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">{i.leader}</span>
              <span className="rounded bg-stone-100 px-2 py-0.5 text-xs">{t(`levels.${i.level}`)}</span>
              <span className="text-stone-600">{i.date}</span>
              <span className="text-stone-600">《{i.articleTitle}》</span>
              <span className="ml-auto flex items-center gap-2">
                <span className="text-xs text-stone-500">{t("desk.due", { date: i.dueDate })}</span>
                <FeedbackState instruction={i} />
              </span>
            </div>
            <p className="mt-1 line-clamp-2 whitespace-pre-wrap text-stone-700">{i.text}</p>
            <DeskLink href={`/workspace/articles/${i.articleId}#instruction-${i.id}`} className="mt-2 inline-block rounded bg-stone-900 px-3 py-1 text-white hover:bg-stone-700">
              {t("feedback.write")}
            </DeskLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
