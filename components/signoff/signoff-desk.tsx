// The signer's desk (签发工作台): notices, the issues awaiting 签发 (oldest
// request first), corrections to published issues awaiting it, and the latest signed ones. Cards, not a wide table: leaders
// sign on their phones.
import { DeskLink } from "@/components/workspace/desk-link";
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/permissions";
import { listSignoffDesk, type SignoffListItem } from "@/lib/issues/signoff";
import { listPendingCorrections, type PendingCorrectionItem } from "@/lib/issues/corrections";
import { listNotifications, unreadCount } from "@/lib/notifications/notifications";
import { formatDateTime } from "@/lib/format";
import { IssueStatusBadge } from "@/components/issues/issue-status-badge";

export async function SignoffDesk({ viewer }: { viewer: Viewer }) {
  const t = await getTranslations("signoff");
  const tw = await getTranslations("workspace");
  const [{ awaiting, recent }, pendingCorrections, notices, unread] = await Promise.all([listSignoffDesk(viewer), listPendingCorrections(viewer), listNotifications(viewer, 5), unreadCount(viewer)]);
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-2xl font-bold">{t("desk")}</h1>
      {notices.length > 0 && (
        <section aria-label={t("notices")} className="mb-5 rounded border border-stone-200 bg-white p-3">
          <h2 className="mb-1 text-sm font-semibold">
            {t("notices")}{" "}
            {unread > 0 && <span className="ml-1 rounded-full bg-red-600 px-2 py-0.5 text-xs text-white">{tw("unreadCount", { count: unread })}</span>}
          </h2>
          <ul className="space-y-1 text-sm">
            {notices.map((n) => (
              <li key={n.id} className={n.read ? "text-stone-500" : "font-medium"}>
                {n.issueId ? (
                  <DeskLink href={`/workspace/signoff/${n.issueId}`} className="hover:underline">
                    {n.message}
                  </DeskLink>
                ) : (
                  n.message
                )}
                <span className="ml-2 text-xs font-normal text-stone-400">{formatDateTime(n.createdAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2 className="mb-2 text-lg font-semibold">
        {t("awaiting")} <span className="text-stone-500">{awaiting.length}</span>
      </h2>
      {awaiting.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-4 text-sm text-stone-600">{t("noneAwaiting")}</p>
      ) : (
        <ul className="space-y-3" data-testid="signoff-awaiting-list">
          {awaiting.map((i) => (
            <IssueCard key={i.id} item={i} />
          ))}
        </ul>
      )}
      {pendingCorrections.length > 0 && (
        <>
          <h2 className="mt-8 mb-2 text-lg font-semibold">
            {t("correctionsAwaiting")} <span className="text-stone-500">{pendingCorrections.length}</span>
          </h2>
          <ul className="space-y-3" data-testid="signoff-corrections-list">
            {pendingCorrections.map((c) => (
              <CorrectionCard key={c.correctionId} item={c} />
            ))}
          </ul>
        </>
      )}
      <h2 className="mt-8 mb-2 text-lg font-semibold">{t("recent")}</h2>
      {recent.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-4 text-sm text-stone-600">{t("noneRecent")}</p>
      ) : (
        <ul className="space-y-2">
          {recent.map((i) => (
            <IssueCard key={i.id} item={i} />
          ))}
        </ul>
      )}
    </div>
  );
}

async function IssueCard({ item }: { item: SignoffListItem }) {
  const t = await getTranslations("signoff");
  const awaiting = item.status === "awaiting_signoff";
  return (
    <li className="rounded border border-stone-200 bg-white p-3">
      <DeskLink href={`/workspace/signoff/${item.id}`} className="block">
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-serif font-bold text-bulletin-red">{item.title}</span>
          <IssueStatusBadge status={item.status} />
          {awaiting && item.returnedBefore && <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900">{t("returnedBefore")}</span>}
        </span>
        <span className="mt-1 block text-sm text-stone-600">
          {t("articleCount", { count: item.articleCount })}
          {awaiting && item.requestedBy && item.requestedAt && <> · {t("requestedBy", { name: item.requestedBy, time: formatDateTime(item.requestedAt) })}</>}
          {!awaiting && item.signedBy && item.signedAt && <> · {t("signedByAt", { name: item.signedBy, time: formatDateTime(item.signedAt) })}</>}
        </span>
        {awaiting && <span className="mt-2 inline-block rounded bg-stone-900 px-3 py-1.5 text-sm text-white">{t("review")}</span>}
      </DeskLink>
    </li>
  );
}

async function CorrectionCard({ item }: { item: PendingCorrectionItem }) {
  const t = await getTranslations("signoff");
  return (
    <li className="rounded border border-amber-200 bg-white p-3">
      <DeskLink href={`/workspace/signoff/${item.issueId}`} className="block">
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-serif font-bold text-bulletin-red">{item.issueTitle}</span>
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{t("correction.badge")}</span>
        </span>
        <span className="mt-1 block text-sm">{item.articleTitle ? `《${item.articleTitle}》：${item.text}` : item.text}</span>
        {item.requestedBy && <span className="mt-1 block text-sm text-stone-600">{t("requestedBy", { name: item.requestedBy, time: formatDateTime(item.requestedAt) })}</span>}
        <span className="mt-2 inline-block rounded bg-stone-900 px-3 py-1.5 text-sm text-white">{t("reviewCorrection")}</span>
      </DeskLink>
    </li>
  );
}
