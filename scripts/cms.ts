// The operator CLI: `npm run cms -- <command>`. It opens the database itself,
// so with embedded PGlite it refuses to run while a server holds ./data.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { configFromEnv, openDb, setDbHandle, closeDb } from "@/db";
import { DataDirLockedError } from "@/db/lock";
import { ROLES, type Role } from "@/db/schema";
import { migrateDb } from "@/db/migrate";
import { systemViewer } from "@/lib/auth/permissions";
import { AppError, msg } from "@/lib/errors";
import { createUser, findUserByEmail, setUserPassword } from "@/lib/users/users";
import { randomPassword } from "@/lib/users/passwords";
import { createApiToken } from "@/lib/auth/tokens";
import { backupDatabase, BackupError, readBackupHeader, restoreDatabase, type BackupHeader } from "@/lib/backup/backup";
import { backupWithPgDump, restoreWithPgRestore } from "@/lib/backup/pg-dump";
import { verifyAuditChain } from "@/lib/audit/verify";

const USAGE = `Usage: npm run cms -- <command> [options]

Commands:
  user create --email E [--name N] --role admin|editor|signer|contributor|sysadmin|secadmin|auditadmin [--unit UNIT] [--password P]
      Creates a user. Without --password a random one is printed once.
  user passwd --email E [--password P]
      Sets a new password (random and printed when --password is omitted).
  token create --email E [--name NAME]
      Creates an API token for the user and prints it once.
  audit verify
      Checks the audit log's hash chain and names the first broken row (exit 1).
  backup FILE
      Writes a consistent backup of all data to FILE (gzip-compressed JSON lines),
      readable by PGlite and PostgreSQL alike.
  restore FILE [--force]
      Loads a backup into an empty database, all or nothing. --force first deletes
      all data already there (in the same transaction).
  backup --pg-dump FILE
      PostgreSQL only: runs pg_dump (custom format, no owners or grants) into FILE,
      a standard archive that pg_restore also reads directly.
  restore --pg-dump FILE [--force]
      PostgreSQL only: runs pg_restore into the database, in one transaction. It
      refuses a database that holds anything; --force drops and replaces what the
      archive holds (pg_restore --clean --if-exists).

The database is DATABASE_URL when set, else the embedded one in DATA_DIR (./data).`;

class UsageError extends Error {}

function option(values: Record<string, string | boolean | undefined>, name: string, required = true): string | undefined {
  const v = values[name];
  if (typeof v === "string" && v.trim()) return v.trim();
  if (required) throw new UsageError(`missing --${name}`);
  return undefined;
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      unit: { type: "string" },
      password: { type: "string" },
      force: { type: "boolean" },
      "pg-dump": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || !positionals.length) throw new UsageError("");
  const [verb, ...rest] = positionals;
  if (verb === "backup" || verb === "restore") {
    if (rest.length !== 1) throw new UsageError(`${verb} takes exactly one FILE`);
    if (values.force && verb === "backup") throw new UsageError("--force goes with restore only");
    if (values["pg-dump"]) return runPgDump(verb, rest[0]!, values.force === true);
    return verb === "backup" ? runBackup(rest[0]!) : runRestore(rest[0]!, values.force === true);
  }
  if (positionals.join(" ") === "audit verify") return runAuditVerify();
  if (values.force) throw new UsageError("--force goes with restore only");
  if (values["pg-dump"]) throw new UsageError("--pg-dump goes with backup and restore only");
  const command = positionals.join(" ");
  const known = ["user create", "user passwd", "token create"];
  if (!known.includes(command)) throw new UsageError(`unknown command: ${command}`);
  // Check the arguments before opening the database.
  const email = option(values, "email")!;
  if (command === "user create") {
    const role = option(values, "role")!;
    if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
  }

  const handle = await openDb(configFromEnv(), "cli");
  setDbHandle(handle);
  await migrateDb(handle);
  const cli = systemViewer("cli");
  if (command === "user create") {
    const password = option(values, "password", false) ?? randomPassword();
    const user = await createUser(cli, {
      email,
      // The name shown on desks and in the audit log; the email's local part until an administrator sets it.
      name: option(values, "name", false) ?? email.split("@")[0]!,
      role: option(values, "role") as Role,
      unit: option(values, "unit", false),
      password,
    });
    console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
    if (!values.password) console.log(`Password (shown once): ${password}`);
  } else if (command === "user passwd") {
    const password = option(values, "password", false) ?? randomPassword();
    await setUserPassword(cli, email, password);
    console.log(`Password of ${email} changed.`);
    if (!values.password) console.log(`New password (shown once): ${password}`);
  } else if (command === "token create") {
    const user = await findUserByEmail(email);
    if (!user) throw new AppError("not_found", msg("user.noUserWithEmail", { email }));
    const { token } = await createApiToken(cli, user.id, option(values, "name", false) ?? "CLI");
    console.log(`API token for ${user.email} (shown once):\n${token}`);
  }
}

