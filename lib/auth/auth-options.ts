// next-auth: e-mail + password, JWT sessions carrying role and unit. The
// session is only a pointer: every request re-loads the user (see viewer.ts),
// so a deactivated user is refused at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { clientAddress, userAgentOf } from "./client-address";
import { revokeSessions, signInWithPassword } from "./sign-in";

const credentialsSchema = z.object({ email: z.string().max(254), password: z.string().max(200), otp: z.string().max(50).optional() });

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "password",
      credentials: { email: { type: "email" }, password: { type: "password" }, otp: { type: "text" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("invalid");
        try {
          const user = await signInWithPassword({ ...parsed.data, otp: parsed.data.otp || undefined, ip: clientAddress(req?.headers), userAgent: userAgentOf(req?.headers), channel: "web" });
          return { id: String(user.id), email: user.email, name: user.name, role: user.role, unitId: user.unitId };
        } catch (e) {
          // The code reaches the sign-in form as `error`; the form shows the message for it.
          if (e instanceof AppError) throw new Error(e.code);
          throw e;
        }
      },
    }),
  ],
  events: {
    // Signing out revokes on the server too: a copied cookie stops working at once (every session of the user ends).
    async signOut({ token }) {
      const uid = Number((token as { uid?: unknown } | null)?.uid);
      if (Number.isSafeInteger(uid) && uid > 0) await revokeSessions(uid, "sign-out");
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; role?: string; unitId?: number | null };
        token.uid = Number(u.id);
        token.role = u.role;
        token.unitId = u.unitId ?? null;
      }
      return token;
    },
    session({ session, token }) {
      const s = session as typeof session & { uid?: number; role?: string; unitId?: number | null; iat?: number };
      // When the session was issued: viewer.ts refuses sessions older than the user's sessions_revoked_at.
      s.iat = typeof token.iat === "number" ? token.iat : 0;
      s.uid = token.uid as number;
      s.role = token.role as string;
      s.unitId = (token.unitId as number | null) ?? null;
      return s;
    },
  },
};
