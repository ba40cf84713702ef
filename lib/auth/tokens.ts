// API tokens: shown once, stored as a SHA-256 hash.
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { apiTokens, users, type User } from "@/db/schema";
import { authorize, can, type Viewer } from "./permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError } from "@/lib/errors";

const PREFIX = "bcms_";
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const createTokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** Days until the token stops working (default API_TOKEN_DAYS, else 365). */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
  /** `read`: only GET and HEAD. */
  scope: z.enum(["read", "write"]).optional(),
});

/** The default lifetime of a new token, in days (API_TOKEN_DAYS, 365). */
export function defaultTokenDays(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.API_TOKEN_DAYS);
  return Number.isInteger(n) && n >= 1 && n <= 3650 ? n : 365;
}

/** Creates a token for `userId` (one's own, or anyone's for an admin). Returns the token once. */
export async function createApiToken(
  viewer: Viewer,
  userId: number,
  name: string,
  options: { expiresInDays?: number; scope?: "read" | "write" } = {},
): Promise<{ id: number; token: string; expiresAt: string; scope: "read" | "write" }> {
  if (viewer.kind === "user" && viewer.id === userId) authorize(viewer, "manage:token:own");
  else authorize(viewer, "manage:token:any");
  const parsed = createTokenSchema.safeParse({ name, ...options });
  if (!parsed.success) throw new AppError("invalid", "token.nameInvalid", { name: ["token.nameRule"] });
  const token = PREFIX + randomBytes(32).toString("base64url");
  const scope = parsed.data.scope ?? "write";
  const expiresAt = new Date(Date.now() + (parsed.data.expiresInDays ?? defaultTokenDays()) * 86_400_000);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId, name: parsed.data.name, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6), expiresAt, scope })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, viewer, { action: "token.create", targetType: "api_token", targetId: row!.id, details: { userId, name, scope, expiresAt: expiresAt.toISOString() } });
    return { id: row!.id, token, expiresAt: expiresAt.toISOString(), scope };
  });
}

/** The active user a live (not revoked, not expired) bearer token belongs to, with the token's scope; or undefined. */
export async function userForToken(token: string): Promise<(User & { tokenScope: "read" | "write" }) | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
  const db = await getDb();
  const [row] = await db
    .select({ user: users, tokenId: apiTokens.id, scope: apiTokens.scope })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row) return undefined;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  return { ...row.user, tokenScope: row.scope };
}

export interface TokenListItem {
  id: number;
  name: string;
  prefix: string;
  userId: number;
  userEmail: string;
  userName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
  scope: "read" | "write";
}

/** The viewer's own tokens, or (`all`, admins only) everyone's. Newest first. */
export async function listApiTokens(viewer: Viewer, options: { all?: boolean } = {}): Promise<TokenListItem[]> {
  if (options.all) authorize(viewer, "manage:token:any");
  else authorize(viewer, "manage:token:own");
  if (!options.all && viewer.kind !== "user") throw new AppError("unauthorized", "common.signInFirst");
  const db = await getDb();
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      userId: apiTokens.userId,
      userEmail: users.email,
      userName: users.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
      scope: apiTokens.scope,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(options.all || viewer.kind !== "user" ? undefined : eq(apiTokens.userId, viewer.id))
    .orderBy(desc(apiTokens.id))
    .limit(1000);
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    expiresAt: r.expiresAt?.toISOString() ?? null,
  }));
}

/** Revokes a token: one's own, or anyone's for an admin. Someone else's token is "not found" to a non-admin. */
export async function revokeApiToken(viewer: Viewer, id: number): Promise<{ id: number; revokedAt: string }> {
  authorize(viewer, "manage:token:own");
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) throw new AppError("not_found", "token.notFound");
  const mayRevokeAny = can(viewer, "manage:token:any");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ownership = mayRevokeAny || viewer.kind !== "user" ? undefined : eq(apiTokens.userId, viewer.id);
    const [token] = await tx
      .select({ id: apiTokens.id, userId: apiTokens.userId, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), ownership))
      .for("update")
      .limit(1);
    if (!token) throw new AppError("not_found", "token.notFound");
    if (token.revokedAt) return { id, revokedAt: token.revokedAt.toISOString() };
    const revokedAt = new Date();
    await tx.update(apiTokens).set({ revokedAt }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
    await recordAudit(tx, viewer, { action: "token.revoke", targetType: "api_token", targetId: id, details: { userId: token.userId } });
    return { id, revokedAt: revokedAt.toISOString() };
  });
}
