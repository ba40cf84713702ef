import "server-only";
import { redirect } from "next/navigation";
import type { Viewer } from "./permissions";
import { getSessionViewer } from "./viewer";

export type SignedInViewer = Extract<Viewer, { kind: "user" }>;

/**
 * The signed-in viewer of a workspace page; the signed-out are sent to sign in,
 * and a user still holding a one-time password must first choose their own.
 */
export async function requireSignedIn(path = "/workspace"): Promise<SignedInViewer> {
  const viewer = await getSessionViewer();
  if (viewer.kind !== "user") redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (viewer.mustChangePassword) redirect("/change-password");
  if (viewer.twoFactorEnrolmentRequired) redirect("/two-factor");
  return viewer;
}
