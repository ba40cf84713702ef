// Reader pages under load, each beside a static ceiling: `npm run bench`.
//
//   npm run bench -- [--issues 2000] [--articles-per-issue 10] [--duration 10] [--connections 50] [--build] [--postgres]
//
// Builds if there is no build (`--build` forces one), seeds a fresh PGlite
// DATA_DIR of its own (with --postgres: a fresh database on the server in
// DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres, dropped
// at the end) with bench:seed, starts `next start` on its own port
// with it, then with autocannon on loopback, for a bounded time per target:
// the issue page, home, a publication's archive, an article permalink and the
// Atom feed — each also served by a minimal node:http server answering the
// very same bytes (fetched once from Next, gzip as Next serves them, the same
// headers), the ceiling of what any server could do on this machine. Samples
// the Next server's RSS (/proc/<pid>/status VmRSS) during the run. Then times
// publishing a 30-article issue through the API, from the publish request to
// the reader page answering 200. Prints a table, writes JSON under
// bench/results/, stops the servers and removes its data directory. Not part
// of `npm test`; run it through the heavy-work lock on a shared machine.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { BENCH_CONTRIBUTOR_EMAIL, BENCH_EDITOR_EMAIL } from "./seed";
import { api, arg, ensureBuild, get, onCleanUp, prepareDatabase, root, rssMb, runMain, sampleRss, seedDatabase, signIn, startNext, track } from "./server";

const ISSUES = arg("--issues", 2000);
const PER_ISSUE = arg("--articles-per-issue", 10);
const DURATION = arg("--duration", 10);
const CONNECTIONS = arg("--connections", 50);
const POSTGRES = process.argv.includes("--postgres");
const PORT = arg("--port", 3270);
const STATIC_PORT = PORT + 1;
const PUBLISH_ARTICLES = 30;

/** A node:http server in its own process answering the very bytes Next sent. */
async function startStatic(file: string): Promise<ChildProcess> {
  const code = `
    const fs = require("node:fs"), http = require("node:http");
    const r = JSON.parse(fs.readFileSync(${JSON.stringify(file)}, "utf8"));
    const body = Buffer.from(r.body, "base64");
    const headers = { ...r.headers, "content-length": String(body.length) };
    http.createServer((req, res) => { res.writeHead(r.status, headers); res.end(body); })
      .listen(${STATIC_PORT}, "127.0.0.1", () => console.log("ready"));`;
  const child = track(spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] }));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (c) => reject(new Error(`static server exited with ${c}`)));
  });
  return child;
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, seconds: number): Promise<LoadResult> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { "accept-encoding": "gzip" } });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

