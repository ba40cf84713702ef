// Readers and editors at once against `next start` on PostgreSQL: `npm run bench:load`.
//
//   npm run bench:load -- [--duration 60] [--readers 100] [--writers 5] [--issues 200]
//                         [--articles-per-issue 10] [--port 3272] [--pglite] [--build]
//
// Creates a fresh database `cms_load_<time>` on the server in DATABASE_URL
// (default postgres://postgres@127.0.0.1:5432/postgres) — or, with --pglite, a
// temporary DATA_DIR — seeds it with bench:seed (which migrates), adds an
// admin with the CLI and, through the API, an editor and a contributor (in a
// unit of its own) per writer, and starts `next start` on it. Then, for the
// duration, at the same time:
//
// - readers: autocannon with --readers connections cycling through issue
//   pages, article permalinks, print views, home, archives, Atom feeds and
//   Chinese searches; requests/s, p50/p95/p99 and counts by status class;
// - writers: --writers loops, each its own contributor and editor, that
//   create an article, save it a few times (PATCH with `version`), submit it,
//   race two editor saves on one version and two accepts (one must win, the
//   other answer 409), and every few articles create an issue in the same
//   publication (all writers race for numbers), lay it out, set the editor
//   and publish. Every acknowledged (2xx) write is recorded.
//
// Afterwards every acknowledged article must be there with its last
// acknowledged title, body marker and at least its acknowledged status; every
// acknowledged publish must answer 200 on its reader page and list exactly its
// articles in the API; no two issues may share a number (SQL). Prints tables,
// samples the next-server's RSS, writes bench/results/load-<time>.json, always
// drops the database (also on failure and Ctrl-C), and exits 1 on any 5xx,
// connection error, unexpected answer or lost write. Not part of `npm test`;
// run it through the heavy-work lock on a shared machine.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { executeRows, openDb, type DbConfig } from "@/db";
import { benchEditorPassword } from "./seed";
import { api, arg, call, ensureBuild, get, prepareDatabase, root, rssMb, runMain, sampleRss, seedDatabase, signIn, sleep, startNext, stopChildren, tsxBin } from "./server";

const DURATION = arg("--duration", 60);
const READERS = arg("--readers", 100);
const WRITERS = arg("--writers", 5);
const ISSUES = arg("--issues", 200);
const PER_ISSUE = arg("--articles-per-issue", 10);
const PORT = arg("--port", 3272);
const PGLITE = process.argv.includes("--pglite");
/** Contributor saves per article (each a PATCH with the version it last got). */
const SAVES = 3;
/** Accepted articles per issue a writer publishes. */
const ISSUE_ARTICLES = 3;
const SEARCHES = ["插花贫困户", "法律援助", "八个精准", "脱贫攻坚", "扶贫资金"];
const ADMIN_EMAIL = "bench-admin@bench.local";

type Status = "draft" | "submitted" | "accepted" | "published";
const RANK: Record<string, number> = { draft: 0, submitted: 1, accepted: 2, published: 3 };

/** An article as its last acknowledged write left it. */
interface AckArticle {
  id: number;
  writer: number;
  title: string;
  /** Unique text in the body of the last acknowledged save. */
  marker: string;
  status: Status;
}

interface AckIssue {
  id: number;
  writer: number;
  year: number;
  number: number;
  totalNumber: number | null;
  articleIds: number[];
  published: boolean;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);
const ms = (n: number) => `${Math.round(n).toLocaleString("en")} ms`;

/** What the writers saw: latencies per operation, conflicts, and everything that must not happen. */
class WriteLog {
  latencies = new Map<string, number[]>();
  conflicts = new Map<string, number>();
  fiveXx: string[] = [];
  unexpected: string[] = [];
  networkErrors: string[] = [];
  /** Optimistic locking or a decision race let two writers win. */
  raceViolations: string[] = [];
  articles = new Map<number, AckArticle>();
  issues: AckIssue[] = [];

  /** One API call; answers null (after recording why) unless it is a 2xx, or a 409 where a race allows one. */
  async op<T>(name: string, method: string, url: string, token: string, body?: unknown, conflictExpected = false): Promise<{ status: number; json: T } | null> {
    const t0 = performance.now();
    let res: { status: number; json: T; text: string };
    try {
      res = await call<T>(method, url, token, body);
    } catch (e) {
      this.networkErrors.push(`${name} ${method} ${url}: ${(e as Error).message}`);
      return null;
    }
    const list = this.latencies.get(name) ?? [];
    list.push(performance.now() - t0);
    this.latencies.set(name, list);
    const what = `${name} ${method} ${new URL(url).pathname} → ${res.status}: ${res.text.slice(0, 200)}`;
    if (res.status >= 500) this.fiveXx.push(what);
    else if (res.status === 409) {
      this.conflicts.set(name, (this.conflicts.get(name) ?? 0) + 1);
      if (conflictExpected) return res;
      this.unexpected.push(what);
    } else if (res.status >= 400) this.unexpected.push(what);
    else return res;
    return null;
  }
}

