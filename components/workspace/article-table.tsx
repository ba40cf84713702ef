import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ArticleListItem } from "@/lib/articles/articles";
import { formatDateTime } from "@/lib/format";
import { StatusBadge } from "./status-badge";

export async function ArticleTable({ articles, empty }: { articles: ArticleListItem[]; empty: string }) {
  const t = await getTranslations("workspace.table");
  if (!articles.length) return <p className="rounded border border-dashed border-stone-300 p-6 text-sm text-stone-600">{empty}</p>;
  return (
    // On a phone the table scrolls sideways rather than squeezing words into one character a line.
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-stone-200 text-left text-stone-500">
            <th className="px-3 py-2 font-medium">{t("title")}</th>
            <th className="px-3 py-2 font-medium">{t("unit")}</th>
            <th className="px-3 py-2 font-medium">{t("status")}</th>
            <th className="px-3 py-2 font-medium">{t("updated")}</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.id} className="border-b border-stone-100">
              <td className="min-w-48 px-3 py-2">
                <Link href={`/workspace/articles/${a.id}`} className="hover:underline">
                  {a.title}
                </Link>
              </td>
              <td className="px-3 py-2 whitespace-nowrap text-stone-600">{a.unit}</td>
              <td className="px-3 py-2">
                <StatusBadge status={a.status} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap text-stone-600 tabular-nums">{formatDateTime(a.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
