// What the benchmarks that drive a real `next start` share: options, HTTP and
// JSON API calls, the build-if-missing step, bench:seed in a child process,
// starting the server with a production environment, finding the next-server
// process and sampling its RSS, and cleaning up children and temporary data
// on exit, failure or Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { DbConfig } from "@/db";
import { adminQuery } from "@/testing/test-db";
import { benchEditorPassword } from "./seed";
import { bundleServer } from "../scripts/bundle-server";
import { serveArgs, serverMemoryEnv } from "../scripts/node-options";

export const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
export const tsxBin = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

/** A positive number option (`--name 10`), or the fallback; exits 2 on a bad value. */
export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`${name} needs a positive number`);
    process.exit(2);
  }
  return n;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const children: ChildProcess[] = [];
const cleanUps: (() => void | Promise<void>)[] = [];

/** A child process stopped (SIGTERM) at clean-up. */
export function track(child: ChildProcess): ChildProcess {
  children.push(child);
  return child;
}

/** Work run at clean-up, after the children are stopped (removing data, dropping a database). */
export function onCleanUp(fn: () => void | Promise<void>) {
  cleanUps.push(fn);
}

/** Stops the tracked children that still run and waits (up to 10 s) until they have exited. */
export async function stopChildren() {
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(
    running.map(
      (c) =>
        new Promise<void>((resolve) => {
          const done = setTimeout(() => {
            c.kill("SIGKILL");
            resolve();
          }, 10_000);
          c.once("exit", () => {
            clearTimeout(done);
            resolve();
          });
          c.kill("SIGTERM");
        }),
    ),
  );
}

let cleaning: Promise<void> | undefined;

/** Once, however often asked (a signal may arrive while a failure is being cleaned up). */
function cleanUp(): Promise<void> {
  return (cleaning ??= runCleanUps());
}

async function runCleanUps() {
  await stopChildren();
  for (const fn of cleanUps.splice(0).reverse()) {
    try {
      await fn();
    } catch (e) {
      console.error(`clean-up: ${(e as Error).message}`);
    }
  }
}

/** Runs a benchmark: cleans up after it, on failure and on SIGINT/SIGTERM (exit 130) alike; exits with its code. */
export function runMain(main: () => Promise<number | void>) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void cleanUp().finally(() => process.exit(130));
    });
  }
  main()
    .then(async (code) => {
      await cleanUp();
      process.exit(code ?? 0);
    })
    .catch(async (e) => {
      console.error(e);
      await cleanUp();
      process.exit(1);
    });
}

