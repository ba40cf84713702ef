// The permission matrix (issue #9): for every route the app serves — API route
// handlers, pages, server actions — the answer each kind of visitor must get.
// `e2e/permission-matrix.spec.ts` discovers the routes from the file system and
// fails when a route has no entry here, or an entry names a route that is gone.
//
// The statuses come from DESIGN.md (401 signed out, 403 not allowed, 404 not
// found or not visible, 410 withdrawn) and the table in lib/auth/permissions.ts,
// not from watching the app.
//
// Rule for writes: a probe's body always passes the route handler's own parsing
// (JSON object, or the content type it expects), so for refused visitors the
// permission check decides. For permitted visitors the same body is refused by a
// later check in the service — validation (422/400) or state (409: a stale
// `version`, a transition from the wrong status) — so nothing changes; the
// services check in the order authorize → parse → load → state. The few probes
// that do write touch only throwaway resources (a spare token, a throwaway
// user's password, the visitor's own notices).

export const ACTORS = ["signedOut", "contributorA", "contributorB", "editor", "admin", "signer", "sysadmin", "secadmin", "auditadmin"] as const;
export type Actor = (typeof ACTORS)[number];

/** An HTTP status, or "login": a redirect (307) to /login. */
export type Expected = number | "login";

export interface Probe {
  /** The route's URL with its [params] filled by fixture names in braces, e.g. `/api/v1/articles/{articleA}`. */
  url: string;
  /** A JSON body for a write. */
  body?: unknown;
  expect: Record<Actor, Expected>;
}

/**
 * Fixtures the spec creates before the probes (contributor A and B write for
 * two units of their own, never the demo units):
 * - articleA: A's draft (a title, an empty body) · demoArticle: an article of the demo issue sdtp 2017/88
 * - slug: a publication of the test's own · draftIssue / publishedIssue / withdrawnIssue: its issues (ids)
 * - draftNumber, publishedNumber, withdrawnNumber: their numbers in the year 2000
 * - spareTokenA: an API token of A's that nothing else uses · media: the hash of an image A uploaded
 * - user: a throwaway editor account · unitA: A's unit
 * - commission: a 约稿 addressed to A's unit only (B's unit was not addressed: it does not exist for B)
 * The signer (签发人) reads issues being assembled and decides sign-offs; they write no article or layout.
 */
export type Fixture =
  | "articleA"
  | "demoArticle"
  | "slug"
  | "draftIssue"
  | "publishedIssue"
  | "withdrawnIssue"
  | "draftNumber"
  | "publishedNumber"
  | "withdrawnNumber"
  | "spareTokenA"
  | "media"
  | "user"
  | "unitA"
  | "commission";

/** The 三权分立 administrators (issue 21): system (users, units, publications), security (policy, locks, tokens), audit (the log). */
type Duty = "sysadmin" | "secadmin" | "auditadmin";

/**
 * signed out, contributor A (owns the object), contributor B (another unit),
 * editor, admin, signer (签发人); then the three administrators of 三权分立,
 * who by default get what a signed-in visitor with no permission gets: the
 * same as everyone when all agree, else 403 from the API and 404 from a page.
 * Their permissions are the same with and without strict mode (only `admin`
 * changes, lib/auth/permissions.test.ts).
 */
function row(signedOut: Expected, contributorA: Expected, contributorB: Expected, editor: Expected, admin: Expected, signer: Expected, duties: Partial<Record<Duty, Expected>> = {}): Record<Actor, Expected> {
  const all = [signedOut, contributorA, contributorB, editor, admin, signer];
  const none: Expected = all.every((v) => v === signedOut) ? signedOut : signedOut === "login" ? 404 : 403;
  return { signedOut, contributorA, contributorB, editor, admin, signer, sysadmin: none, secadmin: none, auditadmin: none, ...duties };
}
const everyone = (status: Expected) => row(status, status, status, status, status, status);
const allDuties = (status: Expected) => ({ sysadmin: status, secadmin: status, auditadmin: status });

