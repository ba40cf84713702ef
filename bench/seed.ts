// A realistic published archive for benchmarks, written into the database the
// app uses (PGlite in DATA_DIR, taking its lock — refused while a server holds
// the directory — or the server in DATABASE_URL):
//
//   npm run bench:seed -- --issues 2000 --articles-per-issue 10 [--publications 3]
//
// Several publications, the seed's units plus more, one contributor per unit
// and an editor and a contributor who can sign in (bench-editor@bench.local,
// bench-contributor@bench.local; password BENCH_EDITOR_PASSWORD or "Load-test-pw-2026"), issues with sections, articles made of the seed's
// paragraphs reshuffled (lib/seed/parse-seed.ts), two revisions each (原稿 and
// the copy-edit), their events, and the published snapshot and search rows
// written by the very code publishing uses (buildSnapshot, indexIssueSnapshot).
// Rows are inserted in batches; snapshots are built per issue, a chunk of
// issues per transaction. Not part of `npm test`.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { closeDb, configFromEnv, openDb, setDbHandle, type Db } from "@/db";
import { migrateDb } from "@/db/migrate";
import { articleEvents, articleRevisions, articles, issueSnapshots, issues, placements, publications, sections, units, users } from "@/db/schema";
import { systemViewer } from "@/lib/auth/permissions";
import { buildSnapshot, type IssueSnapshot } from "@/lib/issues/snapshot";
import { indexIssueSnapshot } from "@/lib/search/search";
import { parseSeed } from "@/lib/seed/parse-seed";
import { createUser } from "@/lib/users/users";

export const BENCH_EDITOR_EMAIL = "bench-editor@bench.local";
export const BENCH_CONTRIBUTOR_EMAIL = "bench-contributor@bench.local";
export const benchEditorPassword = () => process.env.BENCH_EDITOR_PASSWORD || "Load-test-pw-2026";

export interface SeedOptions {
  issues: number;
  articlesPerIssue: number;
  publications: number;
  log?: (line: string) => void;
}

export interface SeedResult {
  publications: string[];
  issues: number;
  articles: number;
  seconds: number;
  /** One published issue per publication, newest first: what a page benchmark requests. */
  sample: { slug: string; year: number; number: number; articleId: number }[];
}

/** A small deterministic generator, so every run builds the same archive. */
export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PUBLICATIONS = [
  { slug: "sdtp", name: "山东脱贫攻坚简报", issuingBody: "宣传信息组" },
  { slug: "fzjb", name: "法治建设简报", issuingBody: "综合协调组" },
  { slug: "xczx", name: "乡村振兴工作简报", issuingBody: "办公室" },
  { slug: "jkfp", name: "健康扶贫简报", issuingBody: "政策法规处" },
  { slug: "cyfp", name: "产业扶贫简报", issuingBody: "产业发展处" },
];
const MORE_UNITS = ["济南市扶贫办", "青岛市扶贫办", "菏泽市扶贫办", "临沂市扶贫办", "德州市扶贫办", "省财政厅", "省卫生计生委", "省民政厅", "省农业厅"];
const EXTRA_HEADINGS = ["工作动态", "经验交流", "基层风采", "典型案例"];
const BATCH = 500;

async function insertBatched<T>(items: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += BATCH) await insert(items.slice(i, i + BATCH));
}

const doc = (paragraphs: string[]): JSONContent => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

