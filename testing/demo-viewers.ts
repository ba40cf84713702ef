// Viewers for the demo accounts, for integration tests that load the demo.
import type { Viewer } from "@/lib/auth/permissions";
import { viewerFromUser } from "@/lib/auth/viewer";
import { findUserByEmail } from "@/lib/users/users";

/** The viewers of the given demo accounts (the demo must be loaded), in order. */
export async function demoViewers<const E extends readonly string[]>(...emails: E): Promise<{ [K in keyof E]: Viewer }> {
  return Promise.all(
    emails.map(async (email) => {
      const user = await findUserByEmail(email);
      if (!user) throw new Error(`No demo account ${email}: call loadDemo() first`);
      return viewerFromUser(user);
    }),
  ) as Promise<{ [K in keyof E]: Viewer }>;
}

/** The demo's three contributors, the editor and the signer, and the contributors' unit ids: the cast of the 约稿 tests. */
export async function demoCommissionCast() {
  const [liaocheng, weihai, sft, editor, signer] = await demoViewers("liaocheng@demo.local", "weihai@demo.local", "sft@demo.local", "editor@demo.local", "leader@demo.local");
  const unitOf = (viewer: Viewer) => (viewer.kind === "user" && viewer.unitId !== null ? viewer.unitId : 0);
  return { liaocheng, weihai, sft, editor, signer, unit: { liaocheng: unitOf(liaocheng), weihai: unitOf(weihai), sft: unitOf(sft) } };
}