// Recurring rows, named after the permission that decides them.
/** Anyone signed in; signers write no articles and read none outside an issue (403 where articles are written or listed). */
const signedIn = (status: number, signer: number = status) => row(401, status, status, status, status, signer, allDuties(signer));
const editors = (status: number) => row(401, 403, 403, status, status, 403); // manage:issue:any, publish:issue:any, review:article:any, read:stats:any
const issueReaders = (status: number) => row(401, 403, 403, status, status, status); // read:issue:any: editors and signers
const signers = (status: number) => row(401, 403, 403, 403, status, status); // signoff:issue:any: signers and admins
/** manage:user|unit|publication:any: admin and the system administrator. */
const sysAdmins = (status: number) => row(401, 403, 403, 403, status, 403, { sysadmin: status });
/** read:user:any: the account list, for the system and the security administrator. */
const userReaders = (status: number) => row(401, 403, 403, 403, status, 403, { sysadmin: status, secadmin: status });
/** manage:security:any, manage:token:any: admin and the security administrator. */
const secAdmins = (status: number) => row(401, 403, 403, 403, status, 403, { secadmin: status });
/** read:audit:any, export:audit:any: admin and the audit administrator. */
const auditors = (status: number) => row(401, 403, 403, 403, status, 403, { auditadmin: status });
/** A's own article: B does not see it (404, not 403); editors may read any article; signers none (403). */
const ownArticle = (a: number, editor: number) => row(401, a, 404, editor, editor, 403);
/** Workspace pages: signed out → sign in; not allowed → not found (pages do not reveal what they hold). */
const page = (contributor: number, editor: number, admin: number, signer: number, duties: Partial<Record<Duty, Expected>> = {}) =>
  row("login", contributor, contributor, editor, admin, signer, [contributor, editor, admin].every((v) => v === signer) ? { ...allDuties(signer), ...duties } : duties);

// The demo issue (read only: other tests rely on it) and the test's own issues.
const DEMO = "sdtp/2017/88";
const DRAFT = "{slug}/2000/{draftNumber}";
const WITHDRAWN = "{slug}/2000/{withdrawnNumber}";