/** Writes the archive into `db` (already migrated and installed as the process-wide database). */
export async function seedArchive(db: Db, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  // Publications this database does not have yet (the demo's sdtp, an earlier run's).
  const taken = new Set((await db.select({ slug: publications.slug }).from(publications)).map((p) => p.slug));
  const pubDefs = PUBLICATIONS.filter((p) => !taken.has(p.slug)).slice(0, Math.max(1, options.publications));
  if (!pubDefs.length) throw new Error(`This database already holds the publications ${PUBLICATIONS.map((d) => d.slug).join(", ")}: seed an empty database.`);
  const seed = parseSeed(fs.readFileSync(path.join(process.cwd(), "db", "seed", "shandong-2017-88.txt"), "utf8"));
  const seedArticles = seed.sections.flatMap((s) => s.articles);
  const paragraphs = seedArticles.flatMap((a) => a.paragraphs);
  const titles = seedArticles.map((a) => a.titleLines);
  const headings = [...seed.sections.map((s) => s.heading).filter((h): h is string => !!h), ...EXTRA_HEADINGS];
  const rand = prng(225);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const shuffled = <T>(xs: readonly T[]) => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };

  // Units (the seed's attributions and more), one contributor each, an editor who can sign in.
  const unitNames = [...new Set([...seedArticles.map((a) => a.attribution), ...MORE_UNITS])];
  await db.insert(units).values(unitNames.map((name) => ({ name }))).onConflictDoNothing();
  const unitRows = (await db.select({ id: units.id, name: units.name }).from(units)).filter((u) => unitNames.includes(u.name));
  const authors = await db
    .insert(users)
    .values(unitRows.map((u) => ({ email: `bench-unit${u.id}@bench.local`, name: `供稿人${u.id}`, role: "contributor" as const, unitId: u.id, passwordHash: "!" })))
    .onConflictDoNothing()
    .returning({ id: users.id, unitId: users.unitId });
  const authorOf = new Map(authors.map((a) => [a.unitId!, a.id]));
  const editor = await createUser(systemViewer("bench-seed"), { email: BENCH_EDITOR_EMAIL, name: seed.editor, role: "editor", password: benchEditorPassword() }).catch(
    async () => (await db.select().from(users).where(sql`${users.email} = ${BENCH_EDITOR_EMAIL}`))[0]!,
  );
  // A contributor who can sign in too, for benchmarks that write through the API.
  await createUser(systemViewer("bench-seed"), { email: BENCH_CONTRIBUTOR_EMAIL, name: "供稿人", role: "contributor", unit: unitRows[0]!.name, password: benchEditorPassword() }).catch(() => undefined);
  // The benchmarks publish through the API and time it: without 签发 in the way (it has tests of its own).
  const pubRows = await db.insert(publications).values(pubDefs.map((p) => ({ ...p, printRecipients: "省扶贫开发领导小组成员", printCopies: 120, requiresSignoff: false }))).returning();

  // Issues: spread over the publications, about 50 a year each, ending this year.
  const perPub = Math.ceil(options.issues / pubRows.length);
  const perYear = Math.max(50, Math.ceil(perPub / 12));
  const lastYear = new Date().getUTCFullYear() - 1;
  const issueValues = Array.from({ length: options.issues }, (_, i) => {
    const pub = pubRows[i % pubRows.length]!;
    const k = Math.floor(i / pubRows.length); // k-th issue of this publication
    const years = Math.ceil(perPub / perYear);
    const year = lastYear - years + 1 + Math.floor(k / perYear);
    const number = (k % perYear) + 1;
    const publishedAt = new Date(Date.UTC(year, 0, 2, 2, 12) + (number - 1) * Math.floor(360 / perYear) * 86_400_000);
    return {
      publicationId: pub.id,
      year,
      number,
      totalNumber: k + 1,
      status: "published" as const,
      publishedAt,
      source: rand() < 0.8 ? null : pub.issuingBody,
      editorName: seed.editor,
      note: rand() < 0.1 ? "按语：" + pick(paragraphs).slice(0, 60) : null,
      version: 3,
    };
  });
  const issueRows: { id: number; publicationId: number; publishedAt: Date }[] = [];
  await insertBatched(issueValues, async (chunk) => {
    issueRows.push(...(await db.insert(issues).values(chunk).returning({ id: issues.id, publicationId: issues.publicationId, publishedAt: issues.publishedAt })).map((r) => ({ ...r, publishedAt: r.publishedAt! })));
  });
  log(`  ${issueRows.length} issues`);

  // Sections: 1–3 per issue, from the seed's headings.
  const sectionValues = issueRows.flatMap((issue) =>
    shuffled(headings)
      .slice(0, 1 + Math.floor(rand() * 3))
      .map((heading, position) => ({ issueId: issue.id, position, heading })),
  );
  const sectionRows: { id: number; issueId: number }[] = [];
  await insertBatched(sectionValues, async (chunk) => {
    sectionRows.push(...(await db.insert(sections).values(chunk).returning({ id: sections.id, issueId: sections.issueId })));
  });
  const sectionsOf = new Map<number, number[]>();
  for (const s of sectionRows) sectionsOf.set(s.issueId, [...(sectionsOf.get(s.issueId) ?? []), s.id]);

  // Articles with their revisions, events and placements, an issue at a time in batches.
  let articleCount = 0;
  let snapshotMs = 0;
  let indexMs = 0;
  let lastLog = Date.now();
  for (let i = 0; i < issueRows.length; i += 50) {
    const batch = issueRows.slice(i, i + 50);
    const drafts = batch.flatMap((issue) =>
      Array.from({ length: options.articlesPerIssue }, (_, position) => {
        const unit = pick(unitRows);
        const body = shuffled(paragraphs).slice(0, 3 + Math.floor(rand() * 5));
        const titleLines = pick(titles);
        const title = [`${unit.name.replace(/(市扶贫办|省)/, "")}${titleLines[0]}`, ...titleLines.slice(1)].join("\n");
        const secs = sectionsOf.get(issue.id) ?? [];
        // The first article leads, before the first section (as in the seed).
        const sectionId = position === 0 || !secs.length ? null : secs[Math.min(secs.length - 1, Math.floor(((position - 1) * secs.length) / Math.max(1, options.articlesPerIssue - 1)))]!;
        const submittedAt = new Date(issue.publishedAt.getTime() - (3 + Math.floor(rand() * 10)) * 86_400_000);
        return { issue, unit, body, title, sectionId, position, submittedAt, author: authorOf.get(unit.id) ?? editor.id };
      }),
    );
    const rows = await db
      .insert(articles)
      .values(
        drafts.map((d) => ({
          unitId: d.unit.id,
          authorId: d.author,
          publicationId: d.issue.publicationId,
          title: d.title,
          body: doc(d.body),
          attribution: d.unit.name,
          status: "published" as const,
          version: 2,
          submittedAt: d.submittedAt,
          createdAt: d.submittedAt,
          updatedAt: d.issue.publishedAt,
        })),
      )
      .returning({ id: articles.id });
    const withIds = drafts.map((d, k) => ({ ...d, id: rows[k]!.id }));
    await db.insert(articleRevisions).values(
      withIds.flatMap((d) => [
        // 原稿: as submitted, with the paragraphs in another order; then the editor's copy-edit.
        { articleId: d.id, version: 1, title: d.title, body: doc([...d.body].reverse()), attribution: d.unit.name, authorId: d.author, createdAt: d.submittedAt },
        { articleId: d.id, version: 2, title: d.title, body: doc(d.body), attribution: d.unit.name, authorId: editor.id, createdAt: new Date(d.submittedAt.getTime() + 86_400_000) },
      ]),
    );
    const day = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
    await db.insert(articleEvents).values(
      withIds.flatMap((d) => [
        { articleId: d.id, type: "created", fromStatus: null, toStatus: "draft", actorId: d.author, createdAt: day(d.submittedAt, -0.1) },
        { articleId: d.id, type: "submitted", fromStatus: "draft", toStatus: "submitted", actorId: d.author, createdAt: d.submittedAt },
        { articleId: d.id, type: "accepted", fromStatus: "submitted", toStatus: "accepted", actorId: editor.id, createdAt: day(d.submittedAt, 1) },
        // Dated with the issue, as publishIssueInTx does.
        { articleId: d.id, type: "published", fromStatus: "accepted", toStatus: "published", actorId: editor.id, createdAt: d.issue.publishedAt },
      ]),
    );
    await db.insert(placements).values(withIds.map((d) => ({ issueId: d.issue.id, sectionId: d.sectionId, articleId: d.id, position: d.position })));
    articleCount += withIds.length;

    // Snapshots and search rows exactly as publishing writes them.
    const t0 = performance.now();
    await db.transaction(async (tx) => {
      const snapshots: IssueSnapshot[] = [];
      for (const issue of batch) snapshots.push(await buildSnapshot(tx, issue.id, issue.publishedAt));
      await tx.insert(issueSnapshots).values(snapshots.map((content) => ({ issueId: content.issueId, content, reason: "publish", createdById: editor.id, createdAt: new Date(content.publishedAt) })));
      const t1 = performance.now();
      snapshotMs += t1 - t0;
      for (const s of snapshots) await indexIssueSnapshot(tx, s);
      indexMs += performance.now() - t1;
    });
    if (Date.now() - lastLog > 5_000) {
      log(`  ${Math.min(i + 50, issueRows.length)} issues, ${articleCount} articles published`);
      lastLog = Date.now();
    }
  }
  log(`  building snapshots ${(snapshotMs / 1000).toFixed(1)} s, search index ${(indexMs / 1000).toFixed(1)} s`);
  // What autovacuum would do on a live database.
  await db.execute(sql`analyze`);

  const sample = [];
  for (const pub of pubRows) {
    const [row] = await db.execute(sql`
      select i.year, i.number, p.article_id as "articleId" from issues i join placements p on p.issue_id = i.id
      where i.publication_id = ${pub.id} and i.status = 'published' order by i.year desc, i.number desc, p.position limit 1`).then(
      (r) => (r as unknown as { rows: { year: number; number: number; articleId: number }[] }).rows,
    );
    if (row) sample.push({ slug: pub.slug, ...row });
  }
  return { publications: pubRows.map((p) => p.slug), issues: issueRows.length, articles: articleCount, seconds: (performance.now() - started) / 1000, sample };
}

