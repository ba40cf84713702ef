// Crash safety of the embedded database. A process that opens a data
// directory as a server does (testing/crash-writer.ts: the lock, migrations,
// the demo) writes in a loop — articles created, submitted and accepted,
// issues laid out, signed and published, through the services the API calls —
// and is killed with SIGKILL at a random moment, four times over the same
// directory. Then: the directory opens (its stale lock recovered), every
// write the process had acknowledged is there with its audit entry, and every
// issue the database holds as published is whole for readers, with the
// articles it was published with: nothing half-published.
//
// PGlite only: PostgreSQL has its own crash safety. (Until 2026-12 this ran in
// Playwright against `next start`; five starts of the whole server cost about
// 40 s of CPU for what the database layer alone decides — the route handlers
// only call these services and answer after they return.)
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, openDb, setDbHandle, schema } from "@/db";
import { getArticle } from "@/lib/articles/articles";
import { listAuditEntries } from "@/lib/audit/audit-log";
import { getReaderIssue } from "@/lib/issues/reader";
import { bundleScript } from "@/scripts/bundle-server";
import type { CrashAck } from "./crash-writer";
import { demoViewers } from "./demo-viewers";

const CYCLES = 4;
const ORDER = ["draft", "submitted", "accepted", "published"];

interface Acknowledged {
  articles: Map<number, { title: string; status: "draft" | "submitted" | "accepted" }>;
  published: Map<number, { year: number; number: number; articleIds: number[] }>;
}

/** Writers still running: killed in afterAll if a failure or a timeout left one behind. */
const running = new Set<ChildProcess>();

/**
 * Runs the writer on `dataDir`, kills it at a random moment, records what it
 * acknowledged. The moment is counted in the writer's own progress, not in
 * seconds, so that a busy machine cannot leave a cycle without writes: after
 * its first published issue and 0–12 more acknowledgements, then 0–250 ms —
 * so the kill lands anywhere in the loop, inside a transaction or between two.
 */
async function writeAndKill(writer: string, dataDir: string, cycle: number, ack: Acknowledged): Promise<void> {
  const child: ChildProcess = spawn(process.execPath, [writer], {
    cwd: process.cwd(),
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", DEMO_PASSWORD: "crash-demo-password", CRASH_CYCLE: String(cycle) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.on("exit", () => running.delete(child));
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  let pending = "";
  let published = false;
  let after = Math.floor(Math.random() * 13);
  let due: () => void = () => {};
  const isDue = new Promise<void>((resolve) => (due = resolve));
  child.stdout!.on("data", (d: Buffer) => {
    pending += d.toString();
    const lines = pending.split("\n");
    pending = lines.pop()!; // a line cut by the kill was never acknowledged
    for (const line of lines) {
      const a = JSON.parse(line) as CrashAck;
      if ("ready" in a) continue;
      if ("article" in a) ack.articles.set(a.article, { title: a.title, status: a.status });
      else {
        ack.published.set(a.published, { year: a.year, number: a.number, articleIds: a.articleIds });
        published = true;
      }
      if (published && after-- <= 0) due();
    }
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("close", (code, signal) => resolve(signal ?? code)));
  const outcome = await Promise.race([isDue.then(() => "due" as const), exited]);
  if (outcome !== "due") throw new Error(`the writer of cycle ${cycle} stopped before it had published (${String(outcome)}):\n${stderr}`);
  await new Promise((r) => setTimeout(r, Math.random() * 250));
  child.kill("SIGKILL");
  expect(await exited, `the writer of cycle ${cycle} was still writing when killed:\n${stderr}`).toBe("SIGKILL");
}

describe.skipIf(Boolean(process.env.DATABASE_URL))("crash safety of the embedded database", () => {
  let tmp = "";
  let writer = "";
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cms-crash-"));
    // Inside the project, so that the packages it leaves outside resolve from node_modules.
    writer = path.join(fs.mkdtempSync(path.join(process.cwd(), "node_modules", ".cms-crash-")), "writer.cjs");
    // It runs the services as Next's server bundle would, where `server-only` is allowed (as in Vitest).
    bundleScript(path.join(process.cwd(), "testing", "crash-writer.ts"), writer, process.cwd(), { "server-only": path.join(process.cwd(), "node_modules", "server-only", "empty.js") });
  });
  afterAll(async () => {
    for (const child of running) child.kill("SIGKILL");
    await closeDb();
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(path.dirname(writer), { recursive: true, force: true });
  });

  it("SIGKILL at random moments loses no acknowledged write and leaves no half-published issue", { timeout: 300_000 }, async () => {
    const dataDir = path.join(tmp, "data");
    const ack: Acknowledged = { articles: new Map(), published: new Map() };
    // Checked once at the end, after every kill: a write acknowledged in the first cycle must survive all four.
    for (let cycle = 1; cycle <= CYCLES; cycle++) await writeAndKill(writer, dataDir, cycle, ack);

    // Opens as a restarted server would: the last writer's lock is stale.
    setDbHandle(await openDb({ kind: "pglite", dataDir }, "server"));
    const [editor, admin] = await demoViewers("editor@demo.local", "admin@demo.local");
    for (const [id, a] of ack.articles) {
      const article = await getArticle(editor, id);
      expect(article.title).toBe(a.title);
      // At least the acknowledged status (a later, unacknowledged step may have committed too).
      expect(ORDER.indexOf(article.status), `article ${id} status ${article.status} ≥ ${a.status}`).toBeGreaterThanOrEqual(ORDER.indexOf(a.status));
      const audit = await listAuditEntries(admin, { action: "article.create", targetType: "article", targetId: String(id) });
      expect(audit.entries, `audit entry for article ${id}`).toHaveLength(1);
    }
    // Every issue the database says is published is whole: acknowledged or not.
    const published = await (await getDb())
      .select({ id: schema.issues.id, year: schema.issues.year, number: schema.issues.number })
      .from(schema.issues)
      .innerJoin(schema.publications, eq(schema.publications.id, schema.issues.publicationId))
      .where(and(eq(schema.publications.slug, "sdtp"), gt(schema.issues.year, 2050), eq(schema.issues.status, "published")));
    for (const i of published) {
      const { snapshot } = await getReaderIssue("sdtp", i.year, i.number);
      expect(snapshot.sections.flatMap((s) => s.articles).length, `issue ${i.year}/${i.number} has its articles`).toBeGreaterThan(0);
    }
    for (const [id, p] of ack.published) {
      expect(published.map((i) => i.id), `acknowledged publish of issue ${id}`).toContain(id);
      const { snapshot } = await getReaderIssue("sdtp", p.year, p.number);
      expect(snapshot.sections.flatMap((s) => s.articles.map((a) => a.id))).toEqual(p.articleIds);
      const audit = await listAuditEntries(admin, { action: "issue.publish", targetType: "issue", targetId: String(id) });
      expect(audit.entries, `audit entry for publishing issue ${id}`).toHaveLength(1);
    }
    // Not vacuous: every cycle published before its kill.
    expect(ack.articles.size).toBeGreaterThanOrEqual(CYCLES * 3);
    expect(ack.published.size).toBeGreaterThanOrEqual(CYCLES);
    console.log(`crash safety: ${CYCLES} SIGKILLs survived; ${ack.articles.size} acknowledged articles and ${ack.published.size} acknowledged publishes all present`);
  });
});
