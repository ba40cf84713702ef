import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./lock";

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
