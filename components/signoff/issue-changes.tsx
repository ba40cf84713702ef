// What changed since the signer returned the issue: fields, sections, the
// order of the articles and their texts (changed paragraphs only).
import { getTranslations } from "next-intl/server";
import type { IssueDiff, IssuePlace } from "@/lib/issues/issue-diff";
import { DiffBlocks, Segments } from "@/components/workspace/diff-view";
import { formatDateTime } from "@/lib/format";

export async function IssueChanges({ changes }: { changes: { diff: IssueDiff; returnedAt: string; comment: string | null } }) {
  const t = await getTranslations("signoff.changes");
  const { diff } = changes;
  const place = (p: IssuePlace | null) => (p ? t("place", { section: p.section ? `【${p.section}】` : t("leadGroup"), position: p.position }) : "");
  const sectionLines = [
    ...diff.sections.added.map((h) => t("sectionAdded", { heading: h })),
    ...diff.sections.removed.map((h) => t("sectionRemoved", { heading: h })),
    ...diff.sections.moved.map((h) => t("sectionMoved", { heading: h })),
  ];
  const articles = diff.articles.filter((a) => a.change !== "kept" || a.moved || a.titleDiff || a.attributionDiff || a.blocks);
  return (
    <section aria-label={t("title")} className="rounded border border-amber-300 bg-amber-50/60 p-4 text-sm" data-testid="signoff-changes">
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="mt-1 text-amber-900">{t("returnedAt", { time: formatDateTime(changes.returnedAt), comment: changes.comment ?? "" })}</p>
      {diff.unchanged ? (
        <p className="mt-2">{t("none")}</p>
      ) : (
        <div className="mt-3 space-y-3">
          {diff.fields.length > 0 && (
            <div>
              <h3 className="font-medium">{t("fields")}</h3>
              <ul className="mt-1 space-y-1">
                {diff.fields.map((f) => (
                  <li key={f.field}>
                    {t(`field.${f.field}`)}：<del className="bg-red-100 text-red-900">{f.from || "—"}</del> → <ins className="bg-green-100 text-green-900 no-underline">{f.to || "—"}</ins>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {sectionLines.length > 0 && (
            <div>
              <h3 className="font-medium">{t("sections")}</h3>
              <ul className="mt-1 list-disc space-y-0.5 pl-5">
                {sectionLines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </div>
          )}
          {articles.length > 0 && (
            <div>
              <h3 className="font-medium">{t("articles")}</h3>
              <ul className="mt-1 space-y-2">
                {articles.map((a) => (
                  <li key={a.id} className="rounded border border-stone-200 bg-white p-2" data-testid="changed-article">
                    <p className="font-medium">《{a.title}》</p>
                    <p className="text-xs text-stone-600">
                      {a.change === "added" && <>{t("added")} · {place(a.to)}</>}
                      {a.change === "removed" && <>{t("removed")} · {place(a.from)}</>}
                      {a.change === "kept" && a.moved && (
                        <>
                          {t("moved")}：{place(a.from)} → {place(a.to)}
                        </>
                      )}
                    </p>
                    {a.titleDiff && (
                      <p className="mt-1">
                        {t("retitled")}：<Segments segments={a.titleDiff} />
                      </p>
                    )}
                    {a.attributionDiff && (
                      <p className="mt-1">
                        （<Segments segments={a.attributionDiff} />）
                      </p>
                    )}
                    {a.blocks && (
                      <div className="mt-1 space-y-1 border-l-2 border-amber-300 pl-2">
                        <p className="text-xs text-stone-600">{a.blocks.some((b) => b.kind !== "same") ? t("edited") : t("formatOnly")}</p>
                        <DiffBlocks blocks={a.blocks} changedOnly />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
