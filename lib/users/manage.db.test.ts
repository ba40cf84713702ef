// Integration: user, unit, publication and token administration on a fresh database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import { systemViewer, type Viewer } from "@/lib/auth/permissions";
import { createApiToken, listApiTokens, revokeApiToken, userForToken } from "@/lib/auth/tokens";
import { viewerFromUser } from "@/lib/auth/viewer";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { listAuditEntries } from "@/lib/audit/audit-log";
import { assertUnitActive, createUnit, listUnits, updateUnit } from "@/lib/units/units";
import { createPublication, updatePublication } from "@/lib/publications/publications";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { changeOwnPassword, createUserWithOneTimePassword, listManagedUsers, resetUserPassword, updateManagedUser } from "./manage";
import { findUserById } from "./users";

let testDb: TestDb;
const system = systemViewer("test");
let admin: Viewer;
let unitId: number;

/** The user signed in after replacing their one-time password (which alone may do nothing else). */
async function viewerOf(id: number) {
  await (await getDb()).update(users).set({ mustChangePassword: false }).where(eq(users.id, id));
  return viewerFromUser((await findUserById(id))!);
}

beforeAll(async () => {
  testDb = await createTestDb();
  unitId = (await createUnit(system, { name: "聊城市扶贫办", shortName: "聊城" })).id;
  const { user } = await createUserWithOneTimePassword(system, { email: "root@x.cn", name: "管理员", role: "admin" });
  admin = await viewerOf(user.id);
});
afterAll(() => testDb?.drop());

