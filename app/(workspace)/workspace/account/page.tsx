import { DeskLink } from "@/components/workspace/desk-link";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { listOwnSessions, sessionLimits } from "@/lib/auth/sessions";
import { getSecurityPolicy, mayDisableOwnTwoFactor } from "@/lib/auth/two-factor";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { findUserById } from "@/lib/users/users";
import { formatDateTime } from "@/lib/format";
import { secondaryButtonClass } from "@/components/ui/styles";
import { DisableTwoFactorForm, EndOtherSessionsButton, EndSessionButton, RecoveryCodesForm } from "@/components/auth/account-security";

export async function generateMetadata() {
  const t = await getTranslations("accountSecurity");
  return { title: t("title") };
}

/** 账户安全: the signed-in user's password, second factor and sessions (本人会话) — their own only. */
export default async function AccountPage() {
  const viewer = await requireSignedIn("/workspace/account");
  const [t, sessions, user, policy] = await Promise.all([getTranslations("accountSecurity"), listOwnSessions(viewer), findUserById(viewer.id), getSecurityPolicy()]);
  const { idleMinutes, maxHours } = sessionLimits();
  return (
    <div className="max-w-4xl space-y-8">
      <div>
        <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-stone-600">{t("intro", { email: viewer.email })}</p>
      </div>

      <section aria-labelledby="password-heading" className="space-y-2">
        <h2 id="password-heading" className="text-lg font-semibold">
          {t("password")}
        </h2>
        <DeskLink href="/change-password" className={`inline-block ${secondaryButtonClass}`}>
          {t("changePassword")}
        </DeskLink>
      </section>

      <section aria-labelledby="two-factor-heading" className="space-y-3">
        <h2 id="two-factor-heading" className="text-lg font-semibold">
          {t("twoFactor")}
        </h2>
        {user?.totpEnabledAt ? (
          <>
            <p className="text-sm" data-testid="two-factor-state">
              {t("twoFactorOn", { since: formatDateTime(user.totpEnabledAt), count: user.recoveryCodeHashes?.length ?? 0 })}
            </p>
            {mayDisableOwnTwoFactor(user, policy) ? <DisableTwoFactorForm /> : <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("requiredByPolicy")}</p>}
            <RecoveryCodesForm />
          </>
        ) : (
          <>
            <p className="text-sm" data-testid="two-factor-state">
              {t("twoFactorOff")}
            </p>
            <DeskLink href="/two-factor" className={`inline-block ${secondaryButtonClass}`}>
              {t("enableTwoFactor")}
            </DeskLink>
          </>
        )}
      </section>

      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          {t("sessions")}
        </h2>
        <p className="text-sm text-stone-600">{t("sessionsIntro", { idle: idleMinutes, max: maxHours })}</p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">{t("sessions")}</caption>
            <thead>
              <tr className="border-b border-stone-200 text-left text-stone-500">
                <th className="px-3 py-2 font-medium">{t("device")}</th>
                <th className="px-3 py-2 font-medium">{t("address")}</th>
                <th className="px-3 py-2 font-medium">{t("started")}</th>
                <th className="px-3 py-2 font-medium">{t("lastActive")}</th>
                <th className="px-3 py-2 font-medium">
                  <span className="sr-only">{t("endSession")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => {
                const device = describeUserAgent(s.userAgent) ?? t("unknownDevice");
                const address = s.ip ?? "—";
                return (
                  <tr key={s.handle} className="border-b border-stone-100" data-testid="session-row">
                    <td className="px-3 py-2" title={s.userAgent ?? undefined}>
                      {device}
                      {s.current ? <span className="ml-2 rounded bg-green-100 whitespace-nowrap px-1.5 py-0.5 text-xs text-green-800">{t("thisDevice")}</span> : null}
                    </td>
                    <td className="px-3 py-2 font-mono text-xs">{address}</td>
                    <td className="px-3 py-2 tabular-nums">{formatDateTime(s.createdAt)}</td>
                    <td className="px-3 py-2 tabular-nums">{formatDateTime(s.lastSeenAt)}</td>
                    <td className="px-3 py-2 text-right">{s.current ? null : <EndSessionButton handle={s.handle} label={t("endSessionNamed", { device, address })} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <EndOtherSessionsButton others={sessions.filter((s) => !s.current).length} />
      </section>
    </div>
  );
}