export interface Fetched {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One GET as a browser would ask (gzip accepted), the body as sent on the wire. */
export function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { "accept-encoding": "gzip", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const h: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h[k] = Array.isArray(v) ? v.join(", ") : v;
        resolve({ status: res.statusCode ?? 0, headers: h, body: Buffer.concat(chunks) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

/** A JSON API call with a bearer token, whatever the answer's status; network errors throw. */
export async function call<T>(method: string, url: string, token: string | null, body?: unknown): Promise<{ status: number; json: T; text: string }> {
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json: json as T, text };
}

/** A JSON API call that must succeed: any 4xx or 5xx throws. */
export async function api<T>(method: string, url: string, token: string | null, body?: unknown): Promise<{ status: number; json: T }> {
  const { status, json, text } = await call<T>(method, url, token, body);
  if (status >= 400) throw new Error(`${method} ${url} → ${status}: ${text.slice(0, 300)}`);
  return { status, json };
}

/** A bearer token for a user (bench users sign in with the bench password unless given one). */
export async function signIn(base: string, email: string, password = benchEditorPassword()): Promise<string> {
  return (await api<{ token: string }>("POST", `${base}/api/v1/auth/token`, null, { email, password })).json.token;
}

/** The next-server process: `next start`'s own pid or a descendant named next-server. */
export function serverPid(rootPid: number): number {
  const all = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  const parentOf = new Map<number, number>();
  const nameOf = new Map<number, string>();
  for (const d of all) {
    try {
      const status = fs.readFileSync(`/proc/${d}/status`, "utf8");
      parentOf.set(Number(d), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      nameOf.set(Number(d), fs.readFileSync(`/proc/${d}/cmdline`, "utf8").replace(/\0/g, " "));
    } catch {
      // gone meanwhile
    }
  }
  const descends = (pid: number) => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; p = parentOf.get(p) ?? 0, hops++) if (p === rootPid) return true;
    return false;
  };
  const server = [...nameOf.entries()].find(([pid, cmd]) => pid !== rootPid && descends(pid) && cmd.includes("next-server"));
  return server ? server[0] : rootPid;
}

export function rssMb(pid: number): number | null {
  try {
    const kb = Number(/^VmRSS:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every 250 ms until stopped; `stop()` answers the samples in MB. */
export function sampleRss(pid: number): { stop: () => number[] } {
  const samples: number[] = [];
  const timer = setInterval(() => {
    const mb = rssMb(pid);
    if (mb !== null) samples.push(mb);
  }, 250);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}

export async function waitFor(url: string, timeoutMs: number, child: ChildProcess) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const r = await get(url);
      if (r.status === 200) return;
    } catch {
      // not up yet
    }
    await sleep(500);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

/** Builds when there is no build in .next, or always with `force`. */
export function ensureBuild(force: boolean) {
  if (force || !fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("bench: next build…");
    const b = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (b.status !== 0) throw new Error("next build failed");
  } else {
    console.log("bench: using the existing build in .next (--build to rebuild)");
  }
  bundleServer(root);
}

/** The environment for one database: a fresh PGlite DATA_DIR, or a PostgreSQL URL (never both). */
export function databaseEnv(db: { dataDir: string } | { url: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_EDITOR_PASSWORD: benchEditorPassword() };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if ("url" in db) env.DATABASE_URL = db.url;
  else env.DATA_DIR = db.dataDir;
  return env;
}

export interface SeedSample {
  slug: string;
  year: number;
  number: number;
  articleId: number;
}

/** Runs bench:seed in a child process with `env`; answers its sample and the time it reported. */
export function seedDatabase(env: NodeJS.ProcessEnv, issues: number, perIssue: number): { sample: SeedSample[]; seconds: number } {
  const seeded = spawnSync(process.execPath, [tsxBin, "bench/seed.ts", "--issues", String(issues), "--articles-per-issue", String(perIssue)], { env, encoding: "utf8" });
  process.stdout.write(seeded.stdout);
  if (seeded.status !== 0) throw new Error(`bench:seed failed: ${seeded.stderr}`);
  const sample = JSON.parse(/^BENCH_SAMPLE (.*)$/m.exec(seeded.stdout)![1]!) as SeedSample[];
  return { sample, seconds: Number(/in ([\d.]+) s/.exec(seeded.stdout)?.[1] ?? 0) };
}

export interface StartedServer {
  child: ChildProcess;
  base: string;
  /** The next-server process whose RSS is sampled. */
  pid: number;
  startSeconds: number;
  log: () => string;
}

/** Starts `next start` as `npm start` does on 127.0.0.1:port in production mode with `env`, and waits until home answers 200. */
export async function startNext(port: number, env: NodeJS.ProcessEnv): Promise<StartedServer> {
  console.log(`bench: the app's server on 127.0.0.1:${port}…`);
  const child = track(
    spawn(process.execPath, serveArgs(), {
      env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1", DEMO: "0", NODE_ENV: "production", NEXTAUTH_SECRET: randomBytes(24).toString("hex"), NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1", ...serverMemoryEnv(env) },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  let log = "";
  child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  await waitFor(`${base}/`, 180_000, child);
  const startSeconds = (Date.now() - t0) / 1000;
  console.log(`bench: server up in ${startSeconds.toFixed(1)} s`);
  return { child, base, pid: serverPid(child.pid!), startSeconds, log: () => log };
}

const DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * A fresh database for one run, dropped (or removed) at clean-up: a temporary
 * PGlite DATA_DIR, or a new database `<prefix>_<time>` on the server in
 * DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
export async function prepareDatabase(pglite: boolean, prefix: string): Promise<{ env: NodeJS.ProcessEnv; config: DbConfig; label: string }> {
  if (pglite) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix.replace(/_/g, "-")}-`));
    onCleanUp(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    return { env: databaseEnv({ dataDir }), config: { kind: "pglite", dataDir }, label: `PGlite (${dataDir})` };
  }
  const serverUrl = process.env.DATABASE_URL || DEFAULT_SERVER;
  const name = `${prefix}_${Date.now()}`;
  await adminQuery(serverUrl, `create database ${name}`);
  onCleanUp(async () => {
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    console.log(`bench: dropped database ${name}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const shown = new URL(url);
  shown.password = "";
  return { env: databaseEnv({ url: url.toString() }), config: { kind: "pg", url: url.toString() }, label: `PostgreSQL (${shown.toString()})` };
}
