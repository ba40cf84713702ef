// The first-run page: creates the first admin, only while the database has no users.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { executeRows, getDb } from "@/db";
import { users } from "@/db/schema";
import { systemViewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError } from "@/lib/errors";
import { hashPassword } from "./passwords";
import { assertPasswordAllowed, passwordSchema } from "./users";

export const firstAdminSchema = z.object({
  email: z.string().trim().toLowerCase().email("邮箱格式不正确").max(254),
  name: z.string().trim().min(1, "请填写姓名").max(100),
  password: passwordSchema,
});
export type FirstAdminInput = z.infer<typeof firstAdminSchema>;

/** Creates the first admin from the first-run page's form (parsed with firstAdminSchema); refused once any user exists. */
export async function createFirstAdmin(input: FirstAdminInput): Promise<{ id: number }> {
  assertPasswordAllowed(input.password, input);
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Serializes concurrent first-run submissions: only one can find the table empty.
    await tx.execute(sql`select pg_advisory_xact_lock(734001)`);
    const [row] = await executeRows<{ n: number }>(tx, sql`select count(*)::int as n from users`);
    const n = Number(row?.n ?? 0);
    if (n > 0) throw new AppError("conflict", "user.alreadySetUp");
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: "admin", passwordHash })
      .returning({ id: users.id });
    await recordAudit(tx, systemViewer("first-run"), { action: "user.create-first-admin", targetType: "user", targetId: user!.id });
    return user!;
  });
}
