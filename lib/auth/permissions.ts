// The one permission table. Every service function asks `can`/`authorize`
// before touching data; pages and API routes never decide on their own.
import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";

export type Viewer =
  | { kind: "anonymous" }
  | { kind: "user"; id: number; role: Role; unitId: number | null; name: string; email: string; mustChangePassword?: boolean; twoFactorEnrolmentRequired?: boolean }
  /** The system itself: the demo loader, the scheduler, the operator CLI. */
  | { kind: "system"; purpose: string };

export const anonymous: Viewer = { kind: "anonymous" };
export const systemViewer = (purpose: string): Viewer => ({ kind: "system", purpose });

/** action:entity:scope → the roles that hold it. */
export const PERMISSIONS = {
  "read:issue:published": ["anonymous", "contributor", "editor", "signer", "admin"],
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
  "manage:scoring:any": ["editor", "admin"],
  "manage:user:any": ["admin"],
  "manage:unit:any": ["admin"],
  "manage:publication:any": ["admin"],
  "read:audit:any": ["admin"],
  "export:audit:any": ["admin"],
  "manage:token:own": ["contributor", "editor", "signer", "admin"],
  "manage:token:any": ["admin"],
  "manage:security:any": ["admin"],
} as const satisfies Record<string, readonly (Role | "anonymous")[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(viewer: Viewer, permission: Permission): boolean {
  if (viewer.kind === "system") return true;
  // A one-time password holds no permission until it is changed (see lib/api/handler.ts).
  if (viewer.kind === "user" && (viewer.mustChangePassword || viewer.twoFactorEnrolmentRequired)) return false;
  const role = viewer.kind === "anonymous" ? "anonymous" : viewer.role;
  return (PERMISSIONS[permission] as readonly string[]).includes(role);
}

/** Throws 401 for the signed-out and 403 for the signed-in who lack the permission. */
export function authorize(viewer: Viewer, permission: Permission): void {
  if (can(viewer, permission)) return;
  if (viewer.kind === "anonymous") throw new AppError("unauthorized", "请先登录");
  const refused =
    viewer.kind === "user" && viewer.mustChangePassword
      ? new AppError("must_change_password", "请先修改一次性密码")
      : viewer.kind === "user" && viewer.twoFactorEnrolmentRequired
        ? new AppError("two_factor_required", "请先启用两步验证")
        : new AppError("forbidden", "没有权限执行此操作");
  // Whoever catches it records the refusal in the audit log (API handler, server actions).
  if (viewer.kind === "user") refused.refusal = { userId: viewer.id, permission };
  throw refused;
}

export function isSignedIn(viewer: Viewer): viewer is Extract<Viewer, { kind: "user" }> {
  return viewer.kind === "user";
}