async function main() {
  const started = Date.now();
  const loadavg = os.loadavg();
  ensureBuild(process.argv.includes("--build"));

  // Files for the static ceiling; the database: a temporary PGlite DATA_DIR, or with --postgres a fresh database on DATABASE_URL's server.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-bench-"));
  onCleanUp(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const { env, label: database } = await prepareDatabase(!POSTGRES, "cms_bench");
  console.log(`bench: seeding ${ISSUES} issues × ${PER_ISSUE} articles into ${database}…`);
  const { sample, seconds: seedSeconds } = seedDatabase(env, ISSUES, PER_ISSUE);

  const server = await startNext(PORT, env);
  const { base, pid } = server;
  const rssIdle = rssMb(pid);

  const s = sample[0]!;
  const targets = [
    { name: "issue page", path: `/p/${s.slug}/${s.year}/${s.number}` },
    { name: "home", path: `/` },
    { name: "archive", path: `/p/${s.slug}` },
    { name: "article", path: `/p/${s.slug}/${s.year}/${s.number}/a/${s.articleId}` },
    { name: "Atom feed", path: `/p/${s.slug}/feed.xml` },
  ];
  const rssSamples: number[] = [];
  const rows = [];
  for (const t of targets) {
    const page = await get(`${base}${t.path}`);
    if (page.status !== 200) throw new Error(`${t.path} answered ${page.status}`);
    const headers = Object.fromEntries(Object.entries(page.headers).filter(([k]) => !["date", "connection", "keep-alive", "transfer-encoding", "content-length"].includes(k)));
    const file = path.join(dataDir, `static-${rows.length}.json`);
    fs.writeFileSync(file, JSON.stringify({ status: page.status, headers, body: page.body.toString("base64") }));
    const staticServer = await startStatic(file);

    await load(`${base}${t.path}`, 2); // warm-up, not counted
    const sampler = sampleRss(pid);
    const next = await load(`${base}${t.path}`, DURATION);
    const samples = sampler.stop();
    rssSamples.push(...samples);
    const peak = Math.max(0, ...samples);
    const ceiling = await load(`http://127.0.0.1:${STATIC_PORT}${t.path}`, DURATION);
    staticServer.kill("SIGTERM");
    await new Promise((r) => staticServer.once("exit", r));
    const row = {
      target: t.name,
      path: t.path,
      bytes: page.body.length,
      encoding: page.headers["content-encoding"] ?? "identity",
      next,
      ceiling,
      ratio: ceiling.rps ? next.rps / ceiling.rps : 0,
      rssPeakMb: Math.round(peak),
    };
    rows.push(row);
    console.log(
      `  ${t.name.padEnd(11)} next ${next.rps.toFixed(0).padStart(6)} req/s p50 ${String(next.p50).padStart(4)} ms p99 ${String(next.p99).padStart(5)} ms | ` +
        `static ${ceiling.rps.toFixed(0).padStart(6)} req/s | ratio ${row.ratio.toFixed(3)} | RSS peak ${row.rssPeakMb} MB` +
        (next.non2xx || next.errors ? ` | non-2xx ${next.non2xx}, errors ${next.errors}` : ""),
    );
  }

  // Publishing a 30-article issue: from the publish request to the reader page answering 200.
  const editorToken = await signIn(base, BENCH_EDITOR_EMAIL);
  const contributorToken = await signIn(base, BENCH_CONTRIBUTOR_EMAIL);
  const ids: number[] = [];
  for (let i = 0; i < PUBLISH_ARTICLES; i++) {
    const paragraphs = Array.from({ length: 5 }, (_, k) => `<p>第${i + 1}篇稿件第${k + 1}段：坚持精准扶贫、精准脱贫基本方略，聚焦深度贫困地区和特殊贫困群体，扎实推进各项工作。</p>`).join("");
    const { json } = await api<{ id: number }>("POST", `${base}/api/v1/articles`, contributorToken, { title: `基准测试稿件${i + 1}`, html: paragraphs });
    await api("POST", `${base}/api/v1/articles/${json.id}/submit`, contributorToken, {});
    await api("POST", `${base}/api/v1/articles/${json.id}/accept`, editorToken, {});
    ids.push(json.id);
  }
  const { json: issue } = await api<{ id: number; year: number; number: number }>("POST", `${base}/api/v1/issues`, editorToken, { publication: s.slug });
  const { json: laid } = await api<{ version: number }>("PUT", `${base}/api/v1/issues/${issue.id}/layout`, editorToken, {
    sections: [
      { heading: null, articleIds: ids.slice(0, 2) },
      { heading: "工作动态", articleIds: ids.slice(2, 16) },
      { heading: "经验交流", articleIds: ids.slice(16) },
    ],
  });
  await api("PATCH", `${base}/api/v1/issues/${issue.id}`, editorToken, { version: laid.version, editorName: "刘栋" });
  const readerUrl = `${base}/p/${s.slug}/${issue.year}/${issue.number}`;
  const before = await get(readerUrl);
  const p0 = performance.now();
  await api("POST", `${base}/api/v1/issues/${issue.id}/publish`, editorToken, {});
  const publishMs = performance.now() - p0;
  let page = await get(readerUrl);
  while (page.status !== 200 && performance.now() - p0 < 30_000) page = await get(readerUrl);
  const publishToPageMs = performance.now() - p0;
  if (page.status !== 200) throw new Error(`${readerUrl} answered ${page.status} after publishing`);
  console.log(`  publish ${PUBLISH_ARTICLES} articles: request ${publishMs.toFixed(0)} ms, to the reader page answering 200 ${publishToPageMs.toFixed(0)} ms (before: ${before.status})`);

  const rssPeak = Math.round(Math.max(0, ...rssSamples));
  const loadAfter = os.loadavg();
  const out = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadavg: { before: loadavg, after: loadAfter },
    database,
    issues: ISSUES,
    articlesPerIssue: PER_ISSUE,
    seedSeconds,
    durationSeconds: DURATION,
    connections: CONNECTIONS,
    serverRssMb: { idle: rssIdle === null ? null : Math.round(rssIdle), peak: rssPeak },
    targets: rows,
    publish: { articles: PUBLISH_ARTICLES, requestMs: Math.round(publishMs), toReaderPageMs: Math.round(publishToPageMs) },
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  console.log(`\n${ISSUES} issues × ${PER_ISSUE} articles, ${CONNECTIONS} connections, ${DURATION} s per target; load average ${loadavg.map((l) => l.toFixed(1)).join(" ")} → ${loadAfter.map((l) => l.toFixed(1)).join(" ")}\n`);
  console.log("| target | Next req/s | p50 | p99 | static req/s | ratio | RSS peak |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(`| ${r.target} | ${r.next.rps.toFixed(0)} | ${r.next.p50} ms | ${r.next.p99} ms | ${r.ceiling.rps.toFixed(0)} | ${r.ratio.toFixed(2)} | ${r.rssPeakMb} MB |`);
  }
  console.log(`\npublish of ${PUBLISH_ARTICLES} articles → reader page 200: ${out.publish.toReaderPageMs} ms; server RSS idle ${out.serverRssMb.idle} MB, peak ${rssPeak} MB`);
  const dir = path.join(root, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pages-${out.at.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(out, null, 2));
  console.log(`written ${path.relative(root, file)}`);
  if (process.env.BENCH_SERVER_LOG) console.log(server.log());
}

runMain(main);