interface Writer {
  index: number;
  contributor: string;
  editor: string;
}

const paragraph = (marker: string) => `<p>${marker}：坚持精准扶贫、精准脱贫基本方略，聚焦深度贫困地区和特殊贫困群体，扎实推进各项工作。</p><p>各级扶贫部门压实责任，强化督导，确保脱贫质量经得起检验。</p>`;

/** One article from creation to acceptance; answers its id once accepted, else null. */
async function writeArticle(log: WriteLog, base: string, w: Writer, k: number, deadline: number): Promise<number | null> {
  const tag = `LOAD-w${w.index}-a${k}`;
  const text = (rev: string) => ({ title: `压力测试稿件 ${tag} ${rev}`, html: paragraph(`${tag}-${rev}`) });
  const created = await log.op<{ id: number; version: number }>("create article", "POST", `${base}/api/v1/articles`, w.contributor, text("r0"));
  if (!created) return null;
  const { id } = created.json;
  const ack: AckArticle = { id, writer: w.index, title: text("r0").title, marker: `${tag}-r0`, status: "draft" };
  log.articles.set(id, ack);
  let version = created.json.version;
  const url = `${base}/api/v1/articles/${id}`;
  for (let s = 1; s <= SAVES; s++) {
    if (Date.now() > deadline) return null;
    const saved = await log.op<{ version: number }>("save article", "PATCH", url, w.contributor, { version, ...text(`r${s}`) });
    if (!saved) return null;
    Object.assign(ack, { title: text(`r${s}`).title, marker: `${tag}-r${s}` });
    version = saved.json.version;
  }
  const submitted = await log.op<{ version: number }>("submit", "POST", `${url}/submit`, w.contributor, {});
  if (!submitted) return null;
  ack.status = "submitted";
  version = submitted.json.version;
  if (Date.now() > deadline) return null;

  // Two tabs of the editor copy-edit from the same version: one save wins, the other is told (409).
  const edits = ["e1", "e2"];
  const race = await Promise.all(edits.map((rev) => log.op<{ version: number }>("editor save (race)", "PATCH", url, w.editor, { version, ...text(rev) }, true)));
  const won = race.flatMap((r, i) => (r && r.status < 300 ? [{ rev: edits[i]!, version: r.json.version }] : []));
  if (won.length > 1) log.raceViolations.push(`article ${id}: both saves from version ${version} were acknowledged`);
  if (won.length !== 1 || race.some((r) => !r)) return null;
  Object.assign(ack, { title: text(won[0]!.rev).title, marker: `${tag}-${won[0]!.rev}` });

  // Two accept clicks at once: one decision.
  const accepts = await Promise.all([0, 1].map(() => log.op("accept (race)", "POST", `${url}/accept`, w.editor, {}, true)));
  const accepted = accepts.filter((r) => r && r.status < 300).length;
  if (accepted > 1) log.raceViolations.push(`article ${id}: accepted twice`);
  if (accepted !== 1 || accepts.some((r) => !r)) return null;
  ack.status = "accepted";
  return id;
}

/** A new issue of the publication with these articles, laid out, signed and published. */
async function publishIssue(log: WriteLog, base: string, w: Writer, slug: string, articleIds: number[]) {
  const created = await log.op<{ id: number; year: number; number: number; totalNumber: number | null }>("create issue", "POST", `${base}/api/v1/issues`, w.editor, { publication: slug });
  if (!created) return;
  const issue: AckIssue = { ...created.json, writer: w.index, articleIds, published: false };
  log.issues.push(issue);
  const url = `${base}/api/v1/issues/${issue.id}`;
  const laid = await log.op<{ version: number }>("layout", "PUT", `${url}/layout`, w.editor, {
    sections: [
      { heading: null, articleIds: articleIds.slice(0, 1) },
      { heading: "工作动态", articleIds: articleIds.slice(1) },
    ],
  });
  if (!laid) return;
  const signed = await log.op("save issue", "PATCH", url, w.editor, { version: laid.json.version, editorName: "刘栋" });
  if (!signed) return;
  const published = await log.op("publish", "POST", `${url}/publish`, w.editor, {});
  if (!published) return;
  issue.published = true;
  for (const id of articleIds) log.articles.get(id)!.status = "published";
}