export const MATRIX: Record<string, Probe[]> = {
  // —— Articles ——
  "GET /api/v1/articles": [{ url: "/api/v1/articles", expect: signedIn(200, 403) }],
  // Editors may write on behalf of a unit (update:article:any), contributors for their own; an invalid title → 422. Signers write none: 403 before the body.
  "POST /api/v1/articles": [{ url: "/api/v1/articles", body: { title: 1 }, expect: signedIn(422, 403) }],
  "GET /api/v1/articles/[id]": [{ url: "/api/v1/articles/{articleA}", expect: ownArticle(200, 200) }],
  // A stale version: 409 for A; editors may not edit a draft (EDITABLE.editor) → 403.
  "PATCH /api/v1/articles/[id]": [{ url: "/api/v1/articles/{articleA}", body: { title: "改", version: 999 }, expect: row(401, 409, 404, 403, 403, 403) }],
  // Submitting an empty body → 422 for A; submit and withdraw are update:article:own-unit (editors: 403).
  "POST /api/v1/articles/[id]/submit": [{ url: "/api/v1/articles/{articleA}/submit", expect: row(401, 422, 404, 403, 403, 403) }],
  "POST /api/v1/articles/[id]/withdraw": [{ url: "/api/v1/articles/{articleA}/withdraw", expect: row(401, 409, 404, 403, 403, 403) }],
  // Decisions are review:article:any: contributors 403 whatever the article; on a draft an editor gets 409, or 422 without the required comment.
  "POST /api/v1/articles/[id]/accept": [
    { url: "/api/v1/articles/{articleA}/accept", expect: editors(409) },
    // Who is asking is checked before the body: a bad body is 401 signed out, 403 for contributors, 422 for editors.
    { url: "/api/v1/articles/{articleA}/accept", body: { unknownField: 1 }, expect: editors(422) },
  ],
  "POST /api/v1/articles/[id]/return": [{ url: "/api/v1/articles/{articleA}/return", expect: editors(422) }],
  "POST /api/v1/articles/[id]/reject": [{ url: "/api/v1/articles/{articleA}/reject", expect: editors(422) }],
  "POST /api/v1/articles/[id]/reopen": [{ url: "/api/v1/articles/{articleA}/reopen", expect: editors(409) }],
  "POST /api/v1/articles/[id]/unaccept": [{ url: "/api/v1/articles/{articleA}/unaccept", expect: editors(409) }],
  "GET /api/v1/articles/[id]/revisions": [{ url: "/api/v1/articles/{articleA}/revisions", expect: ownArticle(200, 200) }],
  "GET /api/v1/articles/[id]/diff": [{ url: "/api/v1/articles/{articleA}/diff", expect: ownArticle(200, 200) }],
  // Restoring is a save: a stale version → 409 for A, a draft is not the editors' to edit → 403.
  "POST /api/v1/articles/[id]/restore": [{ url: "/api/v1/articles/{articleA}/restore", body: { revision: 1, version: 999 }, expect: row(401, 409, 404, 403, 403, 403) }],
  // Uploads: who may write is checked before the body is read; a JSON body is not multipart → 400.
  "POST /api/v1/articles/import": [{ url: "/api/v1/articles/import", body: {}, expect: signedIn(400, 403) }],
  "POST /api/v1/media": [{ url: "/api/v1/media", body: {}, expect: signedIn(400, 403) }],

  // —— 约稿 (commissions): editors write them and see all; a contributor sees those addressed to their unit ——
  // manage:commission:any or read:commission:own-unit; signers and the administrators of 三权分立 hold neither.
  "GET /api/v1/commissions": [{ url: "/api/v1/commissions", expect: row(401, 200, 200, 200, 200, 403) }],
  // manage:commission:any; an empty body → 422 (nothing is written).
  "POST /api/v1/commissions": [{ url: "/api/v1/commissions", body: {}, expect: editors(422) }],
  // Addressed to A's unit: B's contributor gets 404, as for a commission that does not exist.
  "GET /api/v1/commissions/[id]": [
    { url: "/api/v1/commissions/{commission}", expect: row(401, 200, 404, 200, 200, 403) },
    { url: "/api/v1/commissions/999999999", expect: row(401, 404, 404, 404, 404, 403) },
  ],
  // Changing and cancelling are manage:commission:any: contributors (the addressed unit's too) 403 before anything is looked up;
  // a stale version → 409 and nothing written; an unknown commission → 404; a body that does not fit → 422.
  "PATCH /api/v1/commissions/[id]": [
    { url: "/api/v1/commissions/{commission}", body: { version: 999, title: "改" }, expect: editors(409) },
    { url: "/api/v1/commissions/999999999", body: { version: 1, title: "改" }, expect: editors(404) },
    { url: "/api/v1/commissions/{commission}", body: { version: 1, surprise: 1 }, expect: editors(422) },
  ],
  "POST /api/v1/commissions/[id]/cancel": [
    { url: "/api/v1/commissions/{commission}/cancel", body: { version: 999, reason: "撤销" }, expect: editors(409) },
    { url: "/api/v1/commissions/999999999/cancel", body: { version: 1, reason: "撤销" }, expect: editors(404) },
    { url: "/api/v1/commissions/{commission}/cancel", body: {}, expect: editors(422) },
  ],

  // —— Issues (editors' desk; signers read them) ——
  "GET /api/v1/issues": [{ url: "/api/v1/issues", expect: issueReaders(200) }],
  "POST /api/v1/issues": [{ url: "/api/v1/issues", body: {}, expect: editors(422) }],
  "GET /api/v1/issues/next-numbers": [{ url: "/api/v1/issues/next-numbers?publication={slug}&year=2000", expect: editors(200) }],
  "GET /api/v1/issues/[id]": [
    { url: "/api/v1/issues/{draftIssue}", expect: issueReaders(200) },
    { url: "/api/v1/issues/{publishedIssue}", expect: issueReaders(200) },
  ],
  "PATCH /api/v1/issues/[id]": [{ url: "/api/v1/issues/{draftIssue}", body: {}, expect: editors(422) }],
  "PUT /api/v1/issues/[id]/layout": [{ url: "/api/v1/issues/{draftIssue}/layout", body: {}, expect: editors(422) }],
  "GET /api/v1/issues/[id]/checks": [{ url: "/api/v1/issues/{draftIssue}/checks", expect: issueReaders(200) }],
  "GET /api/v1/issues/[id]/preview": [{ url: "/api/v1/issues/{draftIssue}/preview", expect: issueReaders(200) }],
  // The publication requires 签发: an unsigned issue → 409 not_signed, before the checks.
  "POST /api/v1/issues/[id]/publish": [{ url: "/api/v1/issues/{draftIssue}/publish", expect: editors(409) }],
  "POST /api/v1/issues/[id]/schedule": [{ url: "/api/v1/issues/{draftIssue}/schedule", body: {}, expect: editors(422) }],
  "POST /api/v1/issues/[id]/unschedule": [{ url: "/api/v1/issues/{draftIssue}/unschedule", expect: editors(409) }],
  "POST /api/v1/issues/[id]/withdraw": [{ url: "/api/v1/issues/{publishedIssue}/withdraw", body: {}, expect: editors(422) }],
  "POST /api/v1/issues/[id]/restore": [{ url: "/api/v1/issues/{publishedIssue}/restore", expect: editors(409) }],
  "POST /api/v1/issues/[id]/corrections": [{ url: "/api/v1/issues/{publishedIssue}/corrections", body: {}, expect: editors(422) }],
  "GET /api/v1/issues/[id]/corrections": [{ url: "/api/v1/issues/{publishedIssue}/corrections", expect: issueReaders(200) }],
  // 签发 of a correction (signoff:issue:any): a return without its comment → 422; approving a correction that does not exist → 404.
  "POST /api/v1/issues/[id]/corrections/[correctionId]/signoff": [
    { url: "/api/v1/issues/{publishedIssue}/corrections/999999999/signoff", body: { decision: "return" }, expect: signers(422) },
    { url: "/api/v1/issues/{publishedIssue}/corrections/999999999/signoff", body: { decision: "approve" }, expect: signers(404) },
  ],
  // 签发: an empty issue fails the checks → 422 (request-signoff:issue:any: editors, admins).
  "POST /api/v1/issues/[id]/request-signoff": [{ url: "/api/v1/issues/{draftIssue}/request-signoff", expect: editors(422) }],
  // signoff:issue:any: a return without its comment → 422; approving a draft (not awaiting) → 409. Editors and contributors 403 whatever they send.
  "POST /api/v1/issues/[id]/signoff": [
    { url: "/api/v1/issues/{draftIssue}/signoff", body: { decision: "return" }, expect: signers(422) },
    { url: "/api/v1/issues/{draftIssue}/signoff", body: { decision: "approve" }, expect: signers(409) },
  ],
  "GET /api/v1/issues/[id]/signoff": [{ url: "/api/v1/issues/{draftIssue}/signoff", expect: issueReaders(200) }],

  // —— 批示 (record:instruction:any: editors, signers, admins) with 落实反馈 (answer:instruction:own-unit: contributors), 上级采用 (record:adoption:any) ——
  // An empty body → 422 for those allowed; a valid one on A's draft → 409 (only published articles), so nothing is written.
  "POST /api/v1/articles/[id]/instructions": [
    { url: "/api/v1/articles/{demoArticle}/instructions", body: {}, expect: row(401, 403, 403, 422, 422, 422) },
    { url: "/api/v1/articles/{articleA}/instructions", body: { leader: "矩阵", level: "county", date: "2000-01-01", text: "矩阵" }, expect: row(401, 403, 403, 409, 409, 409) },
  ],
  "POST /api/v1/articles/[id]/adoptions": [
    { url: "/api/v1/articles/{demoArticle}/adoptions", body: {}, expect: editors(422) },
    { url: "/api/v1/articles/{articleA}/adoptions", body: { by: "矩阵办公厅", level: "provincial", date: "2000-01-01" }, expect: editors(409) },
  ],
  // The 批示台账: everyone who may read instructions (a contributor: their unit's).
  "GET /api/v1/instructions": [{ url: "/api/v1/instructions", expect: row(401, 200, 200, 200, 200, 200) }],
  // Feedback is the article's unit's alone: editors, signers and admins 403; an instruction a contributor cannot see (or that is not there) → 404; an empty body → 422.
  "POST /api/v1/instructions/[id]/feedback": [
    { url: "/api/v1/instructions/999999999/feedback", body: { text: "矩阵" }, expect: row(401, 404, 404, 403, 403, 403) },
    { url: "/api/v1/instructions/999999999/feedback", body: {}, expect: row(401, 422, 422, 403, 403, 403) },
  ],
  // Uploads of scans and attachments: who may record or answer is checked before the body; a JSON body is not multipart → 400.
  "POST /api/v1/instruction-files": [{ url: "/api/v1/instruction-files", body: {}, expect: row(401, 400, 400, 400, 400, 400) }],
  // Never public: a file that is not there (or not theirs to see) → 404 for those who read instructions.
  "GET /api/v1/instruction-files/[id]": [{ url: "/api/v1/instruction-files/999999999", expect: row(401, 404, 404, 404, 404, 404) }],

  // —— Public API: published only; unpublished 404, withdrawn 410, for everyone ——
  "GET /api/v1/publications": [{ url: "/api/v1/publications", expect: everyone(200) }],
  "GET /api/v1/publications/[slug]/issues": [
    { url: "/api/v1/publications/sdtp/issues", expect: everyone(200) },
    { url: "/api/v1/publications/no-such-publication/issues", expect: everyone(404) },
  ],
  "GET /api/v1/publications/[slug]/issues/[year]/[number]": [
    { url: "/api/v1/publications/sdtp/issues/2017/88", expect: everyone(200) },
    { url: "/api/v1/publications/{slug}/issues/2000/{draftNumber}", expect: everyone(404) },
    { url: "/api/v1/publications/{slug}/issues/2000/{withdrawnNumber}", expect: everyone(410) },
  ],
  "GET /api/v1/search": [
    { url: "/api/v1/search?q=插花贫困户", expect: everyone(200) },
    { url: "/api/v1/search", expect: everyone(400) },
  ],
  // The OpenAPI document of the routes above: public.
  "GET /api/v1/openapi.json": [{ url: "/api/v1/openapi.json", expect: everyone(200) }],
  // Any other path under /api/v1: 404 with the JSON error shape, whoever asks and however.
  "GET /api/v1/[...path]": [{ url: "/api/v1/no-such-route/1", expect: everyone(404) }],
  "POST /api/v1/[...path]": [{ url: "/api/v1/no-such-route", body: {}, expect: everyone(404) }],
  "PUT /api/v1/[...path]": [{ url: "/api/v1/articles/1/no-such-action", body: {}, expect: everyone(404) }],
  "PATCH /api/v1/[...path]": [{ url: "/api/v1/no-such-route", body: {}, expect: everyone(404) }],
  "DELETE /api/v1/[...path]": [{ url: "/api/v1/no-such-route", expect: everyone(404) }],
    // Anyone may ask for a token; a body without email and password → 422 (no sign-in attempt is counted).
  "POST /api/v1/auth/token": [{ url: "/api/v1/auth/token", body: {}, expect: everyone(422) }],
  // Anyone signed in may change their own password; an empty body → 422 (nothing changes).
  "POST /api/v1/auth/password": [{ url: "/api/v1/auth/password", body: {}, expect: signedIn(422) }],
  // Writes a pending secret only: two-factor stays off until /enable gets a valid code.
  "POST /api/v1/auth/2fa/setup": [{ url: "/api/v1/auth/2fa/setup", expect: signedIn(200) }],
  "POST /api/v1/auth/2fa/enable": [{ url: "/api/v1/auth/2fa/enable", body: {}, expect: signedIn(422) }],
  // One's own two-factor off, new recovery codes: an empty body → 422 (nothing changes).
  "POST /api/v1/auth/2fa/disable": [{ url: "/api/v1/auth/2fa/disable", body: {}, expect: signedIn(422) }],
  "POST /api/v1/auth/2fa/recovery-codes": [{ url: "/api/v1/auth/2fa/recovery-codes", body: {}, expect: signedIn(422) }],
  // One's own sessions (manage:session:own): listed; a handle that is none of one's own → 404.
  "GET /api/v1/auth/sessions": [{ url: "/api/v1/auth/sessions", expect: signedIn(200) }],
  "DELETE /api/v1/auth/sessions/[id]": [{ url: "/api/v1/auth/sessions/no-such-session", expect: signedIn(404) }],
  // Security administration (manage:security:any): the throwaway user's two-factor (off already), the policy.
  "DELETE /api/v1/users/[id]/2fa": [{ url: "/api/v1/users/{user}/2fa", expect: secAdmins(200) }],
  "GET /api/v1/security/policy": [{ url: "/api/v1/security/policy", expect: secAdmins(200) }],
  "PUT /api/v1/security/policy": [{ url: "/api/v1/security/policy", body: {}, expect: secAdmins(422) }],

  // —— Administration ——
  "POST /api/v1/publications": [{ url: "/api/v1/publications", body: {}, expect: sysAdmins(422) }],
  "GET /api/v1/publications/[slug]": [{ url: "/api/v1/publications/{slug}", expect: sysAdmins(200) }],
  "PATCH /api/v1/publications/[slug]": [{ url: "/api/v1/publications/{slug}", body: { unknownField: 1 }, expect: sysAdmins(422) }],
  "GET /api/v1/users": [{ url: "/api/v1/users", expect: userReaders(200) }],
  "POST /api/v1/users": [{ url: "/api/v1/users", body: {}, expect: sysAdmins(422) }],
  "GET /api/v1/users/[id]": [{ url: "/api/v1/users/{user}", expect: userReaders(200) }],
  "PATCH /api/v1/users/[id]": [{ url: "/api/v1/users/{user}", body: { unknownField: 1 }, expect: sysAdmins(422) }],
  // Writes: a new one-time password for the throwaway user.
  "POST /api/v1/users/[id]/reset-password": [{ url: "/api/v1/users/{user}/reset-password", expect: sysAdmins(200) }],
  // Writes: lifts a lock the throwaway user does not have (no change but the audit row).
  "POST /api/v1/users/[id]/unlock": [{ url: "/api/v1/users/{user}/unlock", expect: secAdmins(200) }],
  "GET /api/v1/units": [{ url: "/api/v1/units", expect: sysAdmins(200) }],
  "POST /api/v1/units": [{ url: "/api/v1/units", body: {}, expect: sysAdmins(422) }],
  "PATCH /api/v1/units/[id]": [{ url: "/api/v1/units/{unitA}", body: { unknownField: 1 }, expect: sysAdmins(422) }],
  "GET /api/v1/audit": [{ url: "/api/v1/audit", expect: auditors(200) }],
  "GET /api/v1/audit/export": [{ url: "/api/v1/audit/export?from=2017-08-01", expect: auditors(200) }],

  // —— Statistics ——
  "GET /api/v1/stats": [{ url: "/api/v1/stats?period=2017-08", expect: editors(200) }],
  "GET /api/v1/stats/export": [{ url: "/api/v1/stats/export?period=2017-08", expect: editors(200) }],
  "GET /api/v1/stats/notice": [{ url: "/api/v1/stats/notice?period=2017-08", expect: editors(200) }],
  "GET /api/v1/stats/weights": [{ url: "/api/v1/stats/weights", expect: editors(200) }],
  "POST /api/v1/stats/weights": [{ url: "/api/v1/stats/weights", body: {}, expect: editors(422) }],

  // —— Tokens and notices: one's own ——
  "GET /api/v1/tokens": [
    { url: "/api/v1/tokens", expect: signedIn(200) },
    { url: "/api/v1/tokens?all=1", expect: secAdmins(200) },
  ],
  "POST /api/v1/tokens": [{ url: "/api/v1/tokens", body: {}, expect: signedIn(422) }],
  // A's spare token: A revokes it (and again: still 200), admins may revoke any; for everyone else it does not exist.
  "DELETE /api/v1/tokens/[id]": [{ url: "/api/v1/tokens/{spareTokenA}", expect: row(401, 200, 404, 404, 200, 404, { sysadmin: 404, secadmin: 200, auditadmin: 404 }) }],
  "GET /api/v1/notifications": [{ url: "/api/v1/notifications", expect: signedIn(200) }],
  // Marks the visitor's own notices read.
  "POST /api/v1/notifications": [{ url: "/api/v1/notifications", body: {}, expect: signedIn(200) }],

  // —— Outside /api/v1 ——
  // next-auth's own endpoints: public; a POST without its CSRF token is sent back (302), signing no one out.
  "GET /api/auth/[...nextauth]": [{ url: "/api/auth/session", expect: everyone(200) }],
  "POST /api/auth/[...nextauth]": [{ url: "/api/auth/signout", body: {}, expect: everyone(302) }],
  // The end-to-end hook exists only with its secret header, whoever asks.
  "POST /api/test/users": [{ url: "/api/test/users", body: { role: "admin" }, expect: everyone(404) }],
  // Uploaded images are public (they appear in published issues), named by their hash.
  "GET /media/[sha]": [
    { url: "/media/{media}", expect: everyone(200) },
    { url: "/media/0000000000000000000000000000000000000000000000000000000000000000", expect: everyone(404) },
  ],
  "GET /withdrawn-notice/[slug]/[year]/[number]": [
    { url: `/withdrawn-notice/${WITHDRAWN}`, expect: everyone(410) },
    { url: `/withdrawn-notice/${DEMO}`, expect: everyone(404) },
    { url: `/withdrawn-notice/${DRAFT}`, expect: everyone(404) },
  ],
  "GET /p/[slug]/feed.xml": [
    { url: "/p/sdtp/feed.xml", expect: everyone(200) },
    { url: "/p/no-such-publication/feed.xml", expect: everyone(404) },
  ],
  "GET /p/[slug]/[year]/[number]/issue.docx": [
    { url: `/p/${DEMO}/issue.docx`, expect: everyone(200) },
    { url: `/p/${DRAFT}/issue.docx`, expect: everyone(404) },
    { url: `/p/${WITHDRAWN}/issue.docx`, expect: everyone(410) },
  ],

  // —— Reader pages: readers only ever see published snapshots, signed in or not ——
  "PAGE /": [{ url: "/", expect: everyone(200) }],
  "PAGE /search": [{ url: "/search?q=插花贫困户", expect: everyone(200) }],
  "PAGE /app": [{ url: "/app", expect: everyone(200) }],
  "GET /api/v1/latest-issues": [{ url: "/api/v1/latest-issues", expect: everyone(200) }],
  "PAGE /offline": [{ url: "/offline", expect: everyone(200) }],
  // The reader's language link: sets the cookie and goes back (303); a language we do not have is not found.
  "GET /lang/[locale]": [
    { url: "/lang/en", expect: everyone(303) },
    { url: "/lang/zh-CN", expect: everyone(303) },
    { url: "/lang/fr", expect: everyone(404) },
  ],
  "PAGE /p/[slug]": [
    { url: "/p/sdtp", expect: everyone(200) },
    { url: "/p/no-such-publication", expect: everyone(404) },
  ],
  "PAGE /p/[slug]/[year]/[number]": [
    { url: `/p/${DEMO}`, expect: everyone(200) },
    { url: `/p/${DRAFT}`, expect: everyone(404) },
    { url: `/p/${WITHDRAWN}`, expect: everyone(410) },
  ],
  "PAGE /p/[slug]/[year]/[number]/print": [
    { url: `/p/${DEMO}/print`, expect: everyone(200) },
    { url: `/p/${DRAFT}/print`, expect: everyone(404) },
    { url: `/p/${WITHDRAWN}/print`, expect: everyone(410) },
  ],
  "PAGE /p/[slug]/[year]/[number]/a/[articleId]": [
    { url: `/p/${DEMO}/a/{demoArticle}`, expect: everyone(200) },
    // A's unpublished draft does not exist for readers, whoever they are.
    { url: `/p/${DEMO}/a/{articleA}`, expect: everyone(404) },
  ],

  // —— Sign-in pages ——
  "PAGE /login": [{ url: "/login", expect: row(200, 307, 307, 307, 307, 307, allDuties(307)) }],
  // Users exist: the first-run page sends everyone to sign in.
  "PAGE /setup": [{ url: "/setup", expect: everyone("login") }],
  "PAGE /change-password": [{ url: "/change-password", expect: page(200, 200, 200, 200) }],
  "PAGE /two-factor": [{ url: "/two-factor", expect: page(200, 200, 200, 200) }],

  // —— Workspace pages ——
  // A signer's desk is the sign-off desk.
  "PAGE /workspace": [{ url: "/workspace", expect: page(200, 200, 200, 200, allDuties(307)) }],
  // Writing pages: editors and signers see a note that only contributors write here (200).
  "PAGE /workspace/articles/new": [{ url: "/workspace/articles/new", expect: page(200, 200, 200, 200) }],
  "PAGE /workspace/articles/import": [{ url: "/workspace/articles/import", expect: page(200, 200, 200, 200) }],
  "PAGE /workspace/articles/[id]": [{ url: "/workspace/articles/{articleA}", expect: row("login", 200, 404, 200, 200, 404) }],
  // A draft is not the editors' to edit: they are sent to the article's page (307).
  "PAGE /workspace/articles/[id]/edit": [{ url: "/workspace/articles/{articleA}/edit", expect: row("login", 200, 404, 307, 307, 404) }],
  "PAGE /workspace/articles/[id]/history": [{ url: "/workspace/articles/{articleA}/history", expect: row("login", 200, 404, 200, 200, 404) }],
  // 约稿: the list for editors and contributors (their unit's); writing one for editors; one commission for its units and the editors.
  "PAGE /workspace/commissions": [{ url: "/workspace/commissions", expect: page(200, 200, 200, 404) }],
  "PAGE /workspace/commissions/new": [{ url: "/workspace/commissions/new", expect: page(404, 200, 200, 404) }],
  "PAGE /workspace/commissions/[id]": [
    { url: "/workspace/commissions/{commission}", expect: row("login", 200, 404, 200, 200, 404) },
    { url: "/workspace/commissions/999999999", expect: row("login", 404, 404, 404, 404, 404) },
  ],
  // 修改约稿: editors only; a contributor (the addressed unit's too) gets 404, as for a commission that does not exist.
  "PAGE /workspace/commissions/[id]/edit": [
    { url: "/workspace/commissions/{commission}/edit", expect: row("login", 404, 404, 200, 200, 404) },
    { url: "/workspace/commissions/999999999/edit", expect: row("login", 404, 404, 404, 404, 404) },
  ],
  // The assembly board is manage:issue:any; signers read issues on their own desk and the preview.
  "PAGE /workspace/issues": [{ url: "/workspace/issues", expect: page(404, 200, 200, 404) }],
  "PAGE /workspace/issues/[id]": [
    { url: "/workspace/issues/{draftIssue}", expect: page(404, 200, 200, 404) },
    { url: "/workspace/issues/{publishedIssue}", expect: page(404, 200, 200, 404) },
  ],
  "PAGE /workspace/issues/[id]/preview": [{ url: "/workspace/issues/{draftIssue}/preview", expect: page(404, 200, 200, 200) }],
  // 待签发 (signoff:issue:any) and one issue on the signer's desk (read:issue:any).
  "PAGE /workspace/signoff": [{ url: "/workspace/signoff", expect: page(404, 404, 200, 200) }],
  "PAGE /workspace/signoff/[id]": [
    { url: "/workspace/signoff/{draftIssue}", expect: page(404, 200, 200, 200) },
    { url: "/workspace/signoff/{publishedIssue}", expect: page(404, 200, 200, 200) },
  ],
  // 批示台账 (read:instruction:any): editors, admins, signers; contributors see their unit's on their desk.
  "PAGE /workspace/instructions": [{ url: "/workspace/instructions", expect: page(404, 200, 200, 200) }],
  "PAGE /workspace/stats": [{ url: "/workspace/stats", expect: page(404, 200, 200, 404) }],
  "PAGE /workspace/stats/notice": [{ url: "/workspace/stats/notice?period=2017-08", expect: page(404, 200, 200, 404) }],
  "PAGE /workspace/stats/weights": [{ url: "/workspace/stats/weights", expect: page(404, 200, 200, 404) }],
  "PAGE /workspace/tokens": [{ url: "/workspace/tokens", expect: page(200, 200, 200, 200) }],
  // 账户安全: one's own password, two-factor and sessions (manage:session:own, every signed-in role).
  "PAGE /workspace/account": [{ url: "/workspace/account", expect: page(200, 200, 200, 200) }],
  // Any other address under /workspace: sign in first, then the workspace's own 404.
  "PAGE /workspace/[...missing]": [{ url: "/workspace/no-such-desk/1", expect: page(404, 404, 404, 404) }],
  "PAGE /workspace/admin": [{ url: "/workspace/admin", expect: page(404, 404, 200, 404, { sysadmin: 200, secadmin: 200 }) }],
  "PAGE /workspace/admin/audit": [{ url: "/workspace/admin/audit", expect: page(404, 404, 200, 404, { auditadmin: 200 }) }],
  // 安全策略 (manage:security:any): admin and the security administrator.
  "PAGE /workspace/admin/security": [{ url: "/workspace/admin/security", expect: page(404, 404, 200, 404, { secadmin: 200 }) }],
  "PAGE /workspace/admin/units": [{ url: "/workspace/admin/units", expect: page(404, 404, 200, 404, { sysadmin: 200 }) }],
  "PAGE /workspace/admin/users/[id]": [{ url: "/workspace/admin/users/{user}", expect: page(404, 404, 200, 404, { sysadmin: 200, secadmin: 200 }) }],
  "PAGE /workspace/admin/publications": [{ url: "/workspace/admin/publications", expect: page(404, 404, 200, 404, { sysadmin: 200 }) }],
  "PAGE /workspace/admin/publications/new": [{ url: "/workspace/admin/publications/new", expect: page(404, 404, 200, 404, { sysadmin: 200 }) }],
  "PAGE /workspace/admin/publications/[slug]": [{ url: "/workspace/admin/publications/{slug}", expect: page(404, 404, 200, 404, { sysadmin: 200 }) }],
};

