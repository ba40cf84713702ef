// Each integration test file gets a fresh database of its own: a new
// PostgreSQL database on the server in DATABASE_URL (dropped afterwards), or
// an in-memory PGlite. Nothing depends on leftovers.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { openDb, setDbHandle, closeDb, type DbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";

export interface TestDb {
  handle: DbHandle;
  kind: "pg" | "pglite";
  /** The database's own URL (PostgreSQL only), for child processes such as the CLI. */
  url?: string;
  drop: () => Promise<void>;
}

/** One statement on the server in `url` (create or drop a database), on a connection of its own. */
export async function adminQuery(url: string, sql: string) {
  const { Client } = await import("pg");
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A new, empty database on the server in `serverUrl` (nothing migrated), and how to drop it. */
export async function createPgDatabase(serverUrl: string, prefix = "cms_test"): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`) };
}

/** Creates, migrates and installs a fresh database as the process-wide one. */
export async function createTestDb(): Promise<TestDb> {
  if (process.env.CMS_TEST_PROJECT === "unit") {
    throw new Error("A unit test opened a database: name the file *.db.test.ts so it runs in the db project (and on PostgreSQL).");
  }
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const database = await createPgDatabase(serverUrl);
    const handle = await openDb({ kind: "pg", url: database.url });
    await migrateDb(handle);
    setDbHandle(handle);
    return {
      handle,
      kind: "pg",
      url: database.url,
      drop: async () => {
        await closeDb();
        await database.drop();
      },
    };
  }
  // The db project's globalSetup (db-template.setup.ts) migrated one already.
  const template = process.env.VITEST ? (await import("vitest")).inject("pgliteTemplate") : undefined;
  const handle = template ? await openDb({ kind: "pglite-memory", from: new Blob([fs.readFileSync(template)]) }) : await openDb({ kind: "pglite-memory" });
  await migrateDb(handle); // a no-op on the template; it would apply a migration added since
  setDbHandle(handle);
  return { handle, kind: "pglite", drop: () => closeDb() };
}
