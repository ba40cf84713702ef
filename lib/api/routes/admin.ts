// Administration over HTTP: users, units, publications' settings, the audit
// log, statistics and scoring weights, API tokens, media, notifications, sign-in.
import { z } from "zod";
import { listAuditEntries, auditFilterSchema } from "@/lib/audit/audit-log";
import { exportAuditCsv } from "@/lib/audit/export";
import { authorize } from "@/lib/auth/permissions";
import { clientAddress, userAgentOf } from "@/lib/auth/client-address";
import { signInWithPassword } from "@/lib/auth/sign-in";
import {
  disableOwnTwoFactor,
  disableTwoFactor,
  enableTwoFactor,
  getSecurityPolicy,
  passwordChangeDue,
  reauthenticationSchema,
  regenerateRecoveryCodes,
  securityPolicyResponseSchema,
  securityPolicySchema,
  setSecurityPolicy,
  setupTwoFactor,
} from "@/lib/auth/two-factor";
import { endOwnSession, listOwnSessions } from "@/lib/auth/sessions";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { createApiToken, createTokenSchema, listApiTokens, revokeApiToken } from "@/lib/auth/tokens";
import { viewerFromUser } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { mustChangePassword } from "../handler";
import { maxMediaBytes, storeMedia } from "@/lib/media/media";
import { listNotifications, markNotificationsRead, unreadCount } from "@/lib/notifications/notifications";
import { createPublication, getPublicationForAdmin, publicationInputSchema, publicationUpdateSchema, updatePublication } from "@/lib/publications/publications";
import { attachmentHeader, statsToCsv, statsToXlsx } from "@/lib/stats/export";
import { getUnitStats } from "@/lib/stats/stats";
import { getNotice } from "@/lib/stats/notice";
import { commissionNow } from "@/lib/e2e/clock";
import { noticeDocx, noticeFileName } from "@/lib/render/notice-docx";
import { listWeightVersions, setWeights, setWeightsSchema } from "@/lib/stats/weights";
import { createUnit, listUnits, unitInputSchema, unitUpdateSchema, updateUnit } from "@/lib/units/units";
import { changePassword, createUserWithOneTimePassword, getManagedUser, listManagedUsers, newUserSchema, resetUserPassword, unlockUser, updateManagedUser, updateUserSchema, userFilterSchema } from "@/lib/users/manage";
import { defineRoute, idParam } from "../route";
import { isoDateTime, looseObject, okSchema } from "./schemas";

const SMALL = 16 * 1024;
const idParams = z.object({ id: idParam });
const slugParams = z.object({ slug: z.string().min(1).max(100) });
const FILTER_INVALID = { code: "invalid", message: "api.filterInvalid" } as const;

const statsQuerySchema = z.object({
  period: z.string().max(100).optional().describe("2024-03 | 2024-Q1 | 2024 | 2024-01-05..2024-02-10"),
  kind: z.string().max(20).optional(),
  month: z.string().max(20).optional(),
  quarter: z.string().max(20).optional(),
  year: z.string().max(20).optional(),
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  publication: z.string().max(100).optional(),
});
const userSchema = looseObject("A user: id, email, name, role, unit, active, mustChangePassword, locked, createdAt");

const userRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/users",
    summary: "Users, filtered, with counts by role and status",
    tag: "Users",
    access: "signed-in",
    permission: "read:user:any",
    query: userFilterSchema,
    queryInvalid: FILTER_INVALID,
    response: looseObject("{users, counts}"),
    errors: [403, 422],
    handler: ({ viewer, query }) => listManagedUsers(viewer, query),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/users",
    summary: "A new user with a one-time password (in this answer and nowhere else)",
    tag: "Users",
    access: "signed-in",
    permission: "manage:user:any",
    body: { schema: newUserSchema, maxBytes: SMALL },
    status: 201,
    response: z.object({ user: userSchema, password: z.string() }),
    errors: [403, 409, 422],
    handler: ({ viewer, body }) => createUserWithOneTimePassword(viewer, body),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/users/{id}",
    summary: "One user",
    tag: "Users",
    access: "signed-in",
    permission: "read:user:any",
    params: idParams,
    notFound: "user.notFound",
    response: userSchema,
    errors: [403, 404],
    handler: ({ viewer, params }) => getManagedUser(viewer, params.id),
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/users/{id}",
    summary: "Rename, change role or unit, (de)activate — `active: false` stops sessions and tokens at once",
    tag: "Users",
    access: "signed-in",
    permission: "manage:user:any",
    params: idParams,
    notFound: "user.notFound",
    body: { schema: updateUserSchema, maxBytes: SMALL },
    response: userSchema,
    errors: [403, 404, 409, 422],
    handler: ({ viewer, params, body }) => updateManagedUser(viewer, params.id, body),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/users/{id}/reset-password",
    summary: "A new one-time password, shown once; the user must change it at the next sign-in",
    tag: "Users",
    access: "signed-in",
    permission: "manage:user:any",
    params: idParams,
    notFound: "user.notFound",
    response: z.object({ password: z.string() }),
    errors: [403, 404],
    handler: ({ viewer, params }) => resetUserPassword(viewer, params.id),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/users/{id}/unlock",
    summary: "Lift the sign-in lock of an account that failed too often (429 `locked`)",
    tag: "Users",
    access: "signed-in",
    permission: "manage:security:any",
    params: idParams,
    notFound: "user.notFound",
    response: userSchema,
    errors: [403, 404],
    handler: ({ viewer, params }) => unlockUser(viewer, params.id),
  }),
];

const unitRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/units",
    summary: "Contributing units (供稿单位)",
    tag: "Units",
    access: "signed-in",
    permission: "manage:unit:any",
    response: z.object({ units: z.array(looseObject("A unit: id, name, shortName, active, counts")) }),
    errors: [403],
    handler: async ({ viewer }) => ({ units: await listUnits(viewer) }),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/units",
    summary: "A new unit",
    tag: "Units",
    access: "signed-in",
    permission: "manage:unit:any",
    body: { schema: unitInputSchema, maxBytes: 8 * 1024 },
    status: 201,
    response: looseObject("The unit as listed"),
    errors: [403, 409, 422],
    handler: async ({ viewer, body }) => {
      const { id } = await createUnit(viewer, body);
      return (await listUnits(viewer)).find((u) => u.id === id);
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/units/{id}",
    summary: "Rename or (de)activate a unit",
    tag: "Units",
    access: "signed-in",
    permission: "manage:unit:any",
    params: idParams,
    notFound: "unit.notFound",
    body: { schema: unitUpdateSchema, maxBytes: 8 * 1024 },
    response: looseObject("The unit"),
    errors: [403, 404, 409, 422],
    handler: ({ viewer, params, body }) => updateUnit(viewer, params.id, body),
  }),
];

const publicationRoutes = [
  defineRoute({
    method: "POST",
    path: "/api/v1/publications",
    summary: "A new publication (刊物) with its own numbering",
    tag: "Publications",
    access: "signed-in",
    permission: "manage:publication:any",
    body: { schema: publicationInputSchema, maxBytes: SMALL },
    status: 201,
    response: looseObject("The publication's settings"),
    errors: [403, 409, 422],
    handler: ({ viewer, body }) => createPublication(viewer, body),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/publications/{slug}",
    summary: "A publication's full settings (print footer included)",
    tag: "Publications",
    access: "signed-in",
    permission: "manage:publication:any",
    params: slugParams,
    notFound: "publication.notFound",
    response: looseObject("The publication's settings"),
    errors: [403, 404],
    handler: ({ viewer, params }) => getPublicationForAdmin(viewer, params.slug),
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/publications/{slug}",
    summary: "Change a publication's settings",
    tag: "Publications",
    access: "signed-in",
    permission: "manage:publication:any",
    params: slugParams,
    notFound: "publication.notFound",
    body: { schema: publicationUpdateSchema, maxBytes: SMALL },
    response: looseObject("The publication's settings"),
    errors: [403, 404, 409, 422],
    handler: ({ viewer, params, body }) => updatePublication(viewer, params.slug, body),
  }),
];

const statsRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/stats",
    summary: "Each unit's submissions, adoptions and score for a period",
    tag: "Statistics",
    access: "signed-in",
    permission: "read:stats:any",
    query: statsQuerySchema,
    response: looseObject("The report: period, weights, rows by unit, totals"),
    errors: [403, 422],
    handler: async ({ viewer, query, request }) => {
      const report = await getUnitStats(viewer, query, commissionNow(request.headers));
      return { ...report, period: { ...report.period, from: report.period.from.toISOString(), to: report.period.to.toISOString() } };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/stats/export",
    summary: "The report as CSV (UTF-8 with BOM) or .xlsx",
    tag: "Statistics",
    access: "signed-in",
    permission: "read:stats:any",
    query: statsQuerySchema.extend({ format: z.string().max(10).optional().describe("csv (default) or xlsx") }),
    response: { mediaType: "text/csv", description: "CSV, or .xlsx with format=xlsx" },
    errors: [403, 422],
    handler: async ({ viewer, query, request }) => {
      const format = query.format ?? "csv";
      if (format !== "csv" && format !== "xlsx") throw new AppError("invalid", "api.exportFormat", { format: ["api.csvOrXlsx"] });
      const report = await getUnitStats(viewer, query, commissionNow(request.headers));
      const key = report.period.key.replace("..", "_");
      const suffix = report.publication ? `-${report.publication.slug}` : "";
      const body = format === "csv" ? statsToCsv(report) : await statsToXlsx(report);
      return new Response(new Uint8Array(body), {
        headers: {
          "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "content-disposition": attachmentHeader(`stats-${key}${suffix}.${format}`, `信息采用统计-${key}${suffix}.${format}`),
          "cache-control": "private, no-store",
        },
      });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/stats/notice",
    summary: "The period's 信息工作通报 as a Word document (the ranking, its totals, the issuing body and date)",
    tag: "Statistics",
    access: "signed-in",
    permission: "read:stats:any",
    query: statsQuerySchema,
    response: { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", description: "The 通报 as .docx" },
    errors: [403, 422],
    handler: async ({ viewer, query, request }) => {
      const { notice } = await getNotice(viewer, query, commissionNow(request.headers));
      return new Response(new Uint8Array(await noticeDocx(notice)), {
        headers: {
          "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "content-disposition": attachmentHeader("notice.docx", noticeFileName(notice)),
          "cache-control": "private, no-store",
        },
      });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/stats/weights",
    summary: "The versions of the scoring weights",
    tag: "Statistics",
    access: "signed-in",
    permission: "read:stats:any",
    response: z.object({ versions: z.array(looseObject("A version: weights, effectiveFrom, by")) }),
    errors: [403],
    handler: async ({ viewer }) => ({ versions: await listWeightVersions(viewer) }),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/stats/weights",
    summary: "New scoring weights from a date: a new version, never an edit",
    tag: "Statistics",
    access: "signed-in",
    permission: "manage:scoring:any",
    body: { schema: setWeightsSchema, maxBytes: 8 * 1024 },
    status: 201,
    response: looseObject("The new version"),
    errors: [403, 422],
    handler: ({ viewer, body }) => setWeights(viewer, body),
  }),
];

const auditRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/audit",
    summary: "The audit log, newest first, filtered; read-only",
    tag: "Audit",
    access: "signed-in",
    permission: "read:audit:any",
    query: auditFilterSchema,
    queryInvalid: FILTER_INVALID,
    response: z.object({ entries: z.array(looseObject("An entry: who, when, action, target, details")), nextBefore: z.number().int().nullable() }),
    errors: [403, 422],
    handler: ({ viewer, query }) => listAuditEntries(viewer, query),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/audit/export",
    summary: "The filtered audit log as CSV (UTF-8 with BOM), oldest first, with the hash chain; the export is audited",
    tag: "Audit",
    access: "signed-in",
    permission: "export:audit:any",
    query: auditFilterSchema.omit({ before: true, limit: true }),
    queryInvalid: FILTER_INVALID,
    response: { mediaType: "text/csv", description: "CSV: id, time_utc, actor, action, target, ip, user_agent, details, chain_seq, prev_hash, hash" },
    errors: [403, 422],
    handler: async ({ viewer, query, request }) => {
      const { csv } = await exportAuditCsv(viewer, query, { ip: clientAddress(request.headers), userAgent: userAgentOf(request.headers) });
      const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // China date
      return new Response(new Uint8Array(csv), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": attachmentHeader(`audit-${day}.csv`, `审计日志-${day}.csv`),
          "cache-control": "private, no-store",
        },
      });
    },
  }),
];

