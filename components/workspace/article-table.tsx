import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ArticleListItem } from "@/lib/articles/articles";
import { formatDateTime } from "@/lib/format";
import { StatusBadge } from "./status-badge";

export async function ArticleTable({ articles, empty }: { articles: ArticleListItem[]; empty: string }) {
  const t = await getTranslations("workspace.table");
  if (!articles.length) return <p className="rounded border border-dashed border-stone-300 p-6 text-sm text-stone-600">{empty}</p>;
  return (
    // On a phone the title and its status stay side by side (unit and time go under the title), never one character a line;
    // anything still too wide scrolls sideways.
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-stone-200 text-left text-stone-500">
            <th className="px-3 py-2 font-medium">{t("title")}</th>
            <th className="hidden px-3 py-2 font-medium sm:table-cell">{t("unit")}</th>
            <th className="px-3 py-2 font-medium">{t("status")}</th>
            <th className="hidden px-3 py-2 font-medium sm:table-cell">{t("updated")}</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.id} className="border-b border-stone-100">
              <td className="px-3 py-2">
                <Link href={`/workspace/articles/${a.id}`} className="hover:underline">
                  {a.title}
                </Link>
                <span className="mt-0.5 block text-xs text-stone-500 sm:hidden">
                  {a.unit} · <span className="tabular-nums">{formatDateTime(a.updatedAt)}</span>
                </span>
              </td>
              <td className="hidden px-3 py-2 whitespace-nowrap text-stone-600 sm:table-cell">{a.unit}</td>
              <td className="px-3 py-2">
                <StatusBadge status={a.status} />
              </td>
              <td className="hidden px-3 py-2 whitespace-nowrap text-stone-600 tabular-nums sm:table-cell">{formatDateTime(a.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