const sizeOf = (header: BackupHeader) =>
  `${Object.values(header.tables).reduce((a, b) => a + b, 0)} rows of ${Object.keys(header.tables).length} tables`;

/** `audit verify`: walks the hash chain of the audit log (read only; migrates first, like the other commands). */
async function runAuditVerify() {
  const handle = await openDb(configFromEnv(), "cli audit verify");
  setDbHandle(handle);
  await migrateDb(handle);
  const result = await verifyAuditChain(handle.db);
  if (result.ok) {
    console.log(`Audit log intact: ${result.rows} rows, hash chain unbroken.`);
    return;
  }
  const b = result.firstBroken!;
  console.error(`Audit log BROKEN at row id ${b.id} (chain_seq ${b.chainSeq ?? "none"}): ${b.reason}. ${result.rows} rows before it are intact.`);
  process.exitCode = 1;
}

/** `backup FILE`: reads the database as it is; it does not migrate it. */
async function runBackup(file: string) {
  const config = configFromEnv();
  if (config.kind === "pglite" && !fs.existsSync(path.join(config.dataDir, "pgdata", "PG_VERSION"))) {
    throw new BackupError(`There is no database in ${config.dataDir} to back up (set DATA_DIR or DATABASE_URL).`);
  }
  const handle = await openDb(config, "cli backup");
  setDbHandle(handle);
  const header = await backupDatabase(handle.db, file);
  console.log(`Backed up ${sizeOf(header)} to ${path.resolve(file)} (${header.bytes} bytes, migration ${header.migration}).`);
}

/** `restore FILE [--force]`: migrates the target first, so a new empty database can take the backup. */
async function runRestore(file: string, force: boolean) {
  await readBackupHeader(file); // a missing or foreign file fails before the database is opened
  const handle = await openDb(configFromEnv(), "cli restore");
  setDbHandle(handle);
  await migrateDb(handle);
  const header = await restoreDatabase(handle.db, file, { force });
  console.log(`Restored ${sizeOf(header)} from ${path.resolve(file)} (made ${header.createdAt}); row counts match the backup.`);
}

/** `backup|restore --pg-dump FILE`: the PostgreSQL client tools, against DATABASE_URL only. */
async function runPgDump(verb: "backup" | "restore", file: string, force: boolean) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new UsageError(
      `${verb} --pg-dump needs PostgreSQL: set DATABASE_URL. The embedded PGlite has no pg_dump form; use \`${verb} FILE\` without --pg-dump (the logical backup).`,
    );
  }
  if (verb === "backup") {
    const { database, bytes } = await backupWithPgDump(url, file);
    console.log(`Backed up database ${database} with pg_dump (custom format) to ${path.resolve(file)} (${bytes} bytes).`);
  } else {
    const { database, entries } = await restoreWithPgRestore(url, file, { force });
    console.log(`Restored ${entries} archive entries from ${path.resolve(file)} into database ${database} with pg_restore, in one transaction.`);
  }
}

run(process.argv.slice(2))
  .then(() => closeDb())
  .then(() => process.exit(0))
  .catch(async (e: unknown) => {
    await closeDb().catch(() => {});
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      if ((e as Error).message) console.error(`error: ${(e as Error).message}\n`);
      console.error(USAGE);
      process.exit(2);
    }
    if (e instanceof BackupError) {
      console.error(`error: ${e.message}`);
      process.exit(1);
    }
    if (e instanceof DataDirLockedError) {
      console.error(`error: ${e.message}`);
      process.exit(3);
    }
    if (e instanceof AppError) {
      const fields = e.fields ? Object.entries(e.fields).map(([k, v]) => `  --${k}: ${v.join(", ")}`) : [];
      console.error([`error: ${e.message}`, ...fields].join("\n"));
      process.exit(1);
    }
    console.error(e);
    process.exit(1);
  });
