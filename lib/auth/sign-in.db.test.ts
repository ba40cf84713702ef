// Integration: sign-in limits, API tokens and the first-run admin, on a fresh database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { invalidInput } from "@/lib/errors";
import { createFirstAdmin, firstAdminSchema } from "@/lib/users/first-admin";
import { createUser } from "@/lib/users/users";
import { systemViewer } from "./permissions";
import { signInWithPassword } from "./sign-in";
import { createApiToken, userForToken } from "./tokens";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db?.drop());

describe("first-run admin", () => {
  it("is created once, even when two forms are sent at the same time", async () => {
    const results = await Promise.allSettled([
      createFirstAdmin({ email: "first@x.cn", name: "甲", password: "password-1" }),
      createFirstAdmin({ email: "second@x.cn", name: "乙", password: "password-2" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
  });

  it("validates its input", async () => {
    // By the schema the first-run form parses with, naming every field.
    expect(invalidInput(firstAdminSchema.safeParse({ email: "bad", name: "", password: "x" }).error!, "common.checkInput")).toMatchObject({
      code: "invalid",
      fields: { email: expect.any(Array), name: expect.any(Array), password: expect.any(Array) },
    });
  });
});

describe("signInWithPassword", () => {
  const system = systemViewer("test");

  it("signs in with the right password, case-insensitively on the e-mail", async () => {
    await createUser(system, { email: "ed1@x.cn", name: "编辑", role: "editor", password: "right-password" });
    const user = await signInWithPassword({ email: " ED1@x.cn ", password: "right-password", ip: "10.0.0.1" });
    expect(user.email).toBe("ed1@x.cn");
  });

  it("refuses the sixth try after five failures on one account, even with the right password", async () => {
    await createUser(system, { email: "ed2@x.cn", name: "编辑", role: "editor", password: "right-password" });
    for (let i = 0; i < 5; i++) {
      await expect(signInWithPassword({ email: "ed2@x.cn", password: "wrong", ip: `10.0.1.${i}` })).rejects.toMatchObject({ code: "unauthorized" });
    }
    await expect(signInWithPassword({ email: "ed2@x.cn", password: "right-password", ip: "10.0.1.99" })).rejects.toMatchObject({
      code: "locked",
    });
  });

  it("refuses a deactivated user", async () => {
    await createUser(system, { email: "ed3@x.cn", name: "编辑", role: "editor", password: "right-password" });
    await (await getDb()).update(users).set({ active: false }).where(eq(users.email, "ed3@x.cn"));
    await expect(signInWithPassword({ email: "ed3@x.cn", password: "right-password", ip: "10.0.2.1" })).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("does not reveal whether an account exists", async () => {
    await expect(signInWithPassword({ email: "nobody@x.cn", password: "x", ip: "10.0.3.1" })).rejects.toMatchObject({
      code: "unauthorized",
      message: "邮箱或密码不正确",
    });
  });
});

describe("API tokens", () => {
  it("are stored hashed and resolve to their active user only", async () => {
    const system = systemViewer("test");
    const user = await createUser(system, { email: "tok@x.cn", name: "令牌", role: "editor", password: "right-password" });
    const { token } = await createApiToken(system, user.id, "CI");
    expect(token).toMatch(/^bcms_/);
    expect((await userForToken(token))?.id).toBe(user.id);
    expect(await userForToken(token + "x")).toBeUndefined();
    expect(await userForToken("not-a-token")).toBeUndefined();
    const rows = await db.handle.db.query.apiTokens.findMany();
    expect(rows.every((r) => r.tokenHash !== token && r.tokenHash.length === 64)).toBe(true);
    await (await getDb()).update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await userForToken(token)).toBeUndefined();
  });

  it("can only be made for oneself unless admin", async () => {
    const system = systemViewer("test");
    const a = await createUser(system, { email: "toka@x.cn", name: "甲", role: "editor", password: "right-password" });
    const viewer = { kind: "user" as const, id: a.id, role: "editor" as const, unitId: null, name: "甲", email: a.email };
    await expect(createApiToken(viewer, a.id + 1000, "x")).rejects.toMatchObject({ code: "forbidden" });
    await expect(createApiToken(viewer, a.id, "mine")).resolves.toHaveProperty("token");
  });
});
