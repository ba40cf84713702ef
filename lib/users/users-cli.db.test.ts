// The operator's user commands through the real CLI (`npm run cms -- user …`)
// in child processes, on a PGlite data directory of the test's own; the
// database is then opened here to check what the commands wrote.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDb } from "@/db";
import { users } from "@/db/schema";
import { cliSandbox } from "@/lib/backup/test-helpers";
import { verifyPassword } from "./passwords";

const { at, cms, expectOk } = cliSandbox();

async function userRow(dataDir: string, email: string) {
  const handle = await openDb({ kind: "pglite", dataDir }, "test");
  try {
    const [row] = await handle.db.select().from(users).where(eq(users.email, email));
    return row!;
  } finally {
    await handle.close();
  }
}

describe("npm run cms -- user create|passwd", () => {
  it("creates a user as DESIGN's example does (no --name), prints the password once, and resets it", async () => {
    const target = { DATA_DIR: at("users") };
    const created = await cms(["user", "create", "--email", "ed@example.cn", "--role", "editor"], target);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const first = /Password \(shown once\): (\S+)/.exec(created.stdout)?.[1];
    expect(first, created.stdout).toBeTruthy();
    const row = await userRow(target.DATA_DIR, "ed@example.cn");
    expect(row).toMatchObject({ role: "editor", name: "ed", active: true });
    expect(await verifyPassword(first!, row.passwordHash)).toBe(true);

    // A reset: the new password works, the old one no longer does.
    const reset = await cms(["user", "passwd", "--email", "ed@example.cn"], target);
    expect(reset.stderr).toBe("");
    const second = /New password \(shown once\): (\S+)/.exec(reset.stdout)?.[1];
    expect(second, reset.stdout).toBeTruthy();
    const after = await userRow(target.DATA_DIR, "ed@example.cn");
    expect(await verifyPassword(second!, after.passwordHash)).toBe(true);
    expect(await verifyPassword(first!, after.passwordHash)).toBe(false);

    // A given name and password are taken as they are; an unknown email is a clear error, not a crash.
    await expectOk(cms(["user", "passwd", "--email", "ed@example.cn", "--password", "Given-pass-2026"], target), /Password of ed@example\.cn changed\./);
    expect(await verifyPassword("Given-pass-2026", (await userRow(target.DATA_DIR, "ed@example.cn")).passwordHash)).toBe(true);
    const unknown = await cms(["user", "passwd", "--email", "nobody@example.cn"], target);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/nobody@example\.cn/);
  });
});
