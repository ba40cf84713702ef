// Who is asking: resolved once per request from a bearer token or the session
// cookie, and always re-checked against the database (active, role, unit).
import "server-only";
import { getServerSession } from "next-auth";
import type { User } from "@/db/schema";
import { anonymous, type Viewer } from "./permissions";
import { authOptions } from "./auth-options";
import { checkSession } from "./sessions";
import { userForToken } from "./tokens";
import { getSecurityPolicy, passwordChangeDue, twoFactorRequired } from "./two-factor";
import { findUserById } from "@/lib/users/users";

export function viewerFromUser(user: User): Viewer {
  return {
    kind: "user",
    id: user.id,
    role: user.role,
    unitId: user.unitId,
    name: user.name,
    email: user.email,
    mustChangePassword: user.mustChangePassword,
  };
}

/** The viewer with what the security policy asks of them now: a password change when it has expired, two-factor enrolment. */
async function policedViewer(user: User): Promise<Viewer> {
  const viewer = viewerFromUser(user);
  if (viewer.kind !== "user") return viewer;
  const policy = await getSecurityPolicy();
  return {
    ...viewer,
    ...(!user.mustChangePassword && passwordChangeDue(user, policy) ? { mustChangePassword: true, passwordExpired: true } : {}),
    ...(!user.totpEnabledAt && twoFactorRequired(user, policy) ? { twoFactorEnrolmentRequired: true } : {}),
  };
}

/** The viewer of a page or server action (session cookie). */
export async function getSessionViewer(): Promise<Viewer> {
  const session = (await getServerSession(authOptions)) as { uid?: number; sid?: string; iat?: number } | null;
  if (!session?.uid || !session.sid) return anonymous;
  // Signed out, revoked, idle or past its lifetime on the server: the cookie is worth nothing.
  if (!(await checkSession(session.sid, session.uid)).ok) return anonymous;
  const user = await findUserById(session.uid);
  if (!user?.active) return anonymous;
  // Every session of the user revoked (password change or reset, deactivation): JWT `iat` is in whole seconds.
  if (user.sessionsRevokedAt && (session.iat ?? 0) * 1000 < user.sessionsRevokedAt.getTime() - 999) return anonymous;
  const viewer = await policedViewer(user);
  return viewer.kind === "user" ? { ...viewer, sessionId: session.sid } : viewer;
}

/** The viewer of an API request: `Authorization: Bearer` first, else the session cookie. */
export async function getRequestViewer(request: Request): Promise<{ viewer: Viewer; via: "token" | "session" | "none"; readOnly?: boolean }> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const user = match ? await userForToken(match[1]!) : undefined;
    return { viewer: user ? await policedViewer(user) : anonymous, via: user ? "token" : "none", readOnly: user?.tokenScope === "read" };
  }
  const viewer = await getSessionViewer();
  return { viewer, via: viewer.kind === "user" ? "session" : "none" };
}
