// Regression: per-unit counts come from correlated subqueries that must refer to the outer unit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { systemViewer } from "@/lib/auth/permissions";
import { createUser } from "@/lib/users/users";
import { listUnits } from "./units";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
});
afterAll(() => db?.drop());

describe("listUnits", () => {
  it("counts each unit's own users and articles", async () => {
    const admin = systemViewer("test");
    await createUser(admin, { email: "second@wh.cn", name: "威海二", role: "contributor", unit: "威海市扶贫办", password: "password-1" });
    const units = await listUnits(admin);
    expect(units.map((u) => [u.name, u.users, u.articles])).toEqual([
      ["聊城市扶贫办", 1, 1],
      ["威海市扶贫办", 2, 1],
      ["省司法厅", 1, 1],
    ]);
  });
});
