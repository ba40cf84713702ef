// The HTTP server of `npm start` (and of the end-to-end and benchmark
// servers): Next's request handler behind a node:http server whose timeouts
// are ours. `next start` leaves Node's 5 s keep-alive idle timeout, shorter
// than what reverse proxies and load balancers keep an idle upstream
// connection for (60 s is common): a client that reuses its connection just
// as the server closes it gets a reset socket — a 502 behind nginx.
import http from "node:http";
import next from "next";
import { serverTimeouts } from "./server-timeouts";

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined; // all interfaces, like `next start`, unless HOST is set
const timeouts = serverTimeouts(process.env);

async function main() {
  const app = next({ dev: false, dir: process.cwd(), hostname: host ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // An error thrown while an answer is written (a Word file, a stream) ends
      // in a logged error and a closed answer, never a silently reset socket.
      console.error(`[cms] Failed to handle ${req.method} ${req.url}:`, err);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("content-type", "text/plain; charset=utf-8");
        res.end("Internal Server Error");
      } else {
        res.destroy(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
  server.keepAliveTimeout = timeouts.keepAliveTimeout;
  server.headersTimeout = timeouts.headersTimeout;
  server.requestTimeout = timeouts.requestTimeout;
  server.on("error", (err) => {
    console.error("[cms] The server could not start:", err);
    process.exit(1);
  });
  server.listen(port, host, () => {
    console.log(`[cms] Ready on http://${host ?? "localhost"}:${port} (keep-alive ${timeouts.keepAliveTimeout} ms)`);
  });
}

main().catch((err: unknown) => {
  console.error("[cms] The server could not start:", err);
  process.exit(1);
});
