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
  /** The holder's start time in clock ticks since boot (/proc/PID/stat field 22), to tell a reused pid apart. */
  procStart?: string;
}

interface ProcState {
  state: string;
  start: string;
}

/** State and start time of a process from /proc (Linux); null where /proc has no such process or is absent. */
function procState(pid: number): ProcState | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0]!, start: fields[19]! };
  } catch {
    return null;
  }
}

/**
 * Whether the process that wrote `holder` still runs. `kill(pid, 0)` alone is
 * not enough: it succeeds on a zombie (killed, not yet reaped by its parent —
 * a supervisor restarting at once meets one) and on an unrelated process that
 * got the pid later. Where /proc exists, a zombie or a process with another
 * start time is not the holder.
 */
export function isHolderAlive(holder: Pick<LockInfo, "pid" | "procStart">): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const proc = procState(holder.pid);
  if (proc === null) return !fs.existsSync("/proc/self/stat"); // no /proc (not Linux): trust kill(0)
  if (proc.state === "Z" || proc.state === "X") return false;
  return holder.procStart === undefined || holder.procStart === proc.start;
}

export function readLock(lockPath: string): LockInfo | null {
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
  const procStart = procState(process.pid)?.start;
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), purpose, startedAt: new Date().toISOString(), ...(procStart ? { procStart } : {}) };
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
    if (holder && holder.pid !== process.pid && holder.host === os.hostname() && isHolderAlive(holder)) {
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

/** The live process holding `dir`'s lock, or null when the directory is free (no lock, or a stale one). */
export function liveLockHolder(dir: string): LockInfo | null {
  const holder = readLock(path.join(dir, "cms.lock"));
  // The same rule as acquireDataDirLock: only a live process of this host holds it.
  return holder && holder.pid !== process.pid && holder.host === os.hostname() && isHolderAlive(holder) ? holder : null;
}
