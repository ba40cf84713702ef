// `npm start`: build if the sources changed since the last build, then serve
// (`tsx scripts/start.ts --build-only`: just the build, if needed)
// with scripts/serve.ts: Next behind the reader front. The server process
// itself migrates and loads the demo (instrumentation.ts), so only one
// process ever opens the embedded database.
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { liveLockHolder } from "../db/lock";
import { bundleServer } from "./bundle-server";
import { serveArgs, serverMemoryEnv } from "./node-options";
import { serverTimeouts } from "./server-timeouts";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const SOURCES = ["app", "components", "lib", "db", "i18n", "messages", "drizzle", "public"];
const FILES = ["next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "instrumentation.ts", "proxy.ts"];
const STAMP = path.join(root, ".next", "cms-source-hash");

function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    } else {
      hash.update(path.relative(root, p));
      hash.update(fs.readFileSync(p));
    }
  };
  [...SOURCES, ...FILES].forEach((p) => visit(path.join(root, p)));
  return hash.digest("hex");
}

function ensureBuilt() {
  const hash = sourceHash();
  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash;
  if (built) return;
  console.log("[cms] Building (first start, or the sources changed)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error("[cms] The build failed; see above.");
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(STAMP, hash);
}

/** A stable secret for session cookies when none is configured (kept beside the data). */
function ensureAuthSecret() {
  if (process.env.NEXTAUTH_SECRET) return;
  const dir = path.resolve(process.env.DATA_DIR || "./data");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
  if (process.env.DATABASE_URL) {
    console.warn(`[cms] NEXTAUTH_SECRET is not set: using ${file}. Set the same NEXTAUTH_SECRET on every instance.`);
  }
}

/** Fails fast, before a build, when another live process holds the embedded database. */
function checkDataDirFree() {
  if (process.env.DATABASE_URL) return;
  const dir = path.resolve(process.env.DATA_DIR || "./data");
  const holder = liveLockHolder(dir);
  if (!holder) return; // free, or a stale lock (a killed process, a zombie, a reused pid): the server recovers it
  console.error(
    `[cms] Cannot start: ${dir} is in use by another process (pid ${holder.pid}, ${holder.purpose}). ` +
      `Stop it first, or set DATA_DIR to another directory.`,
  );
  process.exit(1);
}

if (process.argv.includes("--build-only")) {
  // `npm test` builds while the type check and lint run, so the end-to-end server starts at once.
  ensureBuilt();
  bundleServer();
  process.exit(0);
}
checkDataDirFree();
ensureBuilt();
bundleServer();
ensureAuthSecret();
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "1";
const port = process.env.PORT || "3000";
console.log(`[cms] Serving on http://localhost:${port}`);
serverTimeouts(process.env); // an invalid setting stops here, before the server starts
const child = spawn(process.execPath, serveArgs(), {
  stdio: "inherit",
  env: { ...process.env, PORT: port, NODE_ENV: "production", ...serverMemoryEnv() },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
