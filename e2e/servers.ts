// Extra app servers for tests that need one of their own (a site-wide
// security policy, HTTPS cookies) or a second instance beside the test
// server (multi-instance).
import { spawn, type ChildProcess } from "node:child_process";
import { serveArgs, serverMemoryEnv } from "../scripts/node-options";

/** Starts the built app (scripts/serve.ts, as `npm start` does) on 127.0.0.1:port with these settings, in a process group of its own. */
export function startNextServer(port: number, env: Record<string, string>, label: string): ChildProcess {
  // The same server as `npm start`, without the build step.
  const child = spawn(process.execPath, serveArgs(), {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_SECRET: "second-server-secret-0123456789abcdef",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...serverMemoryEnv(),
      ...env,
    },
    detached: true, // its own process group: SIGKILL reaches next-server too
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.resume();
  child.stderr!.on("data", (d: Buffer) => {
    const line = d.toString();
    if (!/ExperimentalWarning|--trace-warnings/.test(line)) process.stderr.write(`[${label}] ${line}`);
  });
  return child;
}

/** Waits until the server answers the public API. */
export async function waitForServer(base: string, child: ChildProcess) {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/v1/publications`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not come up");
}

/** SIGKILL to the whole process group. */
export function killServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
  });
}
