import { DeskLink } from "@/components/workspace/desk-link";
import { useTranslations } from "next-intl";
import type { PublishedIn } from "@/lib/articles/published-in";

/** 刊于《山东脱贫攻坚简报》2017年第88期, linking to the article in the reader site. */
export function PublishedInLink({ at }: { at: PublishedIn }) {
  const t = useTranslations("workspace");
  const label = t(at.series === "supplement" ? "publishedInSupplement" : "publishedIn", { publication: at.publication, year: at.year, number: at.number });
  return (
    <DeskLink href={at.path} data-testid="published-in" className="text-violet-800 underline decoration-violet-300 underline-offset-2 hover:decoration-violet-800">
      {label}
    </DeskLink>
  );
}
