import { DeskLink } from "@/components/workspace/desk-link";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { listApiTokens } from "@/lib/auth/tokens";
import { formatDateTime } from "@/lib/format";
import { CreateTokenForm, RevokeTokenButton } from "@/components/admin/token-forms";
import { DataTable } from "@/components/ui/data-table";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("tokens");

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
          <DeskLink href="/workspace/tokens" aria-current={all ? undefined : "page"} className={all ? "text-stone-600 hover:underline" : "font-medium"}>
            {t("mine")}
          </DeskLink>
          <DeskLink href="/workspace/tokens?all=1" aria-current={all ? "page" : undefined} className={all ? "font-medium" : "text-stone-600 hover:underline"}>
            {t("everyone")}
          </DeskLink>
        </nav>
      ) : null}
      {!all ? <CreateTokenForm /> : null}
      <h2 className="mb-2 text-lg font-semibold">
        {all ? t("allHeading") : t("ownHeading")} <span className="text-sm font-normal text-stone-500">{t("counts", { total: tokens.length, active })}</span>
      </h2>
      {tokens.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-sm text-stone-600">{all ? t("emptyAll") : t("empty")}</p>
      ) : (
        <DataTable
          caption={all ? t("allHeading") : t("ownHeading")}
          rows={tokens}
          rowKey={(tk) => tk.id}
          rowClassName={(tk) => (tk.revokedAt ? "text-stone-400" : "")}
          columns={[
            {
              header: t("name"),
              cell: (tk) => (
                <>
                  {tk.name}
                  {tk.scope === "read" ? <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-800">{t("readOnly")}</span> : null}
                </>
              ),
            },
            all && {
              header: t("owner"),
              cell: (tk) => (
                <DeskLink href={`/workspace/admin/users/${tk.userId}`} className="hover:underline">
                  {tk.userName} &lt;{tk.userEmail}&gt;
                </DeskLink>
              ),
            },
            { header: t("prefix"), cell: (tk) => `${tk.prefix}…`, className: "font-mono text-xs" },
            { header: t("created"), cell: (tk) => formatDateTime(tk.createdAt), className: "tabular-nums" },
            { header: t("lastUsed"), cell: (tk) => (tk.lastUsedAt ? formatDateTime(tk.lastUsedAt) : t("never")), className: "tabular-nums" },
            { header: t("expires"), cell: (tk) => (tk.expiresAt ? formatDateTime(tk.expiresAt) : "—"), className: "tabular-nums" },
            {
              header: t("status"),
              cell: (tk) => (tk.revokedAt ? t("revokedAt", { at: formatDateTime(tk.revokedAt) }) : <RevokeTokenButton id={tk.id} name={tk.name} />),
            },
          ]}
        />
      )}
    </>
  );
}
