import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { listApiTokens } from "@/lib/auth/tokens";
import { formatDateTime } from "@/lib/format";
import { CreateTokenForm, RevokeTokenButton } from "@/components/admin/token-forms";

export default async function TokensPage({ searchParams }: { searchParams: Promise<{ all?: string; user?: string }> }) {
  const viewer = await requireSignedIn("/workspace/tokens");
  const { all: allParam, user: userParam } = await searchParams;
  const mayListAll = can(viewer, "manage:token:any");
  const all = mayListAll && allParam === "1";
  let tokens = await listApiTokens(viewer, { all });
  if (all && userParam && /^\d+$/.test(userParam)) tokens = tokens.filter((tk) => tk.userId === Number(userParam));
  const t = await getTranslations("tokens");
  const active = tokens.filter((tk) => !tk.revokedAt).length;
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-2xl text-sm text-stone-600">{t("intro")}</p>
      {mayListAll ? (
        <nav aria-label={t("scope")} className="mb-4 flex gap-3 text-sm">
          <Link href="/workspace/tokens" aria-current={all ? undefined : "page"} className={all ? "text-stone-600 hover:underline" : "font-medium"}>
            {t("mine")}
          </Link>
          <Link href="/workspace/tokens?all=1" aria-current={all ? "page" : undefined} className={all ? "font-medium" : "text-stone-600 hover:underline"}>
            {t("everyone")}
          </Link>
        </nav>
      ) : null}
      {!all ? <CreateTokenForm /> : null}
      <h2 className="mb-2 text-lg font-semibold">
        {all ? t("allHeading") : t("ownHeading")} <span className="text-sm font-normal text-stone-500">{t("counts", { total: tokens.length, active })}</span>
      </h2>
      {tokens.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-sm text-stone-600">{all ? t("emptyAll") : t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">{all ? t("allHeading") : t("ownHeading")}</caption>
            <thead>
              <tr className="border-b border-stone-200 text-left text-stone-500">
                <th className="px-3 py-2 font-medium">{t("name")}</th>
                {all ? <th className="px-3 py-2 font-medium">{t("owner")}</th> : null}
                <th className="px-3 py-2 font-medium">{t("prefix")}</th>
                <th className="px-3 py-2 font-medium">{t("created")}</th>
                <th className="px-3 py-2 font-medium">{t("lastUsed")}</th>
                <th className="px-3 py-2 font-medium">{t("expires")}</th>
                <th className="px-3 py-2 font-medium">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tk) => (
                <tr key={tk.id} className={`border-b border-stone-100 ${tk.revokedAt ? "text-stone-400" : ""}`}>
                  <td className="px-3 py-2">
                    {tk.name}
                    {tk.scope === "read" ? <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-800">{t("readOnly")}</span> : null}
                  </td>
                  {all ? (
                    <td className="px-3 py-2">
                      <Link href={`/workspace/admin/users/${tk.userId}`} className="hover:underline">
                        {tk.userName} &lt;{tk.userEmail}&gt;
                      </Link>
                    </td>
                  ) : null}
                  <td className="px-3 py-2 font-mono text-xs">{tk.prefix}…</td>
                  <td className="px-3 py-2 tabular-nums">{formatDateTime(tk.createdAt)}</td>
                  <td className="px-3 py-2 tabular-nums">{tk.lastUsedAt ? formatDateTime(tk.lastUsedAt) : t("never")}</td>
                  <td className="px-3 py-2 tabular-nums">{tk.expiresAt ? formatDateTime(tk.expiresAt) : "—"}</td>
                  <td className="px-3 py-2">
                    {tk.revokedAt ? t("revokedAt", { at: formatDateTime(tk.revokedAt) }) : <RevokeTokenButton id={tk.id} name={tk.name} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
