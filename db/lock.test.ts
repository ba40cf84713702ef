import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, liveLockHolder } from "./lock";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "cms-lock-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A child process that takes the lock and waits; resolves once it holds it. */
function holdLockInChild(dir: string) {
  const code = `
    const fs = require("node:fs");
    fs.writeFileSync(${JSON.stringify(path.join(dir, "cms.lock"))}, JSON.stringify({ pid: process.pid, host: require("node:os").hostname(), purpose: "child", startedAt: "" }));
    console.log("held");
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise<typeof child>((resolve) => child.stdout.once("data", () => resolve(child)));
}

describe("data directory lock", () => {
  it("is taken and released by this process", () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir, "test");
    expect(JSON.parse(fs.readFileSync(path.join(dir, "cms.lock"), "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, "cms.lock"))).toBe(false);
  });

  it("refuses a directory held by another live process, with a clear message", async () => {
    const dir = tempDir();
    const child = await holdLockInChild(dir);
    try {
      expect(() => acquireDataDirLock(dir, "test")).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir, "test")).toThrow(/in use by another process \(pid \d+, child/);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("recovers a stale lock left by a killed process", async () => {
    const dir = tempDir();
    const child = await holdLockInChild(dir);
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const release = acquireDataDirLock(dir, "test");
    expect(JSON.parse(fs.readFileSync(path.join(dir, "cms.lock"), "utf8")).pid).toBe(process.pid);
    release();
  });

  it("treats a half-written lock file as stale", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "cms.lock"), "{");
    acquireDataDirLock(dir, "test")();
  });
});

describe("data directory lock after a crash", () => {
  /** 5 in the suite (≈ 1 s each here); LOCK_ROUNDS=20 for the loop of twenty. */
  const ROUNDS = Number(process.env.LOCK_ROUNDS || 5);
  /**
   * A holder that takes the lock through acquireDataDirLock, started under a
   * parent that never reaps it (`sh` exec'ing `sleep`): once SIGKILLed it is a
   * zombie, as under a supervisor that restarts at once. Resolves with the pid.
   */
  function zombieHolder(dir: string) {
    const hold = `import("${path.resolve("db/lock.ts")}").then((m) => { (m.acquireDataDirLock ?? m.default.acquireDataDirLock)(${JSON.stringify(dir)}, "server"); console.log("held " + process.pid); setInterval(() => {}, 1000); });`;
    const parent = spawn("sh", ["-c", `"${process.execPath}" --import tsx -e '${hold}' & exec sleep 120`], { stdio: ["ignore", "pipe", "inherit"] });
    const pid = new Promise<number>((resolve, reject) => {
      parent.stdout.on("data", (d: Buffer) => {
        const held = /held (\d+)/.exec(d.toString());
        if (held) resolve(Number(held[1]));
      });
      parent.once("exit", () => reject(new Error("the holder did not start")));
    });
    return { parent, pid };
  }
  const stateOf = (pid: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
    } catch {
      return "gone";
    }
  };

  it.skipIf(!fs.existsSync("/proc/self/stat"))("is taken at once after its holder was SIGKILLed and left a zombie, several times in a row", async () => {
    const dir = tempDir();
    for (let i = 0; i < ROUNDS; i++) {
      const { parent, pid } = zombieHolder(dir);
      try {
        const holderPid = await pid;
        expect(liveLockHolder(dir)?.pid).toBe(holderPid); // alive: held, and said so
        expect(() => acquireDataDirLock(dir, "test")).toThrow(DataDirLockedError);
        process.kill(holderPid, "SIGKILL");
        while (stateOf(holderPid) !== "Z") await new Promise((r) => setTimeout(r, 5));
        // kill(pid, 0) still succeeds on the zombie; the lock must not take it for alive.
        expect(() => process.kill(holderPid, 0)).not.toThrow();
        expect(liveLockHolder(dir)).toBeNull();
        const release = acquireDataDirLock(dir, "test");
        release();
      } finally {
        parent.kill("SIGKILL");
      }
    }
  }, 120_000);

  it("does not take a live process that got the holder's pid later for the holder", () => {
    const dir = tempDir();
    // This test's own parent is alive, but its start time is not the one written in the lock.
    fs.writeFileSync(path.join(dir, "cms.lock"), JSON.stringify({ pid: process.ppid, host: os.hostname(), purpose: "server", startedAt: "", procStart: "1" }));
    expect(liveLockHolder(dir)).toBeNull();
    acquireDataDirLock(dir, "test")();
  });
});
