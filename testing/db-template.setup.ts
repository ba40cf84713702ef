// Vitest globalSetup of the `db` project: migrates one in-memory PGlite once
// per run and hands its dump to every integration test file, which starts
// from it (≈ 0.8 s) instead of running initdb and the migrations (≈ 3 s).
// On PostgreSQL (DATABASE_URL set) each file still creates and migrates a
// database of its own: there initdb is not ours to skip, and the migrations
// take a fraction of a second.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDb } from "@/db";
import { migrateDb } from "@/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** A file holding the migrated PGlite's dump, or "" on PostgreSQL. */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("pgliteTemplate", "");
    return;
  }
  const handle = await openDb({ kind: "pglite-memory" });
  try {
    await migrateDb(handle);
    const dump = await handle.pglite!.dumpDataDir("none");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-test-template-"));
    const file = path.join(dir, "migrated.tar");
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("pgliteTemplate", file);
    return () => fs.rmSync(dir, { recursive: true, force: true });
  } finally {
    await handle.close();
  }
}
