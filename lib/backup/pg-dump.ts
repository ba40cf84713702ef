// The pg_dump form of the backup, for PostgreSQL only (`npm run cms -- backup|restore
// --pg-dump FILE`): a standard custom-format archive made by `pg_dump` and loaded
// by `pg_restore`, so an operator can also use the file with those tools
// directly. The CLI only adds what an operator would otherwise forget: the
// temporary file and rename, the refusal of a non-empty target, one transaction,
// and a message that says what went wrong. Operator tooling, no viewer.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { executeRows, openDb, type Db } from "@/db";
import { BackupError, writeAtomically } from "./backup";

type Tool = "pg_dump" | "pg_restore";

/** The arguments of both tools: an archive that restores as any user, without the source's roles or grants. */
export const PG_DUMP_ARGS = ["--format=custom", "--no-owner", "--no-privileges"];
export const PG_RESTORE_ARGS = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"];

export interface PgToolTarget {
  /** For `--dbname=`: DATABASE_URL without its password (a command line is visible to every user of the machine). */
  dbname: string;
  /** The password, if the URL holds one, as libpq's PGPASSWORD. */
  env: Record<string, string>;
  /** The database name, for messages. */
  database: string;
}

/** DATABASE_URL as the client tools take it, the password moved from the URL into the environment. */
export function pgToolTarget(databaseUrl: string): PgToolTarget {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new BackupError("DATABASE_URL is not a URL; --pg-dump needs the form postgres://user:password@host:port/database.");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new BackupError(`DATABASE_URL starts with ${url.protocol}//; --pg-dump needs postgres:// or postgresql://.`);
  }
  const env: Record<string, string> = {};
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = "";
  return { dbname: url.toString(), env, database: decodeURIComponent(url.pathname.slice(1)) || "(the user's default database)" };
}

interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a client tool with an argument array (no shell); a missing tool is a BackupError naming the package. */
function runTool(tool: Tool, args: string[], env: Record<string, string> = {}): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT") return reject(e);
      reject(
        new BackupError(
          `${tool} is not installed (not found on PATH). --pg-dump needs the PostgreSQL client tools, of the server's major version or newer: on Debian or Ubuntu \`apt-get install postgresql-client\` (or postgresql-client-NN for version NN).`,
          { cause: e },
        ),
      );
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The tool's own last words, without its name in front of every line. */
const toolMessage = (tool: Tool, stderr: string) =>
  stderr
    .trim()
    .split("\n")
    .map((l) => l.replace(new RegExp(`^${tool}: `), ""))
    .join("; ") || "no message";

const majorOf = (version: string) => Number(/(\d+)/.exec(version)?.[1]);

/** Opens the PostgreSQL database at `url` for one question and closes it again. */
export async function withPgDb<T>(url: string, ask: (db: Db) => Promise<T>): Promise<T> {
  const handle = await openDb({ kind: "pg", url }, "cli pg-dump");
  try {
    return await ask(handle.db);
  } finally {
    await handle.close();
  }
}

/**
 * After pg_dump refused a server of another version: the server's major
 * version against the client's, said so the operator knows what to install.
 * Answers undefined when the two cannot be told apart (pg_dump's own message stands).
 */
async function versionMismatch(databaseUrl: string): Promise<string | undefined> {
  const server = await withPgDb(databaseUrl, async (db) => (await executeRows<{ server_version: string }>(db, sql`show server_version`))[0]!.server_version).catch(
    () => undefined,
  );
  const client = (await runTool("pg_dump", ["--version"]).catch(() => undefined))?.stdout.trim().replace(/^pg_dump \(PostgreSQL\) /, "");
  if (!server || !client || majorOf(server) === majorOf(client)) return undefined;
  return `the server runs PostgreSQL ${server}, but pg_dump is version ${client}: pg_dump must be of the server's major version (${majorOf(server)}) or newer. Install postgresql-client-${majorOf(server)} (on Debian or Ubuntu; from apt.postgresql.org if the release lacks it) and put its pg_dump first on PATH`;
}