const tokenRoutes = [
  defineRoute({
    method: "POST",
    path: "/api/v1/auth/token",
    summary: "An API token for an e-mail and password (rate-limited)",
    tag: "Auth",
    access: "public",
    body: {
      schema: z.object({
        email: z.string().max(254),
        password: z.string().max(200),
        otp: z.string().max(50).optional().describe("TOTP code or recovery code, when two-factor is on for the account"),
        name: z.string().trim().min(1).max(100).optional(),
      }),
      maxBytes: 8 * 1024,
    },
    response: z.object({ token: z.string() }),
    errors: [401, 403, 422, 429],
    handler: async ({ request, body }) => {
      const ip = clientAddress(request.headers);
      const user = await signInWithPassword({ email: body.email, password: body.password, otp: body.otp, ip, userAgent: userAgentOf(request.headers), channel: "api" });
      // A one-time password mints no token: whoever read it on its way must not keep the account. Nor does an expired one.
      if (passwordChangeDue(user, await getSecurityPolicy())) throw mustChangePassword();
      const { token } = await createApiToken(viewerFromUser(user), user.id, body.name ?? "API");
      return { token };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/auth/password",
    summary: "Change one's own password — the one call an account holding a one-time password may make",
    tag: "Auth",
    access: "signed-in",
    whilePasswordChangeRequired: true,
    whileEnrolmentRequired: true,
    body: { schema: z.object({ currentPassword: z.string().max(200), newPassword: z.string().max(200) }), maxBytes: 8 * 1024 },
    response: okSchema,
    errors: [409, 422],
    handler: ({ viewer, body }) => changePassword(viewer, body),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/tokens",
    summary: "One's own API tokens; `?all=1` everyone's (admins)",
    tag: "Auth",
    access: "signed-in",
    permission: "manage:token:own",
    query: z.object({ all: z.string().max(5).optional() }),
    response: z.object({ tokens: z.array(looseObject("A token: id, name, user, scope, createdAt, lastUsedAt, expiresAt, revokedAt")) }),
    errors: [403],
    handler: async ({ viewer, query }) => {
      const all = query.all === "1";
      if (all) authorize(viewer, "manage:token:any");
      return { tokens: await listApiTokens(viewer, { all }) };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/tokens",
    summary: "A new API token for oneself: shown once, only its hash is kept; `expiresInDays` (default 365), `scope` read|write",
    tag: "Auth",
    access: "signed-in",
    permission: "manage:token:own",
    body: { schema: createTokenSchema, maxBytes: 8 * 1024 },
    status: 201,
    response: z.object({ id: z.number().int(), name: z.string(), token: z.string(), expiresAt: isoDateTime, scope: z.enum(["read", "write"]) }),
    errors: [403, 422],
    handler: async ({ viewer, body }) => {
      if (viewer.kind !== "user") throw new AppError("forbidden", "common.forbidden");
      const { id, token, expiresAt, scope } = await createApiToken(viewer, viewer.id, body.name, { expiresInDays: body.expiresInDays, scope: body.scope });
      return { id, name: body.name, token, expiresAt, scope };
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/v1/tokens/{id}",
    summary: "Revoke a token (one's own; any for admins)",
    tag: "Auth",
    access: "signed-in",
    permission: "manage:token:own",
    params: idParams,
    notFound: "token.notFound",
    response: z.object({ id: z.number().int(), revokedAt: isoDateTime }),
    errors: [403, 404],
    handler: ({ viewer, params }) => revokeApiToken(viewer, params.id),
  }),
];

const twoFactorRoutes = [
  defineRoute({
    method: "POST",
    path: "/api/v1/auth/2fa/setup",
    summary: "Start two-factor enrolment: a new TOTP secret (RFC 6238, SHA-1, 6 digits, 30 s) for an authenticator app",
    tag: "Auth",
    access: "signed-in",
    whileEnrolmentRequired: true,
    response: z.object({ secret: z.string(), otpauthUrl: z.string() }),
    errors: [409],
    handler: ({ viewer }) => setupTwoFactor(viewer),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/auth/2fa/enable",
    summary: "Turn two-factor on with a current code; answers ten recovery codes, shown this once",
    tag: "Auth",
    access: "signed-in",
    whileEnrolmentRequired: true,
    body: { schema: z.object({ code: z.string().max(20) }), maxBytes: 1024 },
    response: z.object({ ok: z.literal(true), recoveryCodes: z.array(z.string()) }),
    errors: [409, 422],
    handler: ({ viewer, body }) => enableTwoFactor(viewer, body.code),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/auth/2fa/disable",
    summary: "Turn one's own two-factor off with the password and a current code (or a recovery code); 403 when the security policy requires it for one's role",
    tag: "Auth",
    access: "signed-in",
    body: { schema: reauthenticationSchema, maxBytes: 1024, invalidMessage: "twoFactor.reauthInvalid" },
    response: okSchema,
    errors: [403, 409, 422],
    handler: ({ viewer, body }) => disableOwnTwoFactor(viewer, body),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/auth/2fa/recovery-codes",
    summary: "Ten new recovery codes, shown this once, with the password and a current code; the old ones stop working",
    tag: "Auth",
    access: "signed-in",
    body: { schema: reauthenticationSchema, maxBytes: 1024, invalidMessage: "twoFactor.reauthInvalid" },
    response: z.object({ ok: z.literal(true), recoveryCodes: z.array(z.string()) }),
    errors: [409, 422],
    handler: ({ viewer, body }) => regenerateRecoveryCodes(viewer, body),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/v1/users/{id}/2fa",
    summary: "Turn a user's two-factor off (a lost phone); they enrol again",
    tag: "Users",
    access: "signed-in",
    permission: "manage:security:any",
    params: idParams,
    notFound: "user.notFound",
    response: okSchema,
    errors: [403, 404],
    handler: ({ viewer, params }) => disableTwoFactor(viewer, params.id),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/security/policy",
    summary: "The security policy: which roles must sign in with two-factor, how long a password lasts, and its version",
    tag: "Security",
    access: "signed-in",
    permission: "manage:security:any",
    response: securityPolicyResponseSchema,
    errors: [403],
    handler: () => getSecurityPolicy(),
  }),
  defineRoute({
    method: "PUT",
    path: "/api/v1/security/policy",
    summary: "Set the security policy (audited); with the `version` read, 409 when another administrator saved in between",
    tag: "Security",
    access: "signed-in",
    permission: "manage:security:any",
    body: { schema: securityPolicySchema, maxBytes: 4 * 1024, invalidMessage: "security.policyInvalid" },
    response: securityPolicyResponseSchema,
    errors: [403, 409, 422],
    handler: ({ viewer, body }) => setSecurityPolicy(viewer, body),
  }),
];

const deskRoutes = [
  defineRoute({
    method: "POST",
    path: "/api/v1/media",
    summary: "Upload an image (PNG, JPEG, GIF, WebP; checked by its bytes) for an article",
    tag: "Articles",
    access: "signed-in",
    permission: ["create:article:own-unit", "update:article:any"],
    body: { upload: true, maxBytes: maxMediaBytes, description: "An image in the multipart field `file`" },
    status: 201,
    response: z.object({ url: z.string(), mime: z.string(), size: z.number().int() }),
    errors: [403, 413, 422],
    handler: ({ viewer, upload }) => storeMedia(viewer, upload!.bytes),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/notifications",
    summary: "The viewer's notices (newest first) and the unread count",
    tag: "Notifications",
    access: "signed-in",
    response: z.object({ unread: z.number().int(), notifications: z.array(looseObject("A notice: type, message, article, createdAt, readAt")) }),
    handler: async ({ viewer }) => ({ unread: await unreadCount(viewer), notifications: await listNotifications(viewer) }),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/notifications",
    summary: "Mark notices read (all, or those of one article or one commission)",
    tag: "Notifications",
    access: "signed-in",
    body: { schema: z.object({ articleId: z.number().int().min(1).optional(), commissionId: z.number().int().min(1).optional() }).strict(), maxBytes: SMALL },
    response: okSchema,
    errors: [422],
    handler: async ({ viewer, body }) => {
      await markNotificationsRead(viewer, body.articleId, undefined, body.commissionId);
      return { ok: true as const };
    },
  }),
];

// 本人会话: one's own sign-in sessions, named by a handle (never the session id, which is the cookie's secret).
const sessionRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/auth/sessions",
    summary: "One's own live sign-in sessions, most recently used first; `current` marks the one this request came with",
    tag: "Auth",
    access: "signed-in",
    permission: "manage:session:own",
    response: z.object({
      sessions: z.array(
        z.object({
          id: z.string(),
          createdAt: isoDateTime,
          lastSeenAt: isoDateTime,
          ip: z.string().nullable(),
          userAgent: z.string().nullable(),
          device: z.string().nullable(),
          current: z.boolean(),
        }),
      ),
    }),
    errors: [403],
    handler: async ({ viewer }) => ({
      sessions: (await listOwnSessions(viewer)).map(({ handle, createdAt, lastSeenAt, userAgent, ...rest }) => ({
        id: handle,
        createdAt: createdAt.toISOString(),
        lastSeenAt: lastSeenAt.toISOString(),
        userAgent,
        device: describeUserAgent(userAgent),
        ...rest,
      })),
    }),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/v1/auth/sessions/{id}",
    summary: "Sign out another of one's own sessions: its cookie is refused from the next request on (409 for the session of this request)",
    tag: "Auth",
    access: "signed-in",
    permission: "manage:session:own",
    params: z.object({ id: z.string().regex(/^[\w-]{1,64}$/) }),
    notFound: "session.notFound",
    response: okSchema,
    errors: [403, 404, 409],
    handler: ({ viewer, params, request }) => endOwnSession(viewer, params.id, { ip: clientAddress(request.headers) }),
  }),
];

export const adminRoutes = [...userRoutes, ...unitRoutes, ...publicationRoutes, ...statsRoutes, ...auditRoutes, ...tokenRoutes, ...twoFactorRoutes, ...sessionRoutes, ...deskRoutes];
