// A client that reuses an idle keep-alive connection (a reverse proxy's
// upstream pool, an API client, Playwright's own request context) must never
// meet a connection the server is closing at that very moment. `next start`
// closed idle connections after Node's 5 s (announced as `timeout=5`; Node 20
// closes the socket a second later): a request sent on a connection idle for
// about that long got ECONNRESET (seen on a fresh clone) — behind nginx, a 502. The server now keeps idle connections 65 s, past the 60 s
// that load balancers commonly keep.
import net from "node:net";
import { test, expect } from "./fixtures";
import { E2E } from "./env";

/** Sends `GET path` on `socket` and resolves with the head of the answer (status line and headers) once its body is complete. */
function get(socket: net.Socket, path: string): Promise<{ status: number; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed || !socket.writable) return reject(new Error("the server had closed the connection"));
    let buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const [statusLine, ...lines] = buffer.subarray(0, end).toString("latin1").split("\r\n");
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
      const length = Number(headers["content-length"] ?? NaN);
      const body = buffer.subarray(end + 4);
      const complete = Number.isFinite(length) ? body.length >= length : body.includes("0\r\n\r\n");
      if (!complete) return;
      cleanup();
      resolve({ status: Number(statusLine!.split(" ")[1]), headers });
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const onClose = () => {
      cleanup();
      reject(new Error("the server closed the connection"));
    };
    const cleanup = () => {
      socket.off("data", onData);
      socket.off("error", onError);
      socket.off("close", onClose);
      socket.off("end", onClose);
    };
    socket.on("data", onData);
    socket.on("error", onError);
    socket.on("close", onClose);
    socket.on("end", onClose);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${E2E.port}\r\nConnection: keep-alive\r\nAccept-Encoding: identity\r\n\r\n`);
  });
}

test("idle keep-alive connections are kept past the 5–6 s where requests used to be reset, and announced past a balancer's 60 s", async () => {
  test.setTimeout(60_000);
  const url = new URL(E2E.baseURL);
  // 200 connections, each idle for a different time across the moment the old server closed them, then reused.
  const trials = Array.from({ length: 200 }, (_, i) => 5_700 + i * 3); // 5.7 s … 6.3 s
  const results = await Promise.all(
    trials.map(async (idle) => {
      const socket = net.connect(Number(url.port), url.hostname);
      await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
      try {
        const first = await get(socket, "/api/v1/publications");
        await new Promise((r) => setTimeout(r, idle));
        const second = await get(socket, "/api/v1/publications").catch((e: Error) => ({ status: 0, headers: { error: e.message } }));
        return { idle, first, second };
      } finally {
        socket.destroy();
      }
    }),
  );
  const failed = results.filter((r) => r.second.status !== 200).map((r) => `${r.idle} ms: ${r.second.status} ${r.second.headers.error ?? ""}`);
  expect(failed, "second request on a reused connection").toEqual([]);
  expect(results[0]!.first.headers["keep-alive"]).toBe("timeout=65");
});
