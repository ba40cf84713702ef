import { DeskLink } from "@/components/workspace/desk-link";
import { getTranslations } from "next-intl/server";
import type { ArticleListItem } from "@/lib/articles/articles";
import { formatDateTime } from "@/lib/format";
import { DataTable } from "@/components/ui/data-table";
import { StatusBadge } from "./status-badge";

export async function ArticleTable({ articles, empty }: { articles: ArticleListItem[]; empty: string }) {
  const t = await getTranslations("workspace.table");
  if (!articles.length) return <p className="rounded border border-dashed border-stone-300 p-6 text-sm text-stone-600">{empty}</p>;
  // On a phone the title and its status stay side by side (unit and time go under the title), never one character a line;
  // anything still too wide scrolls sideways.
  return (
    <DataTable
      rows={articles}
      rowKey={(a) => a.id}
      columns={[
        {
          header: t("title"),
          wrap: true,
          cell: (a) => (
            <>
              {/* A draft saved before it had a title is still a link to open. */}
              <DeskLink href={`/workspace/articles/${a.id}`} className={a.title.trim() ? "hover:underline" : "text-stone-500 italic hover:underline"}>
                {a.title.trim() || t("untitled")}
              </DeskLink>
              <span className="mt-0.5 block text-xs text-stone-500 sm:hidden">
                {a.unit} · <span className="tabular-nums">{formatDateTime(a.updatedAt)}</span>
              </span>
            </>
          ),
        },
        { header: t("unit"), cell: (a) => a.unit, hideOnPhone: true, className: "text-stone-600" },
        { header: t("status"), cell: (a) => <StatusBadge status={a.status} /> },
        { header: t("updated"), cell: (a) => formatDateTime(a.updatedAt), hideOnPhone: true, className: "text-stone-600 tabular-nums" },
      ]}
    />
  );
}