describe("users", () => {
  it("creates a user with a one-time password that must be changed", async () => {
    const { user, password } = await createUserWithOneTimePassword(admin, { email: " New@X.cn ", name: "张三", role: "contributor", unitId });
    expect(user).toMatchObject({ email: "new@x.cn", role: "contributor", unit: "聊城市扶贫办", mustChangePassword: true, active: true });
    expect(password).toMatch(/^[A-Za-z0-9]{14}$/);
    const signedIn = await signInWithPassword({ email: "new@x.cn", password, ip: "t1" });
    const viewer = viewerFromUser(signedIn);
    expect(viewer).toMatchObject({ mustChangePassword: true });
    await expect(changeOwnPassword(viewer, { current: "wrong", password: "my-own-password", confirm: "my-own-password" })).rejects.toMatchObject({
      fields: { current: expect.any(Array) },
    });
    await expect(changeOwnPassword(viewer, { current: password, password: "my-own-password", confirm: "other" })).rejects.toMatchObject({
      fields: { confirm: expect.any(Array) },
    });
    await changeOwnPassword(viewer, { current: password, password: "my-own-password", confirm: "my-own-password" });
    expect(await findUserById(user.id)).toMatchObject({ mustChangePassword: false });
    await expect(signInWithPassword({ email: "new@x.cn", password, ip: "t1" })).rejects.toMatchObject({ code: "unauthorized" });
    await signInWithPassword({ email: "new@x.cn", password: "my-own-password", ip: "t1" });

    const reset = await resetUserPassword(admin, user.id);
    expect(await findUserById(user.id)).toMatchObject({ mustChangePassword: true });
    await signInWithPassword({ email: "new@x.cn", password: reset.password, ip: "t1" });
  });

  it("validates, refuses duplicates and contributors without a unit", async () => {
    await expect(createUserWithOneTimePassword(admin, { email: "bad", name: "", role: "editor" })).rejects.toMatchObject({
      code: "invalid",
      fields: { email: expect.any(Array), name: expect.any(Array) },
    });
    await expect(createUserWithOneTimePassword(admin, { email: "c@x.cn", name: "甲", role: "contributor" })).rejects.toMatchObject({
      fields: { unitId: expect.any(Array) },
    });
    await expect(createUserWithOneTimePassword(admin, { email: "new@x.cn", name: "甲", role: "editor" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("changes role and unit, and deactivation stops sign-in and tokens at once", async () => {
    const { user, password } = await createUserWithOneTimePassword(admin, { email: "ed@x.cn", name: "编辑", role: "editor" });
    const { token } = await createApiToken(await viewerOf(user.id), user.id, "CI");
    expect(await userForToken(token)).toBeDefined();
    await expect(updateManagedUser(admin, user.id, { role: "contributor" })).rejects.toMatchObject({ fields: { unitId: expect.any(Array) } });
    expect(await updateManagedUser(admin, user.id, { role: "contributor", unitId })).toMatchObject({ role: "contributor", unitId });
    expect(await updateManagedUser(admin, user.id, { active: false })).toMatchObject({ active: false });
    expect(await userForToken(token)).toBeUndefined();
    await expect(signInWithPassword({ email: "ed@x.cn", password, ip: "t2" })).rejects.toMatchObject({ code: "unauthorized" });
    // Re-activation does not bring the old token back.
    await updateManagedUser(admin, user.id, { active: true });
    expect(await userForToken(token)).toBeUndefined();
    const { entries } = await listAuditEntries(admin, { targetType: "user", targetId: String(user.id) });
    // The refused sign-in of the deactivated account is recorded against it too.
    expect(entries.map((e) => e.action)).toEqual(["user.activate", "auth.sign-in-failed", "user.deactivate", "user.role", "user.create"]);
    expect(entries[2]!.details).toMatchObject({ tokensRevoked: 1, changed: { active: { from: true, to: false } } });
  });

  it("never leaves the system without an active admin, even under concurrent changes", async () => {
    const [me] = await getDb().then((db) => db.select().from(users).where(eq(users.email, "root@x.cn")));
    await expect(updateManagedUser(admin, me!.id, { active: false })).rejects.toMatchObject({ code: "conflict" });
    await expect(updateManagedUser(admin, me!.id, { role: "editor" })).rejects.toMatchObject({ code: "conflict" });
    const { user: second } = await createUserWithOneTimePassword(admin, { email: "root2@x.cn", name: "管理员二", role: "admin" });
    const results = await Promise.allSettled([
      updateManagedUser(admin, me!.id, { active: false }),
      updateManagedUser(admin, second.id, { role: "editor" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    const db = await getDb();
    const admins = await db.select().from(users).where(and(eq(users.role, "admin"), eq(users.active, true)));
    expect(admins).toHaveLength(1);
    // Put things back for the other tests.
    if (admins[0]!.id !== me!.id) await updateManagedUser(system, me!.id, { active: true, role: "admin" });
  });

  it("is for admins only", async () => {
    const { user } = await createUserWithOneTimePassword(admin, { email: "ed2@x.cn", name: "编辑二", role: "editor" });
    const editor = await viewerOf(user.id);
    await expect(listManagedUsers(editor)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateManagedUser(editor, user.id, { role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listManagedUsers({ kind: "anonymous" })).rejects.toMatchObject({ code: "unauthorized" });
    await expect(createUnit(editor, { name: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createPublication(editor, { slug: "x", name: "x", issuingBody: "x" })).rejects.toMatchObject({ code: "forbidden" });
    const { totals, users: list } = await listManagedUsers(admin, { role: "editor", q: "ed2" });
    expect(list.map((u) => u.email)).toEqual(["ed2@x.cn"]);
    expect(totals.all).toBeGreaterThan(3);
    // The totals count every role that has accounts (签发人 too), whatever the filter, and add up.
    await createUserWithOneTimePassword(admin, { email: "leader2@x.cn", name: "签发人二", role: "signer" });
    const after = (await listManagedUsers(admin, { role: "editor" })).totals;
    const db = await getDb();
    const signers = (await db.select().from(users).where(eq(users.role, "signer"))).length;
    expect(after.byRole).toContainEqual({ role: "signer", count: signers });
    expect(after.byRole.map((r) => r.role)).toEqual([...new Set(after.byRole.map((r) => r.role))]);
    expect(after.byRole.reduce((n, r) => n + r.count, 0)).toBe(after.all);
    expect(after.all).toBe(totals.all + 1);
  });
});

describe("units", () => {
  it("renames, deactivates and refuses submissions from a deactivated unit", async () => {
    const { id } = await createUnit(admin, { name: "威海市扶贫办" });
    await expect(createUnit(admin, { name: "威海市扶贫办" })).rejects.toMatchObject({ code: "conflict", fields: { name: expect.any(Array) } });
    expect(await updateUnit(admin, id, { name: "威海市乡村振兴局" })).toMatchObject({ name: "威海市乡村振兴局", active: true });
    const db = await getDb();
    await expect(assertUnitActive(db, id)).resolves.toBeUndefined();
    await updateUnit(admin, id, { active: false });
    await expect(db.transaction((tx) => assertUnitActive(tx, id))).rejects.toMatchObject({ code: "conflict" });
    await expect(createUserWithOneTimePassword(admin, { email: "w@x.cn", name: "威", role: "contributor", unitId: id })).rejects.toMatchObject({
      fields: { unitId: expect.any(Array) },
    });
    expect((await listUnits(admin)).find((u) => u.id === id)).toMatchObject({ active: false, name: "威海市乡村振兴局" });
    const { entries } = await listAuditEntries(admin, { action: "unit." });
    expect(entries.map((e) => e.action)).toEqual(["unit.deactivate", "unit.rename", "unit.create", "unit.create"]);
  });
});

describe("publications", () => {
  it("creates and edits a publication with its print footer", async () => {
    const p = await createPublication(admin, { slug: "SDTP", name: "山东脱贫攻坚简报", issuingBody: "宣传信息组", printCopies: 120 });
    expect(p).toMatchObject({ slug: "sdtp", printCopies: 120, showTotalNumber: true, subtitle: null });
    await expect(createPublication(admin, { slug: "sdtp", name: "x", issuingBody: "x" })).rejects.toMatchObject({ code: "conflict" });
    await expect(createPublication(admin, { slug: "有中文", name: "x", issuingBody: "x" })).rejects.toMatchObject({ fields: { slug: expect.any(Array) } });
    const edited = await updatePublication(admin, "sdtp", { printRecipients: "省委、省政府领导", printCc: "", showTotalNumber: false });
    expect(edited).toMatchObject({ printRecipients: "省委、省政府领导", printCc: null, showTotalNumber: false });
    await expect(updatePublication(admin, "nope", { name: "x" })).rejects.toMatchObject({ code: "not_found" });
    const db = await getDb();
    const rows = await db.select().from(auditLog).where(eq(auditLog.targetType, "publication"));
    expect(rows.map((r) => r.action)).toEqual(["publication.create", "publication.update"]);
  });
});

describe("API tokens", () => {
  it("lists and revokes one's own; only admins see and revoke everyone's", async () => {
    const { user: u1 } = await createUserWithOneTimePassword(admin, { email: "t1@x.cn", name: "甲", role: "editor" });
    const { user: u2 } = await createUserWithOneTimePassword(admin, { email: "t2@x.cn", name: "乙", role: "contributor", unitId });
    const v1 = await viewerOf(u1.id);
    const v2 = await viewerOf(u2.id);
    const t1 = await createApiToken(v1, u1.id, "一");
    const t2 = await createApiToken(v2, u2.id, "二");
    await expect(createApiToken(v1, u2.id, "不行")).rejects.toMatchObject({ code: "forbidden" });
    expect((await listApiTokens(v1)).map((t) => t.name)).toEqual(["一"]);
    await expect(listApiTokens(v1, { all: true })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeApiToken(v1, t2.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await userForToken(t2.token)).toBeDefined();
    await revokeApiToken(v1, t1.id);
    expect(await userForToken(t1.token)).toBeUndefined();
    expect((await listApiTokens(admin, { all: true })).map((t) => t.name)).toEqual(expect.arrayContaining(["一", "二"]));
    await revokeApiToken(admin, t2.id);
    expect(await userForToken(t2.token)).toBeUndefined();
    expect((await listApiTokens(v2))[0]).toMatchObject({ name: "二", revokedAt: expect.any(String), userEmail: "t2@x.cn" });
  });
});