function argValue(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} needs a positive whole number`);
    process.exit(2);
  }
  return n;
}

async function main() {
  const args = process.argv.slice(2);
  const options: SeedOptions = {
    issues: argValue(args, "--issues", 2000),
    articlesPerIssue: argValue(args, "--articles-per-issue", 10),
    publications: argValue(args, "--publications", 3),
    log: (line) => console.log(line),
  };
  const config = configFromEnv();
  console.log(
    `bench:seed: ${options.issues} issues × ${options.articlesPerIssue} articles into ${config.kind === "pg" ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${config.kind === "pglite" ? config.dataDir : "memory"}`}`,
  );
  // Takes the data-directory lock: refused while a server holds it.
  const handle = await openDb(config, "bench-seed");
  setDbHandle(handle);
  try {
    await migrateDb(handle);
    const result = await seedArchive(handle.db, options);
    console.log(`seeded ${result.issues} issues, ${result.articles} articles in ${result.seconds.toFixed(1)} s (${result.publications.join(", ")})`);
    console.log(`sign-ins: ${BENCH_EDITOR_EMAIL}, ${BENCH_CONTRIBUTOR_EMAIL} / password from BENCH_EDITOR_PASSWORD (default "Load-test-pw-2026")`);
    console.log(`BENCH_SAMPLE ${JSON.stringify(result.sample)}`);
  } finally {
    await closeDb();
  }
}

if (process.argv[1] && path.basename(process.argv[1]).startsWith("seed")) {
  main().catch((e) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
