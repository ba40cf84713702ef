// A cross-process lock on the PGlite data directory. PGlite itself has none:
// two processes on one directory silently lose writes or corrupt it, so every
// process that opens it (server, CLI, seed) takes this lock first.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    public readonly lockPath: string,
    public readonly holder: LockInfo,
  ) {
    super(
      `The data directory ${path.dirname(lockPath)} is in use by another process ` +
        `(pid ${holder.pid}, ${holder.purpose}, since ${holder.startedAt}). ` +
        `Embedded PGlite can be opened by one process at a time: stop that process first, ` +
        `use the running server's API, or set DATA_DIR to another directory.`,
    );
    this.name = "DataDirLockedError";
  }
}

export interface LockInfo {
  pid: number;
  host: string;
  purpose: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(lockPath: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockInfo;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

const held = new Set<string>();

/** Takes the lock on `dir` for this process, recovering a stale lock left by a killed process. */
export function acquireDataDirLock(dir: string, purpose: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, "cms.lock");
  if (held.has(lockPath)) return () => releaseDataDirLock(lockPath);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), purpose, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, JSON.stringify(mine));
      fs.closeSync(fd);
      held.add(lockPath);
      process.once("exit", () => releaseDataDirLock(lockPath));
      return () => releaseDataDirLock(lockPath);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readLock(lockPath);
    if (holder && holder.pid !== process.pid && holder.host === os.hostname() && isAlive(holder.pid)) {
      throw new DataDirLockedError(lockPath, holder);
    }
    // Stale: the holder is gone (killed, crashed) — take over.
    fs.rmSync(lockPath, { force: true });
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

export function releaseDataDirLock(lockPath: string) {
  if (!held.has(lockPath)) return;
  held.delete(lockPath);
  const holder = readLock(lockPath);
  if (holder?.pid === process.pid) fs.rmSync(lockPath, { force: true });
}
