// next-auth: e-mail + password, JWT sessions carrying the user and a server
// session id. The cookie is only a pointer: every request re-loads the user
// and checks the session row (viewer.ts, sessions.ts), so a deactivated user,
// a signed-out, idle or expired session is refused at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { clientAddress, userAgentOf } from "./client-address";
import { endSession, sessionLimits, startSession } from "./sessions";
import { signInWithPassword } from "./sign-in";

const credentialsSchema = z.object({ email: z.string().max(254), password: z.string().max(200), otp: z.string().max(50).optional() });

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // The cookie lives as long as the absolute session lifetime; idle time is checked on the server.
  session: { strategy: "jwt", maxAge: sessionLimits().maxHours * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "password",
      credentials: { email: { type: "email" }, password: { type: "password" }, otp: { type: "text" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("invalid");
        try {
          const ip = clientAddress(req?.headers);
          const userAgent = userAgentOf(req?.headers);
          const user = await signInWithPassword({ ...parsed.data, otp: parsed.data.otp || undefined, ip, userAgent, channel: "web" });
          const sid = await startSession(user.id, { ip, userAgent });
          return { id: String(user.id), email: user.email, name: user.name, role: user.role, unitId: user.unitId, sid };
        } catch (e) {
          // The code reaches the sign-in form as `error`; the form shows the message for it.
          if (e instanceof AppError) throw new Error(e.code);
          throw e;
        }
      },
    }),
  ],
  events: {
    // Signing out ends this session on the server too: a copied cookie stops working at once.
    async signOut({ token }) {
      const t = token as { uid?: unknown; sid?: unknown } | null;
      const uid = Number(t?.uid);
      if (Number.isSafeInteger(uid) && uid > 0 && typeof t?.sid === "string") await endSession(t.sid, uid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; role?: string; unitId?: number | null; sid?: string };
        token.uid = Number(u.id);
        token.sid = u.sid;
        token.role = u.role;
        token.unitId = u.unitId ?? null;
      }
      return token;
    },
    session({ session, token }) {
      const s = session as typeof session & { uid?: number; sid?: string; role?: string; unitId?: number | null; iat?: number };
      s.sid = typeof token.sid === "string" ? token.sid : undefined;
      // When the session was issued: viewer.ts refuses sessions older than the user's sessions_revoked_at.
      s.iat = typeof token.iat === "number" ? token.iat : 0;
      s.uid = token.uid as number;
      s.role = token.role as string;
      s.unitId = (token.unitId as number | null) ?? null;
      return s;
    },
  },
};
