// The one database client: embedded PGlite in DATA_DIR by default, or
// node-postgres when DATABASE_URL is set. One engine per process, kept on
// globalThis because Next can load this module more than once.
import path from "node:path";
import fs from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { acquireDataDirLock } from "./lock";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export { schema };

export type DbConfig =
  | { kind: "pglite"; dataDir: string }
  /** In memory; `from` is a dump (PGlite's dumpDataDir) to start from instead of an empty cluster. */
  | { kind: "pglite-memory"; from?: Blob }
  | { kind: "pg"; url: string };

export interface DbHandle {
  db: Db;
  kind: DbConfig["kind"];
  close: () => Promise<void>;
  /** The PGlite engine, for dumps and backups (undefined on PostgreSQL). */
  pglite?: import("@electric-sql/pglite").PGlite;
}

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || "./data");
}

export function configFromEnv(): DbConfig {
  const url = process.env.DATABASE_URL;
  if (url) return { kind: "pg", url };
  return { kind: "pglite", dataDir: dataDir() };
}

/** Opens a database; the caller owns the handle. Takes the data-directory lock for PGlite. */
export async function openDb(config: DbConfig, purpose = "app"): Promise<DbHandle> {
  if (config.kind === "pg") {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new Pool({ connectionString: config.url, max: Number(process.env.DB_POOL_SIZE || 10) });
    pool.on("error", (e) => console.error("[db] idle client error:", e.message));
    const db = drizzle(pool, { schema }) as unknown as Db;
    return { db, kind: "pg", close: () => pool.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let release = () => {};
  let client: import("@electric-sql/pglite").PGlite;
  // PostgreSQL's own buffer cache lives in PGlite's WebAssembly memory, which
  // never shrinks; PGlite's default of 128 MB is most of a server's memory.
  // Pages that fall out of it are read back from the files, which the
  // operating system caches anyway.
  const options = { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${pgliteSharedBuffers()}`] };
  if (config.kind === "pglite-memory") {
    client = await PGlite.create({ ...options, loadDataDir: config.from });
  } else {
    release = acquireDataDirLock(config.dataDir, purpose);
    try {
      const pgdata = path.join(config.dataDir, "pgdata");
      fs.mkdirSync(pgdata, { recursive: true });
      client = await PGlite.create(pgdata, options);
    } catch (e) {
      release();
      throw e;
    }
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: config.kind,
    pglite: client,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** PGLITE_SHARED_BUFFERS: PostgreSQL's shared_buffers for embedded PGlite (default 32MB; a size like 16MB or 128MB). */
export function pgliteSharedBuffers(): string {
  const value = process.env.PGLITE_SHARED_BUFFERS?.trim() || "32MB";
  if (!/^\d{1,6}(?:kB|MB|GB)$/.test(value)) throw new Error(`PGLITE_SHARED_BUFFERS must be a size such as 32MB, not "${value}"`);
  return value;
}

const g = globalThis as unknown as { __cmsDb?: Promise<DbHandle> };

/** The process-wide database. */
export function getDbHandle(): Promise<DbHandle> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database is not opened during `next build`: pages that read it must be dynamic.");
  }
  g.__cmsDb ??= openDb(configFromEnv(), process.env.CMS_PROCESS_PURPOSE || "server").catch((e) => {
    g.__cmsDb = undefined;
    throw e;
  });
  return g.__cmsDb;
}

/** The process-wide database's handle as it is now (undefined before the first use): lets a cache notice that the database was swapped. */
export function currentDbHandle(): Promise<DbHandle> | undefined {
  return g.__cmsDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Installs an already open database as the process-wide one (tests, CLI). */
export function setDbHandle(handle: DbHandle) {
  g.__cmsDb = Promise.resolve(handle);
}

export async function closeDb() {
  const current = g.__cmsDb;
  g.__cmsDb = undefined;
  if (current) await (await current).close();
}

/** Runs raw SQL and returns its rows (both drivers answer `{ rows }`). */
export async function executeRows<T>(db: Db | Tx, query: import("drizzle-orm").SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
