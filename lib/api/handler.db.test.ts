// Integration: PostgreSQL data errors raised for real by the database (both
// drivers) reach the client as 422 with the API's error shape, never as 500.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { articles, units } from "@/db/schema";
import { pgError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { apiRoute } from "./handler";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
  const db = await getDb();
  await db.execute(sql`create table data_error_probe (short varchar(3), note text, doc jsonb, at timestamptz)`);
});
afterAll(() => testDb?.drop());

/** Calls an unauthenticated API route whose handler runs `query`; returns the status, the body and the SQLSTATE it hit. */
async function callRoute(query: () => Promise<unknown>) {
  let code: string | undefined;
  const route = apiRoute(
    async () => {
      try {
        await query();
      } catch (e) {
        code = pgError(e)?.code;
        throw e;
      }
      return { ok: true };
    },
    { auth: false },
  );
  const response = await route(new Request("http://localhost/api/v1/probe", { method: "POST" }), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as unknown, code };
}

const db = () => getDb();

const CASES: { sqlstate: string; what: string; query: () => Promise<unknown>; message: RegExp }[] = [
  {
    sqlstate: "22003",
    what: "an integer parameter above the int range",
    query: async () => (await db()).execute(sql`select ${99999999999}::int`),
    message: /数值超出允许的范围/,
  },
  {
    sqlstate: "22003",
    what: "an article id above the int range through the query builder",
    query: async () => (await db()).select().from(articles).where(sql`${articles.id} = ${2 ** 40}::int`),
    message: /数值超出允许的范围/,
  },
  {
    sqlstate: "22021",
    what: "a NUL character in a text parameter (Drizzle insert)",
    query: async () => (await db()).insert(units).values({ name: "聊城\u0000市扶贫办" }),
    message: /无效的字符编码或 NUL/,
  },
  {
    sqlstate: "22021",
    what: "bytes that are not UTF-8",
    query: async () => (await db()).execute(sql`select convert_from(${Buffer.from([0xe4, 0xb8, 0xff])}::bytea, 'UTF8')`),
    message: /无效的字符编码或 NUL/,
  },
  {
    sqlstate: "22P05",
    what: "a \\u0000 escape in a jsonb document",
    query: async () => (await db()).execute(sql`insert into data_error_probe (doc) values (${JSON.stringify({ type: "text", text: "a\u0000b" })}::jsonb)`),
    message: /无法保存的字符/,
  },
  {
    sqlstate: "22001",
    what: "a string longer than a varchar column",
    query: async () => (await db()).execute(sql`insert into data_error_probe (short) values (${"简报编辑"})`),
    message: /文本超过允许的长度/,
  },
  {
    sqlstate: "22007",
    what: "a malformed timestamp",
    query: async () => (await db()).execute(sql`insert into data_error_probe (at) values (${"2017年8月17日"})`),
    message: /日期或时间的格式无效/,
  },
  {
    sqlstate: "22008",
    what: "a timestamp with month 13",
    query: async () => (await db()).execute(sql`select ${"2017-13-45 10:12"}::timestamptz`),
    message: /日期或时间超出允许的范围/,
  },
  {
    sqlstate: "22P02",
    what: "text that is not an integer",
    query: async () => (await db()).execute(sql`select ${"八十八"}::int`),
    message: /值的格式无效/,
  },
];

describe(`apiRoute and PostgreSQL data errors (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  for (const c of CASES) {
    it(`answers 422 for ${c.sqlstate}: ${c.what}`, async () => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      try {
        const { status, body, code } = await callRoute(c.query);
        expect(code).toBe(c.sqlstate);
        expect(status).toBe(422);
        expect(body).toEqual({ error: { code: "invalid", message: expect.stringMatching(c.message) } });
        expect(JSON.stringify(body)).not.toMatch(/UTF8|0x00|out of range|syntax/i); // the driver's text stays in the log
      } finally {
        warn.mockRestore();
      }
    });
  }

  it("answers 422 for a data error inside a transaction", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const { status, code } = await callRoute(async () =>
        (await db()).transaction(async (tx) => {
          await tx.insert(units).values({ name: "威海市扶贫办" });
          await tx.execute(sql`select ${99999999999}::int`);
        }),
      );
      expect([code, status]).toEqual(["22003", 422]);
      expect(await (await db()).select().from(units)).toEqual([]); // rolled back
    } finally {
      warn.mockRestore();
    }
  });

  it("still answers 500 for errors that are not bad input, without details", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { status, body, code } = await callRoute(async () => (await db()).execute(sql`select * from no_such_table`));
      expect(code).toBe("42P01");
      expect(status).toBe(500);
      expect(body).toEqual({ error: { code: "internal", message: "服务器内部错误" } });
      expect(error).toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
  });
});
