// Logical backups for operators (`npm run cms -- backup|restore FILE`): every
// table of db/schema.ts as gzip-compressed JSON lines, written and read with
// SQL that both drivers run alike, so a backup of the embedded PGlite restores
// into PostgreSQL and back. Operator tooling, reached only from the CLI (no
// viewer): whoever can run the CLI can already open the database.
//
// File layout, one JSON value a line:
//   {"format":"bulletin-cms-backup","version":1,"migration":…,"createdAt":…,"tables":{"units":3,…}}
//   {"table":"units","rows":3}    then that many row objects (database column names;
//   {…row…}                        timestamps ISO 8601 in UTC, bytea base64, jsonb nested)
//   …                             tables in foreign-key order: parents first
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { is, sql, type SQL } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { executeRows, schema, type Db, type Tx } from "@/db";
import { migrationsFolder } from "@/db/migrate";
import { pgError } from "@/lib/errors";

export const BACKUP_FORMAT = "bulletin-cms-backup";
export const BACKUP_VERSION = 1;

/** Something an operator must act on: the message says what and what to do. */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BackupError";
  }
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The latest drizzle/ migration of the app that wrote the backup: the shape of every row. */
  migration: string;
  createdAt: string;
  /** The PostgreSQL version it was read from (PGlite is PostgreSQL 18 inside); for information only. */
  serverVersion: string;
  /** Row counts, in the order the tables follow in the file. */
  tables: Record<string, number>;
}

interface TableInfo {
  name: string;
  columns: string[];
  byteaColumns: string[];
  orderBy: string[];
}

/** The schema's tables, parents before children (the order their rows can be inserted in). */
export function backupTables(): TableInfo[] {
  const configs = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable)).map((t) => getTableConfig(t));
  const parents = new Map(
    configs.map((c) => [c.name, new Set(c.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name).filter((n) => n !== c.name))]),
  );
  const ordered: typeof configs = [];
  const placed = new Set<string>();
  while (ordered.length < configs.length) {
    const next = configs.filter((c) => !placed.has(c.name) && [...parents.get(c.name)!].every((p) => placed.has(p)));
    if (!next.length) throw new Error("db/schema.ts has a foreign-key cycle: the backup cannot order its tables");
    next.forEach((c) => placed.add(c.name));
    ordered.push(...next);
  }
  return ordered.map((c) => {
    const primary = c.primaryKeys[0]?.columns.map((col) => col.name) ?? c.columns.filter((col) => col.primary).map((col) => col.name);
    return {
      name: c.name,
      columns: c.columns.map((col) => col.name),
      byteaColumns: c.columns.filter((col) => col.getSQLType() === "bytea").map((col) => col.name),
      orderBy: primary.length ? primary : c.columns.map((col) => col.name),
    };
  });
}

interface JournalEntry {
  tag: string;
  when: number;
}