/** `backup --pg-dump FILE`: pg_dump's custom format of the database in DATABASE_URL, written atomically. */
export async function backupWithPgDump(databaseUrl: string, file: string): Promise<{ database: string; bytes: number }> {
  const target = pgToolTarget(databaseUrl);
  const bytes = await writeAtomically(file, async (tmp) => {
    const result = await runTool("pg_dump", [...PG_DUMP_ARGS, `--file=${tmp}`, `--dbname=${target.dbname}`], target.env);
    if (result.code === 0) return;
    const reason = /server version mismatch/.test(result.stderr) ? await versionMismatch(databaseUrl) : undefined;
    throw new BackupError(`pg_dump failed (exit code ${result.code}): ${reason ?? toolMessage("pg_dump", result.stderr)}; nothing was written.`);
  });
  return { database: target.database, bytes };
}

/** What the database already holds besides PostgreSQL's own: relations, schemas, types, functions, extensions. */
async function userObjects(db: Db): Promise<string[]> {
  const system = sql`not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_)'`;
  // Tables first, sequences (one per serial column) last: the message names the first few.
  const rows = await executeRows<{ what: string }>(
    db,
    sql`select format('%s %I.%I', case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'view' else 'table' end, n.nspname, c.relname) as what,
               case c.relkind when 'S' then 9 when 'v' then 2 when 'm' then 2 else 1 end as rank
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and n.nspname ${system}
        union all
        select format('schema %I', n.nspname), 3 from pg_namespace n where n.nspname <> 'public' and n.nspname ${system}
        union all
        select format('type %I.%I', n.nspname, t.typname), 4 from pg_type t join pg_namespace n on n.oid = t.typnamespace
          where t.typtype in ('e', 'd', 'r', 'm') and n.nspname ${system}
        union all
        select format('function %I.%I', n.nspname, p.proname), 5 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname ${system} and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
        union all
        select format('extension %I', extname), 6 from pg_extension where extname <> 'plpgsql'
        order by rank, what`,
  );
  return rows.map((r) => r.what);
}

/**
 * `restore --pg-dump FILE [--force]`: pg_restore into the database in
 * DATABASE_URL, in one transaction (any error → nothing restored). The file is
 * checked first; a database that holds anything is refused unless `force`,
 * which drops what the archive is about to create (`--clean --if-exists`).
 */
export async function restoreWithPgRestore(databaseUrl: string, file: string, options: { force?: boolean } = {}): Promise<{ database: string; entries: number }> {
  const target = pgToolTarget(databaseUrl);
  if (!fs.existsSync(file)) throw new BackupError(`Cannot read ${file}: no such file.`);
  const list = await runTool("pg_restore", ["--list", file]);
  if (list.code !== 0) {
    const newer = /unsupported version .* in file header/.test(list.stderr) ? " — made by a newer pg_dump: use the pg_restore of that version or newer" : "";
    throw new BackupError(`${file} is not a pg_dump archive that pg_restore can read (${toolMessage("pg_restore", list.stderr)}${newer}); nothing was restored.`);
  }
  const entries = list.stdout.split("\n").filter((l) => /^\d+;/.test(l)).length;
  const present = await withPgDb(databaseUrl, userObjects);
  if (present.length && !options.force) {
    const shown = present.slice(0, 5).join(", ") + (present.length > 5 ? ` and ${present.length - 5} more` : "");
    throw new BackupError(
      `The database ${target.database} is not empty (${shown}); nothing was restored. Restore into a new empty database (createdb), or add --force to drop and replace everything the backup holds.`,
    );
  }
  const args = [...PG_RESTORE_ARGS, ...(options.force ? ["--clean", "--if-exists"] : []), `--dbname=${target.dbname}`, file];
  const result = await runTool("pg_restore", args, target.env);
  if (result.code !== 0) {
    throw new BackupError(`pg_restore failed (exit code ${result.code}): ${toolMessage("pg_restore", result.stderr)}; it ran in one transaction, so nothing was restored.`);
  }
  return { database: target.database, entries };
}
