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