async function runWriter(log: WriteLog, base: string, w: Writer, slug: string, deadline: number) {
  const accepted: number[] = [];
  for (let k = 1; Date.now() < deadline; k++) {
    const id = await writeArticle(log, base, w, k, deadline);
    if (id === null) await sleep(200);
    else accepted.push(id);
    if (accepted.length >= ISSUE_ARTICLES && Date.now() < deadline) await publishIssue(log, base, w, slug, accepted.splice(0));
  }
}

/** Reader URLs: the seed's latest issues of each publication, their articles and print views, home, archives, feeds, searches. */
async function readerPaths(base: string, slugs: string[]): Promise<{ path: string; kind: string }[]> {
  const paths: { path: string; kind: string }[] = [{ path: "/", kind: "home" }];
  for (const slug of slugs) {
    paths.push({ path: `/p/${slug}`, kind: "archive" }, { path: `/p/${slug}/feed.xml`, kind: "Atom feed" });
    const { json: list } = await api<{ year: number; number: number }[]>("GET", `${base}/api/v1/publications/${slug}/issues`, null);
    for (const [i, { year, number }] of list.slice(0, 3).entries()) {
      const issuePath = `/p/${slug}/${year}/${number}`;
      paths.push({ path: issuePath, kind: "issue page" });
      if (i === 0) paths.push({ path: `${issuePath}/print`, kind: "print view" });
      const { json: issue } = await api<{ sections: { articles: { id: number }[] }[] }>("GET", `${base}/api/v1/publications/${slug}/issues/${year}/${number}`, null);
      for (const a of issue.sections.flatMap((s) => s.articles).slice(0, 2)) paths.push({ path: `${issuePath}/a/${a.id}`, kind: "article" });
    }
  }
  for (const q of SEARCHES) paths.push({ path: `/search?q=${encodeURIComponent(q)}`, kind: "search" });
  // Interleaved, so every connection moves between kinds rather than through one kind at a time.
  const byKind = new Map<string, { path: string; kind: string }[]>();
  for (const p of paths) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  const out: { path: string; kind: string }[] = [];
  for (let i = 0; out.length < paths.length; i++) for (const list of byKind.values()) if (list[i]) out.push(list[i]!);
  return out;
}

interface ReaderStats {
  kind: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  byClass: Record<string, number>;
}

function readerStats(kind: string, samples: { ms: number; status: number }[]): ReaderStats {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const byClass: Record<string, number> = {};
  for (const s of samples) byClass[`${Math.floor(s.status / 100)}xx`] = (byClass[`${Math.floor(s.status / 100)}xx`] ?? 0) + 1;
  return { kind, requests: samples.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), byClass };
}

/** After the run: every acknowledged write is there, as acknowledged. */
async function verify(log: WriteLog, base: string, writers: Writer[], slug: string): Promise<string[]> {
  const lost: string[] = [];
  for (const ack of log.articles.values()) {
    // Asked as its contributor: the one who sees it in every status, drafts included.
    const token = writers.find((w) => w.index === ack.writer)!.contributor;
    const { status, json } = await call<{ title: string; body: unknown; status: string }>("GET", `${base}/api/v1/articles/${ack.id}`, token);
    if (status !== 200) lost.push(`article ${ack.id}: GET answered ${status}`);
    else if (json.title !== ack.title.replace(/\n/g, "")) lost.push(`article ${ack.id}: title "${json.title}", acknowledged "${ack.title}"`);
    else if (!JSON.stringify(json.body).includes(`${ack.marker}：`)) lost.push(`article ${ack.id}: body lacks ${ack.marker}`);
    else if ((RANK[json.status] ?? -1) < RANK[ack.status]!) lost.push(`article ${ack.id}: status ${json.status}, acknowledged ${ack.status}`);
  }
  for (const issue of log.issues.filter((i) => i.published)) {
    const page = await get(`${base}/p/${slug}/${issue.year}/${issue.number}`);
    if (page.status !== 200) lost.push(`issue ${issue.year}/${issue.number}: reader page answered ${page.status}`);
    const { status, json } = await call<{ sections: { articles: { id: number }[] }[] }>("GET", `${base}/api/v1/publications/${slug}/issues/${issue.year}/${issue.number}`, null);
    const ids = status === 200 ? json.sections.flatMap((s) => s.articles.map((a) => a.id)) : [];
    if (ids.join(",") !== issue.articleIds.join(",")) lost.push(`issue ${issue.year}/${issue.number}: API ${status} lists [${ids}], published [${issue.articleIds}]`);
  }
  const numbers = new Set<string>();
  for (const issue of log.issues) {
    const key = `${issue.year}/${issue.number}`;
    if (numbers.has(key)) lost.push(`two acknowledged issues numbered ${key}`);
    numbers.add(key);
  }
  return lost;
}

