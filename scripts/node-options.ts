// The memory settings of the `next start` process, the same wherever it is
// started (npm start, the end-to-end tests, the benchmarks).
//
// - A V8 heap cap: without one V8 lets a busy server's heap grow far beyond
//   what it holds (garbage is collected lazily while memory looks plentiful):
//   under a spike of readers the server grew from 330 MB to 520 MB with about
//   100 MB of live objects. A cap makes it collect sooner; the reader cache's
//   own bound (CMS_PAGE_CACHE_MB) stays well inside it. CMS_MAX_HEAP_MB
//   changes the cap, and a --max-old-space-size already in NODE_OPTIONS wins.
// - A smaller young generation (--max-semi-space-size=8, unless given): the
//   reader front's short-lived buffers kept V8's default 16 MB semi-spaces
//   full; `npm run bench` on PGlite peaked at 345 MB instead of 399 MB with
//   the same throughput (bench/results/2026-12-03-reader-documents.md).
// - glibc's malloc arenas limited to 2 (MALLOC_ARENA_MAX, unless set): each
//   thread that compresses a response (Node's thread pool runs zlib) would
//   otherwise get an arena of its own, and the memory they keep adds up.

import path from "node:path";

export const DEFAULT_MAX_HEAP_MB = 256;
/** V8's young generation: half of Node 20's default semi-space; the peak RSS under load fell by ≈ 50 MB, throughput the same. */
export const SEMI_SPACE_MB = 8;

type Env = Record<string, string | undefined>;

export function serverNodeOptions(env: Env = process.env): string {
  const given = env.NODE_OPTIONS?.trim() ?? "";
  let options = given;
  if (!/--max-old-space-size\b/.test(given)) {
    const raw = env.CMS_MAX_HEAP_MB?.trim();
    const mb = raw ? Number(raw) : DEFAULT_MAX_HEAP_MB;
    if (!Number.isInteger(mb) || mb < 64) throw new Error(`CMS_MAX_HEAP_MB must be a whole number of megabytes, at least 64, not "${raw}"`);
    options += ` --max-old-space-size=${mb}`;
  }
  if (!/--max-semi-space-size\b/.test(given)) options += ` --max-semi-space-size=${SEMI_SPACE_MB}`;
  return options.trim();
}

/** The preload that tells the app each request's TCP peer (scripts/socket-address.cjs, lib/auth/client-address.ts). */
export const SOCKET_ADDRESS_PRELOAD = path.resolve(process.cwd(), "scripts", "socket-address.cjs") // every server is started from the project root;

/** The variables to add to the server process's environment: memory settings and the socket-address preload. */
export function serverMemoryEnv(env: Env = process.env): { NODE_OPTIONS: string; MALLOC_ARENA_MAX: string } {
  const options = serverNodeOptions(env);
  const preload = `--require ${JSON.stringify(SOCKET_ADDRESS_PRELOAD)}`;
  return { NODE_OPTIONS: options.includes(SOCKET_ADDRESS_PRELOAD) ? options : `${options} ${preload}`, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX?.trim() || "2" };
}

/** The arguments to node that start the server process: scripts/serve.ts as bundled at start (scripts/bundle-server.ts). */
export function serveArgs(): string[] {
  return [path.resolve(process.cwd(), ".next", "cms-serve.cjs")];
}
