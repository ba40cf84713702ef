// Applies the committed SQL migrations in drizzle/ (the same on both drivers).
import path from "node:path";
import type { DbHandle } from "./index";

export class MigrationError extends Error {
  constructor(cause: unknown) {
    const detail = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    super(`Database migration failed: ${detail}. The database was left as it was before this migration; fix the cause and start again.`);
    this.name = "MigrationError";
    this.cause = cause;
  }
}

export function migrationsFolder() {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");
}

export async function migrateDb(handle: DbHandle, folder = migrationsFolder()): Promise<void> {
  try {
    if (handle.kind === "pg") {
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await migrate(handle.db as any, { migrationsFolder: folder });
    } else {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await migrate(handle.db as any, { migrationsFolder: folder });
    }
  } catch (e) {
    throw new MigrationError(e);
  }
}