function journal(folder: string): JournalEntry[] {
  const file = path.join(folder, "meta", "_journal.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { entries: JournalEntry[] }).entries;
}

/** The app's latest migration (drizzle/meta/_journal.json): backups record it, restores require it. */
export function latestMigration(folder = migrationsFolder()): JournalEntry {
  const last = journal(folder).at(-1);
  if (!last) throw new Error(`No migrations in ${folder}`);
  return last;
}

/** Fails unless the database has exactly the app's migrations applied (Drizzle records each by its journal time). */
async function assertAtMigration(tx: Tx, expected: JournalEntry, folder: string) {
  const [table] = await executeRows<{ present: boolean }>(tx, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  const [last] = table?.present
    ? await executeRows<{ created_at: string | number }>(tx, sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`)
    : [];
  if (last && Number(last.created_at) === expected.when) return;
  const at = last ? (journal(folder).find((e) => e.when === Number(last.created_at))?.tag ?? "a migration this app does not know (a newer app?)") : "no migration at all";
  throw new BackupError(
    `The database is at ${at}, but this app expects ${expected.tag}. Start this version of the app once (it migrates the database), or use the version of the app that matches the database.`,
  );
}

const ident = (name: string) => sql.identifier(name);
const identList = (names: string[]) => sql.join(names.map(ident), sql`, `);

async function countRows(tx: Tx, table: string): Promise<number> {
  const [row] = await executeRows<{ n: string | number }>(tx, sql`select count(*) as n from ${ident(table)}`);
  return Number(row!.n);
}

/** Rows of one table as JSON texts made by the database itself, so jsonb numbers and timestamps keep their exact value. */
async function* tableRows(tx: Tx, table: TableInfo): AsyncGenerator<string> {
  const columns = table.columns.map((c) =>
    table.byteaColumns.includes(c) ? sql`translate(encode(${ident(c)}, 'base64'), E'\n', '') as ${ident(c)}` : ident(c),
  );
  // A cursor reads a big table (or one with images) a slice at a time.
  const slice = table.byteaColumns.length ? 4 : 500;
  await tx.execute(
    sql`declare cms_backup no scroll cursor for select row_to_json(r)::text as j from (select ${sql.join(columns, sql`, `)} from ${ident(table.name)} order by ${identList(table.orderBy)}) r`,
  );
  for (;;) {
    const rows = await executeRows<{ j: string }>(tx, sql`fetch forward ${sql.raw(String(slice))} from cms_backup`);
    for (const row of rows) yield row.j;
    if (rows.length < slice) break;
  }
  await tx.execute(sql`close cms_backup`);
}

async function* backupLines(tx: Tx, tables: TableInfo[], header: BackupHeader): AsyncGenerator<Buffer> {
  yield Buffer.from(`${JSON.stringify(header)}\n`);
  for (const table of tables) {
    let chunk = `${JSON.stringify({ table: table.name, rows: header.tables[table.name] })}\n`;
    let written = 0;
    for await (const row of tableRows(tx, table)) {
      chunk += `${row}\n`;
      written++;
      if (chunk.length >= 1 << 16) {
        yield Buffer.from(chunk);
        chunk = "";
      }
    }
    if (chunk) yield Buffer.from(chunk);
    if (written !== header.tables[table.name]) throw new Error(`Table ${table.name} changed while it was read (repeatable read should prevent it)`);
  }
}

async function syncPath(p: string) {
  const fh = await fs.promises.open(p, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Runs `write(tmp)` to fill a temporary file beside `file`, then renames it over
 * `file` once complete and synced: a failed backup never leaves a partial file
 * or clobbers an older one. Answers the size written.
 */
export async function writeAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<number> {
  const target = path.resolve(file);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await write(tmp);
    await syncPath(tmp);
    await fs.promises.rename(tmp, target);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
  await syncPath(path.dirname(target)).catch(() => {}); // the rename itself; not every platform can sync a directory
  return (await fs.promises.stat(target)).size;
}

/**
 * Writes a consistent backup of every table to `file`: one read-only REPEATABLE
 * READ transaction (one snapshot), written atomically (see writeAtomically).
 */
export async function backupDatabase(db: Db, file: string, options: { migrationsFolder?: string } = {}): Promise<BackupHeader & { bytes: number }> {
  const folder = options.migrationsFolder ?? migrationsFolder();
  const tables = backupTables();
  const migration = latestMigration(folder);
  let header: BackupHeader | undefined;
  const bytes = await writeAtomically(file, async (tmp) => {
    header = await db.transaction(
      async (tx) => {
        await tx.execute(sql`set local timezone to 'UTC'`); // timestamps as …+00:00
        await assertAtMigration(tx, migration, folder);
        const [version] = await executeRows<{ server_version: string }>(tx, sql`show server_version`);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          migration: migration.tag,
          createdAt: new Date().toISOString(),
          serverVersion: version!.server_version,
          tables: {},
        };
        for (const t of tables) header.tables[t.name] = await countRows(tx, t.name);
        await pipeline(backupLines(tx, tables, header), createGzip(), fs.createWriteStream(tmp, { flags: "wx" }));
        return header;
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
  });
  return { ...header!, bytes };
}

/** The lines of a gzip-compressed file, decoded as strict UTF-8; a damaged or truncated file throws a BackupError. */
async function* readLines(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file);
  const gunzip = createGunzip();
  const piped = pipeline(input, gunzip).catch(() => {}); // errors surface through the iteration below
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const decode = (bytes: Buffer) => {
    try {
      return decoder.decode(bytes);
    } catch {
      throw new BackupError(`${file} is damaged: it holds text that is not UTF-8.`);
    }
  };
  let pending: Buffer[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let start = 0;
      for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
        pending.push(chunk.subarray(start, nl));
        yield decode(Buffer.concat(pending));
        pending = [];
        start = nl + 1;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
  } catch (e) {
    if (e instanceof BackupError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code === "ENOENT") throw new BackupError(`Cannot read ${file}: no such file.`, { cause: e });
    if (err.code?.startsWith("Z_")) {
      throw new BackupError(`${file} is damaged or truncated (gzip: ${err.message}); nothing was restored. Use another backup.`, { cause: e });
    }
    throw new BackupError(`Cannot read ${file}: ${err.message}`, { cause: e });
  } finally {
    gunzip.destroy();
    await piped;
  }
  if (pending.length) yield decode(Buffer.concat(pending));
}

function parseLine(file: string, lineNumber: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BackupError(`${file} is damaged: line ${lineNumber} is not JSON.`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks a header against this app: format, version, migration and the set and order of tables. */
function checkHeader(file: string, value: unknown, tables: TableInfo[], migration: JournalEntry): BackupHeader {
  if (!isObject(value) || value.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a backup of this CMS (no "${BACKUP_FORMAT}" header).`);
  if (value.version !== BACKUP_VERSION) {
    throw new BackupError(`${file} has backup format version ${String(value.version)}; this app reads version ${BACKUP_VERSION}.`);
  }
  if (value.migration !== migration.tag) {
    throw new BackupError(
      `${file} was made by the app at migration ${String(value.migration)}; this app is at ${migration.tag}. Restore it with the version of the app that made it.`,
    );
  }
  const counts = value.tables;
  const expected = tables.map((t) => t.name);
  if (!isObject(counts) || JSON.stringify(Object.keys(counts)) !== JSON.stringify(expected) || !Object.values(counts).every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) {
    throw new BackupError(`${file} has a damaged header: its tables are not this app's tables (${expected.join(", ")}).`);
  }
  return value as unknown as BackupHeader;
}

/** Reads and checks only the header line of a backup (before anything touches the database). */
export async function readBackupHeader(file: string, options: { migrationsFolder?: string } = {}): Promise<BackupHeader> {
  for await (const line of readLines(file)) {
    return checkHeader(file, parseLine(file, 1, line), backupTables(), latestMigration(options.migrationsFolder ?? migrationsFolder()));
  }
  throw new BackupError(`${file} is empty.`);
}

async function insertBatch(tx: Tx, table: TableInfo, rows: string[], firstLine: number) {
  // json_populate_record turns each field into its column's type exactly as
  // PostgreSQL reads text (timestamps, tsvector) or JSON (jsonb); bytea comes from base64.
  const values = table.columns.map((c) => (table.byteaColumns.includes(c) ? sql`decode(j->>${c}, 'base64')` : sql`r.${ident(c)}`));
  const query: SQL = sql`insert into ${ident(table.name)} (${identList(table.columns)})
    select ${sql.join(values, sql`, `)} from json_array_elements(${`[${rows.join(",")}]`}::json) as j, json_populate_record(null::${ident(table.name)}, j) as r`;
  try {
    await tx.execute(query);
  } catch (e) {
    const cause = pgError(e) as { message?: string } | undefined;
    throw new BackupError(
      `Rows of ${table.name} on lines ${firstLine}–${firstLine + rows.length - 1} of the backup cannot be restored (${cause?.message ?? (e as Error).message}); nothing was restored.`,
      { cause: e },
    );
  }
}

/** Moves every serial/identity sequence past the restored ids, so new rows get fresh ones. */
async function resetSequences(tx: Tx, tables: TableInfo[]) {
  for (const table of tables) {
    for (const column of table.columns) {
      const [row] = await executeRows<{ seq: string | null }>(tx, sql`select pg_get_serial_sequence(${`"${table.name}"`}, ${column}) as seq`);
      if (!row?.seq) continue;
      await tx.execute(sql`select setval(${row.seq}::regclass, coalesce((select max(${ident(column)}) from ${ident(table.name)}), 0) + 1, false)`);
    }
  }
}

const BATCH_ROWS = 500;
const BATCH_BYTES = 4 << 20;

/**
 * Loads a backup into the database in ONE transaction — all or nothing. The
 * database must be migrated to the backup's migration and hold no data, unless
 * `force`, which first empties it inside the same transaction. Afterwards the
 * row counts are checked against the header and the sequences reset.
 */
export async function restoreDatabase(
  db: Db,
  file: string,
  options: { force?: boolean; migrationsFolder?: string } = {},
): Promise<BackupHeader> {
  const folder = options.migrationsFolder ?? migrationsFolder();
  const migration = latestMigration(folder);
  const tables = backupTables();
  const header = await readBackupHeader(file, { migrationsFolder: folder });
  await db.transaction(async (tx) => {
    await assertAtMigration(tx, migration, folder);
    // Nobody writes while the data is replaced (a server on PostgreSQL waits).
    await tx.execute(sql`lock table ${identList(tables.map((t) => t.name))} in access exclusive mode`);
    const withData: string[] = [];
    for (const t of tables) {
      const [row] = await executeRows<{ present: boolean }>(tx, sql`select exists (select 1 from ${ident(t.name)}) as present`);
      if (row?.present) withData.push(t.name);
    }
    if (withData.length && !options.force) {
      throw new BackupError(
        `The database is not empty (data in ${withData.join(", ")}); nothing was restored. Restore into an empty database, or add --force to replace all of its data.`,
      );
    }
    if (withData.length) await tx.execute(sql`truncate table ${identList(tables.map((t) => t.name))} restart identity`);

    let lineNumber = 0;
    let tableIndex = -1;
    let remaining = 0;
    let batch: string[] = [];
    let batchBytes = 0;
    let batchLine = 0;
    const flush = async () => {
      if (batch.length) await insertBatch(tx, tables[tableIndex]!, batch, batchLine);
      batch = [];
      batchBytes = 0;
    };
    for await (const line of readLines(file)) {
      lineNumber++;
      if (lineNumber === 1) continue; // the header, checked above
      const value = parseLine(file, lineNumber, line);
      if (remaining === 0) {
        await flush();
        const next = tables[++tableIndex];
        if (!next) throw new BackupError(`${file} is damaged: unexpected content after the last table (line ${lineNumber}).`);
        if (!isObject(value) || value.table !== next.name || value.rows !== header.tables[next.name]) {
          throw new BackupError(`${file} is damaged: line ${lineNumber} should start table ${next.name} with ${header.tables[next.name]} rows.`);
        }
        remaining = header.tables[next.name]!;
        continue;
      }
      const table = tables[tableIndex]!;
      if (!isObject(value) || Object.keys(value).join() !== table.columns.join()) {
        throw new BackupError(`${file} is damaged: line ${lineNumber} is not a row of ${table.name} (${table.columns.join(", ")}).`);
      }
      if (!batch.length) batchLine = lineNumber;
      batch.push(line);
      batchBytes += line.length;
      remaining--;
      if (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES) await flush();
    }
    await flush();
    if (remaining > 0 || tableIndex < tables.length - 1) {
      const incomplete = tables[remaining > 0 ? tableIndex : tableIndex + 1]!.name;
      throw new BackupError(`${file} ends early (truncated?): the rows of ${incomplete} are missing; nothing was restored.`);
    }
    for (const t of tables) {
      const n = await countRows(tx, t.name);
      if (n !== header.tables[t.name]) throw new BackupError(`After restoring, ${t.name} has ${n} rows but the backup has ${header.tables[t.name]}; nothing was restored.`);
    }
    await resetSequences(tx, tables);
  });
  return header;
}
