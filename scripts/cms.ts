// The operator CLI: `npm run cms -- <command>`. It opens the database itself,
// so with embedded PGlite it refuses to run while a server holds ./data.
import { parseArgs } from "node:util";
import { configFromEnv, openDb, setDbHandle, closeDb } from "@/db";
import { DataDirLockedError } from "@/db/lock";
import { migrateDb } from "@/db/migrate";
import { systemViewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { createUser, findUserByEmail, setUserPassword } from "@/lib/users/users";
import { randomPassword } from "@/lib/users/passwords";
import { createApiToken } from "@/lib/auth/tokens";

const USAGE = `Usage: npm run cms -- <command> [options]

Commands:
  user create --email E --name N --role admin|editor|contributor [--unit UNIT] [--password P]
      Creates a user. Without --password a random one is printed once.
  user passwd --email E [--password P]
      Sets a new password (random and printed when --password is omitted).
  token create --email E [--name NAME]
      Creates an API token for the user and prints it once.

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
      help: { type: "boolean", short: "h" },
    },
  });
  const command = positionals.join(" ");
  if (values.help || !command) throw new UsageError("");
  const known = ["user create", "user passwd", "token create"];
  if (!known.includes(command)) throw new UsageError(`unknown command: ${command}`);
  // Check the arguments before opening the database.
  const email = option(values, "email")!;
  if (command === "user create") {
    option(values, "name");
    const role = option(values, "role")!;
    if (!["admin", "editor", "contributor"].includes(role)) throw new UsageError(`--role must be admin, editor or contributor`);
  }

  const handle = await openDb(configFromEnv(), "cli");
  setDbHandle(handle);
  await migrateDb(handle);
  const cli = systemViewer("cli");
  if (command === "user create") {
    const password = option(values, "password", false) ?? randomPassword();
    const user = await createUser(cli, {
      email,
      name: option(values, "name")!,
      role: option(values, "role") as "admin" | "editor" | "contributor",
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
    if (!user) throw new AppError("not_found", `没有邮箱为 ${email} 的用户`);
    const { token } = await createApiToken(cli, user.id, option(values, "name", false) ?? "CLI");
    console.log(`API token for ${user.email} (shown once):\n${token}`);
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