/** Issues sharing a number or a total number, straight from the database (after the server has stopped). */
async function duplicateNumbers(config: DbConfig): Promise<string[]> {
  const handle = await openDb(config, "bench-load");
  try {
    const rows = await executeRows<{ what: string; n: number }>(
      handle.db,
      sql`select 'number ' || publication_id || '/' || series || '/' || year || '/' || number as what, count(*)::int as n from issues group by publication_id, series, year, number having count(*) > 1
          union all
          select 'total number ' || publication_id || '/' || series || '/' || total_number, count(*)::int from issues where total_number is not null group by publication_id, series, total_number having count(*) > 1`,
    );
    return rows.map((r) => `${r.n} issues share ${r.what}`);
  } finally {
    await handle.close();
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const loadavg = os.loadavg();
  ensureBuild(process.argv.includes("--build"));
  const db = await prepareDatabase(PGLITE, "cms_load");
  console.log(`bench: seeding ${ISSUES} issues × ${PER_ISSUE} articles into ${db.label}…`);
  const { sample, seconds: seedSeconds } = seedDatabase(db.env, ISSUES, PER_ISSUE);
  const password = benchEditorPassword();
  const admin = spawnSync(process.execPath, [tsxBin, "scripts/cms.ts", "user", "create", "--email", ADMIN_EMAIL, "--name", "压测管理员", "--role", "admin", "--password", password], { env: db.env, encoding: "utf8" });
  if (admin.status !== 0) throw new Error(`creating the admin failed: ${admin.stderr}${admin.stdout}`);

  const server = await startNext(PORT, db.env);
  const { base, pid } = server;
  const rssIdle = rssMb(pid);
  const adminToken = await signIn(base, ADMIN_EMAIL, password);
  const slug = sample[0]!.slug;

  // Each writer: a contributor in a unit of its own and an editor, made by the admin through the API.
  const writers: Writer[] = [];
  for (let w = 1; w <= WRITERS; w++) {
    const { json: unit } = await api<{ id: number }>("POST", `${base}/api/v1/units`, adminToken, { name: `压测单位${w}` });
    const user = async (role: string, unitId?: number) => {
      const email = `bench-load-${role}${w}@bench.local`;
      const { json } = await api<{ password: string }>("POST", `${base}/api/v1/users`, adminToken, { email, name: `压测${role === "editor" ? "编辑" : "供稿人"}${w}`, role, unitId });
      return signIn(base, email, json.password);
    };
    writers.push({ index: w, contributor: await user("contributor", unit.id), editor: await user("editor") });
  }

  const paths = await readerPaths(base, sample.map((s) => s.slug));
  const kindOf = new Map(paths.map((p) => [p.path, p.kind]));
  for (const p of paths) {
    const r = await get(`${base}${p.path}`);
    if (r.status !== 200) throw new Error(`${p.path} answered ${r.status} before the run`);
  }
  console.log(`bench: ${paths.length} reader URLs answer 200; ${READERS} readers and ${WRITERS} writers for ${DURATION} s…`);

  const log = new WriteLog();
  const samples: { kind: string; ms: number; status: number }[] = [];
  const sampler = sampleRss(pid);
  const t0 = Date.now();
  const deadline = t0 + DURATION * 1000;
  const readers = autocannon({
    url: base,
    connections: READERS,
    duration: DURATION,
    timeout: 30,
    headers: { "accept-encoding": "gzip" },
    requests: paths.map((p) => ({ method: "GET", path: p.path })),
  });
  readers.on("response", (client, status, _bytes, responseTime) => {
    samples.push({ kind: kindOf.get(client.requestIterator?.currentRequest?.path ?? "") ?? "other", ms: responseTime, status });
  });
  const [result] = await Promise.all([readers, Promise.all(writers.map((w) => runWriter(log, base, w, slug, deadline)))]);
  const runSeconds = (Date.now() - t0) / 1000;
  // The writers finish the step they are in after the deadline; the readers stop on it.
  const readerSeconds = result.duration || DURATION;
  const rss = sampler.stop();
  const loadAfter = os.loadavg();

  console.log("bench: verifying acknowledged writes…");
  const lost = await verify(log, base, writers, slug);
  const serverLog = server.log();
  await stopChildren();
  lost.push(...(await duplicateNumbers(db.config)));

  const all = readerStats("all readers", samples);
  const kinds = [...new Set(paths.map((p) => p.kind))].map((k) => readerStats(k, samples.filter((s) => s.kind === k)));
  const connectionErrors = result.errors + result.timeouts;
  const writes = [...log.latencies.entries()].map(([op, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return { op, requests: list.length, p50: Math.round(percentile(sorted, 50)), p99: Math.round(percentile(sorted, 99)), conflicts: log.conflicts.get(op) ?? 0 };
  });
  const articles = [...log.articles.values()];
  const counts = {
    articles: articles.length,
    accepted: articles.filter((a) => RANK[a.status]! >= RANK.accepted!).length,
    issuesCreated: log.issues.length,
    issuesPublished: log.issues.filter((i) => i.published).length,
    conflicts: [...log.conflicts.values()].reduce((a, b) => a + b, 0),
  };
  const failures = {
    reader5xx: result["5xx"],
    readerConnectionErrors: connectionErrors,
    writer5xx: log.fiveXx,
    writerNetworkErrors: log.networkErrors,
    unexpectedAnswers: log.unexpected,
    raceViolations: log.raceViolations,
    lostWrites: lost,
  };
  const failed = failures.reader5xx + connectionErrors + log.fiveXx.length + log.networkErrors.length + log.unexpected.length + log.raceViolations.length + lost.length > 0;

  const out = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadavg: { before: loadavg, after: loadAfter },
    database: PGLITE ? "PGlite (DATA_DIR)" : "PostgreSQL",
    issues: ISSUES,
    articlesPerIssue: PER_ISSUE,
    seedSeconds,
    durationSeconds: DURATION,
    runSeconds,
    readers: READERS,
    writers: WRITERS,
    readerUrls: paths.length,
    reader: { seconds: readerSeconds, requestsPerSecond: all.requests / readerSeconds, autocannonRequestsPerSecond: result.requests.average, ...all },
    readerKinds: kinds,
    writes,
    counts,
    serverRssMb: { idle: rssIdle === null ? null : Math.round(rssIdle), peak: Math.round(Math.max(0, ...rss)) },
    failures,
    passed: !failed,
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };

  console.log(
    `\n${db.label.replace(/ \(.*/, "")}, ${ISSUES} issues × ${PER_ISSUE} articles; ${READERS} readers + ${WRITERS} writers for ${readerSeconds.toFixed(0)} s on ${out.cpus} cores; ` +
      `load average ${loadavg.map((l) => l.toFixed(1)).join(" ")} → ${loadAfter.map((l) => l.toFixed(1)).join(" ")}\n`,
  );
  console.log("| readers | requests | req/s | p50 | p95 | p99 | 2xx | 3xx | 4xx | 5xx |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const r of [all, ...kinds]) {
    const c = (k: string) => (r.byClass[k] ?? 0).toLocaleString("en");
    console.log(`| ${r.kind} | ${r.requests.toLocaleString("en")} | ${(r.requests / readerSeconds).toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${c("2xx")} | ${c("3xx")} | ${c("4xx")} | ${c("5xx")} |`);
  }
  console.log(`\nconnection errors ${result.errors}, timeouts ${result.timeouts}\n`);
  console.log("| writes | requests | p50 | p99 | 409 |");
  console.log("|---|---|---|---|---|");
  for (const w of writes) console.log(`| ${w.op} | ${w.requests} | ${ms(w.p50)} | ${ms(w.p99)} | ${w.conflicts} |`);
  console.log(
    `\n${counts.articles} articles written (${counts.accepted} accepted or published), ${counts.issuesCreated} issues created, ${counts.issuesPublished} published; ` +
      `${counts.conflicts} conflicts (409, expected from the races); server RSS idle ${out.serverRssMb.idle} MB, peak ${out.serverRssMb.peak} MB`,
  );
  console.log(
    `writer 5xx ${log.fiveXx.length}, network errors ${log.networkErrors.length}, unexpected answers ${log.unexpected.length}, race violations ${log.raceViolations.length}, lost writes ${lost.length}`,
  );
  for (const line of [...log.fiveXx, ...log.networkErrors, ...log.unexpected, ...log.raceViolations, ...lost].slice(0, 20)) console.log(`  ${line}`);

  const dir = path.join(root, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `load-${out.at.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(out, null, 2));
  console.log(`written ${path.relative(root, file)}`);
  if (failed || process.env.BENCH_SERVER_LOG) console.log(`\nserver log (last 60 lines):\n${serverLog.split("\n").slice(-60).join("\n")}`);
  console.log(failed ? "FAILED" : "passed: no 5xx, no connection errors, no lost writes");
  return failed ? 1 : 0;
}

runMain(main);
