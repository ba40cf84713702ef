// Behind a reverse proxy that terminates HTTPS (NEXTAUTH_URL=https://…), the
// session cookie is Secure as well as HttpOnly and SameSite=Lax, under the
// __Secure- prefix, and the server reads it back. A server of its own plays
// the app behind such a proxy (plain HTTP on loopback, as the proxy talks to
// it).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect } from "./fixtures";
import { E2E } from "./env";
import { killServer, startNextServer, waitForServer } from "./servers";

test("behind HTTPS the session cookie is Secure, HttpOnly and SameSite=Lax, and works", async () => {
  test.setTimeout(120_000);
  const port = E2E.port + 42;
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-https-"));
  const db: Record<string, string> = process.env.E2E_DATABASE_URL
    ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
    : { DATA_DIR: dataDir, DATABASE_URL: "", DEMO_PASSWORD: E2E.demoPassword };
  const server = startNextServer(port, { ...db, NEXTAUTH_URL: `https://127.0.0.1:${port}`, NEXTAUTH_SECRET: E2E.secret, SCHEDULER_INTERVAL_MS: "60000" }, "https-server");
  try {
    await waitForServer(base, server);
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookies = csrf.headers.getSetCookie();
    expect(csrfCookies.find((c) => c.startsWith("__Host-next-auth.csrf-token="))).toMatch(/;\s*Secure/i);
    const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.map((c) => c.split(";")[0]).join("; ") },
      body: new URLSearchParams({ csrfToken, email: "editor@demo.local", password: E2E.demoPassword, callbackUrl: "/workspace", json: "true" }),
    });
    expect(signIn.status).toBeLessThan(400);
    const session = signIn.headers.getSetCookie().find((c) => c.startsWith("__Secure-next-auth.session-token="));
    expect(session, "the session cookie").toBeTruthy();
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    // The server reads the __Secure- cookie back: the editor's desk, not the sign-in page.
    const desk = await fetch(`${base}/api/v1/issues`, { headers: { cookie: session!.split(";")[0]! } });
    expect(desk.status).toBe(200);
    const anonymous = await fetch(`${base}/api/v1/issues`);
    expect(anonymous.status).toBe(401);
  } finally {
    await killServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
