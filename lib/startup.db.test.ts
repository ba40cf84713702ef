// Integration: what a server does with an empty database before it serves
// (DESIGN, Running it): the demo with random sign-ins printed once, or with
// DEMO=0 nothing at all, so the first visitor is sent to the first-run page.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { prepareDatabase } from "./startup";
import { countUsers, findUserByEmail } from "@/lib/users/users";
import { verifyPassword } from "@/lib/users/passwords";
import { DEMO_ACCOUNTS } from "@/lib/demo/load-demo";

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(() => db?.drop());

const run = async (demo: boolean) => {
  const lines: string[] = [];
  await prepareDatabase({ demo, log: (line) => lines.push(line) });
  return lines;
};

describe("prepareDatabase (server start-up)", () => {
  it("with DEMO=0 loads nothing: no users, so /login sends the first visitor to /setup", async () => {
    const lines = await run(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[cms\] database: /);
    expect(await countUsers()).toBe(0);
  });

  it("loads the demo with a random password per account, printed once and never again", async () => {
    const saved = process.env.DEMO_PASSWORD;
    delete process.env.DEMO_PASSWORD;
    try {
      const lines = await run(true);
      expect(lines).toContain("[cms] Demo sign-ins (shown once — note them now):");
      const signIn = /^\[cms\] {3}(\S+@demo\.local) +\S+ +(\S+)$/;
      const printed = new Map(lines.map((l) => signIn.exec(l)).flatMap((m) => (m ? [[m[1]!, m[2]!] as const] : [])));
      expect([...printed.keys()]).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
      expect(new Set(printed.values()).size).toBe(DEMO_ACCOUNTS.length);
      for (const [email, password] of printed) {
        expect(password.length, email).toBeGreaterThanOrEqual(12);
        expect(await verifyPassword(password, (await findUserByEmail(email))!.passwordHash), email).toBe(true);
      }
      // A restart on the same database: migrated again, the demo not reloaded, no password shown.
      const again = await run(true);
      expect(again).toHaveLength(1);
      expect(again.join("\n")).not.toMatch(/demo\.local/);
    } finally {
      if (saved !== undefined) process.env.DEMO_PASSWORD = saved;
    }
  });
});