/**
 * Server actions (`"use server"` files, `file#export`). Each is reachable by a
 * direct POST; the probe posts it from another origin with the visitor's session
 * cookie: refused with 403 before it runs (proxy.ts), whoever the visitor is. The
 * actions check the viewer again themselves, like the API routes they mirror.
 */
export const ACTIONS: Record<string, Record<Actor, Expected>> = {
  "app/(auth)/change-password/actions.ts#changePasswordAction": everyone(403),
  "app/(auth)/two-factor/actions.ts#setupTwoFactorAction": everyone(403),
  "app/(auth)/two-factor/actions.ts#enableTwoFactorAction": everyone(403),
  "app/actions/locale.ts#setLocaleAction": everyone(403),
  "app/actions/setup.ts#createFirstAdminAction": everyone(403),
  "app/(workspace)/workspace/admin/actions.ts#createUserAction": everyone(403),
  "app/(workspace)/workspace/admin/actions.ts#updateUserAction": everyone(403),
  "app/(workspace)/workspace/admin/actions.ts#setUserActiveAction": everyone(403),
  "app/(workspace)/workspace/admin/actions.ts#resetPasswordAction": everyone(403),
  "app/(workspace)/workspace/admin/actions.ts#unlockUserAction": everyone(403),
  "app/(workspace)/workspace/admin/actions.ts#createUnitAction": everyone(403),
  "app/(workspace)/workspace/admin/actions.ts#renameUnitAction": everyone(403),
  "app/(workspace)/workspace/admin/actions.ts#setUnitActiveAction": everyone(403),
  "app/(workspace)/workspace/admin/actions.ts#savePublicationAction": everyone(403),
  "app/(workspace)/workspace/admin/actions.ts#saveSecurityPolicyAction": everyone(403),
  "app/(workspace)/workspace/stats/actions.ts#setWeightsAction": everyone(403),
  "app/(workspace)/workspace/tokens/actions.ts#createTokenAction": everyone(403),
  "app/(workspace)/workspace/tokens/actions.ts#revokeTokenAction": everyone(403),
  "app/(workspace)/workspace/account/actions.ts#endSessionAction": everyone(403),
  "app/(workspace)/workspace/account/actions.ts#endOtherSessionsAction": everyone(403),
  "app/(workspace)/workspace/account/actions.ts#disableTwoFactorAction": everyone(403),
  "app/(workspace)/workspace/account/actions.ts#regenerateRecoveryCodesAction": everyone(403),
};
