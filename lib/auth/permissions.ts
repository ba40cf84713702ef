// The one permission table. Every service function asks `can`/`authorize`
// before touching data; pages and API routes never decide on their own.
import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";

export type Viewer =
  | { kind: "anonymous" }
  | {
      kind: "user";
      id: number;
      role: Role;
      unitId: number | null;
      name: string;
      email: string;
      mustChangePassword?: boolean;
      passwordExpired?: boolean;
      twoFactorEnrolmentRequired?: boolean;
      /** The server session the request came with (a cookie; none for a token). Server-side only: never hand it to the browser. */
      sessionId?: string;
    }
  /** The system itself: the demo loader, the scheduler, the operator CLI. */
  | { kind: "system"; purpose: string };

export const anonymous: Viewer = { kind: "anonymous" };
export const systemViewer = (purpose: string): Viewer => ({ kind: "system", purpose });

/** action:entity:scope → the roles that hold it. */
export const PERMISSIONS = {
  "read:issue:published": ["anonymous", "contributor", "editor", "signer", "admin", "sysadmin", "secadmin", "auditadmin"],
  // Signers read issues being assembled and their preview; they never edit them.
  "read:issue:any": ["editor", "signer", "admin"],
  "create:article:own-unit": ["contributor"],
  "read:article:own-unit": ["contributor"],
  "update:article:own-unit": ["contributor"],
  "read:article:any": ["editor", "admin"],
  "update:article:any": ["editor", "admin"],
  "review:article:any": ["editor", "admin"],
  "manage:issue:any": ["editor", "admin"],
  "publish:issue:any": ["editor", "admin"],
  // 签发: the editor asks, a signer (or an admin) signs or returns.
  "request-signoff:issue:any": ["editor", "admin"],
  "signoff:issue:any": ["signer", "admin"],
  "read:stats:any": ["editor", "admin"],
  // 约稿: editors write commissions and see every unit's answers; a contributor
  // sees those addressed to their unit (lib/commissions).
  "manage:commission:any": ["editor", "admin"],
  "read:commission:own-unit": ["contributor"],
  // 批示: signers and editors record a leader's instruction on a published article and
  // follow the 批示台账; the article's unit reads its own and answers with 落实反馈.
  "record:instruction:any": ["editor", "signer", "admin"],
  "read:instruction:any": ["editor", "signer", "admin"],
  "read:instruction:own-unit": ["contributor"],
  "answer:instruction:own-unit": ["contributor"],
  // 上级采用: an editor records that an article was adopted upstream.
  "record:adoption:any": ["editor", "admin"],
  "manage:scoring:any": ["editor", "admin"],
  // 三权分立: the system administrator (系统管理员) runs users, units and publications;
  "manage:user:any": ["admin", "sysadmin"],
  "manage:unit:any": ["admin", "sysadmin"],
  "manage:publication:any": ["admin", "sysadmin"],
  // the security administrator (安全管理员) sees the accounts, sets the policy, lifts
  // locks, resets two-factor and revokes tokens;
  "read:user:any": ["admin", "sysadmin", "secadmin"],
  "manage:security:any": ["admin", "secadmin"],
  "manage:token:any": ["admin", "secadmin"],
  // the audit administrator (审计管理员) reads and exports the audit log, nothing else.
  "read:audit:any": ["admin", "auditadmin"],
  "export:audit:any": ["admin", "auditadmin"],
  "manage:token:own": ["contributor", "editor", "signer", "admin", "sysadmin", "secadmin", "auditadmin"],
  // One's own sign-in sessions (本人会话): see them, sign the others out.
  "manage:session:own": ["contributor", "editor", "signer", "admin", "sysadmin", "secadmin", "auditadmin"],
} as const satisfies Record<string, readonly (Role | "anonymous")[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The administrator roles: with separation of duties only the operator CLI grants or takes them. */
export const ADMIN_ROLES = ["admin", "sysadmin", "secadmin", "auditadmin"] as const satisfies readonly Role[];
export const isAdminRole = (role: string): boolean => (ADMIN_ROLES as readonly string[]).includes(role);

/**
 * 三权分立 strict mode (CMS_SEPARATION_OF_DUTIES=strict): `admin` holds no
 * permission at all — its powers belong to the system, security and audit
 * administrators, and no account can hold two of them (one role per account;
 * administrator roles are granted only through the CLI). Off by default: `admin`
 * keeps every power, and the three roles can be used beside it.
 */
export function strictSeparation(env: Record<string, string | undefined> = process.env): boolean {
  const v = env.CMS_SEPARATION_OF_DUTIES?.trim().toLowerCase();
  if (!v || v === "off") return false;
  if (v === "strict") return true;
  throw new Error(`CMS_SEPARATION_OF_DUTIES must be "strict" or "off", not "${env.CMS_SEPARATION_OF_DUTIES}"`);
}

export function can(viewer: Viewer, permission: Permission): boolean {
  if (viewer.kind === "system") return true;
  // A one-time password holds no permission until it is changed (see lib/api/handler.ts).
  if (viewer.kind === "user" && (viewer.mustChangePassword || viewer.twoFactorEnrolmentRequired)) return false;
  const role = viewer.kind === "anonymous" ? "anonymous" : viewer.role;
  if (role === "admin" && permission !== "read:issue:published" && strictSeparation()) return false;
  return (PERMISSIONS[permission] as readonly string[]).includes(role);
}

/** Throws 401 for the signed-out and 403 for the signed-in who lack the permission. */
export function authorize(viewer: Viewer, permission: Permission): void {
  if (can(viewer, permission)) return;
  if (viewer.kind === "anonymous") throw new AppError("unauthorized", "common.signInFirst");
  const refused =
    viewer.kind === "user" && viewer.mustChangePassword
      ? new AppError("must_change_password", "auth.mustChangePassword")
      : viewer.kind === "user" && viewer.twoFactorEnrolmentRequired
        ? new AppError("two_factor_required", "auth.enableTwoFactor")
        : new AppError("forbidden", "common.forbidden");
  // Whoever catches it records the refusal in the audit log (API handler, server actions).
  if (viewer.kind === "user") refused.refusal = { userId: viewer.id, permission };
  throw refused;
}

export function isSignedIn(viewer: Viewer): viewer is Extract<Viewer, { kind: "user" }> {
  return viewer.kind === "user";
}

/**
 * May `viewer` create, change or reset an account whose role is `target.role`
 * (becoming `newRole`)? manage:user:any, and with strict separation of duties
 * no administrator account is made, changed, reset or deactivated through the
 * app: the system administrator could otherwise make himself the auditor, or
 * reset the auditor's password and sign in as him. The CLI (system) may, and
 * `admin` is granted to no one.
 */
export function authorizeAccountChange(viewer: Viewer, target: { role: string }, newRole?: string): void {
  authorize(viewer, "manage:user:any");
  if (!strictSeparation()) return;
  if (newRole === "admin") throw new AppError("invalid", "auth.separationNoAdmin", { role: ["auth.separationNoAdminField"] });
  if (viewer.kind !== "user") return;
  if (isAdminRole(target.role) || (newRole !== undefined && isAdminRole(newRole))) {
    const refused = new AppError("forbidden", "auth.separationAdminCli");
    refused.refusal = { userId: viewer.id, permission: "manage:user:any" };
    throw refused;
  }
}
