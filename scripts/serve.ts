// The server process: Next.js through its custom-server API, behind the
// reader front (lib/reader-front/front.ts), which answers reader pages from
// its cache before Next's routing and hands everything else to Next. Started
// by `npm start` (scripts/start.ts), the end-to-end tests and the benchmarks,
// after a build; PORT (default 3000) and HOSTNAME (default all interfaces).
import http from "node:http";
import next from "next";
import { createReaderFront } from "@/lib/reader-front/front";
import { serverTimeouts } from "./server-timeouts";

async function main() {
  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.HOSTNAME || undefined;
  const timeouts = serverTimeouts(process.env);
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Next runs instrumentation.ts (migrations, the demo) before the first request it handles: ask it one.
  let warmUp!: () => void;
  const ready = new Promise<void>((resolve) => (warmUp = resolve));
  const server = http.createServer(createReaderFront((req, res) => handle(req, res), ready));
  // Keep-alive longer than a proxy's idle timeout (scripts/server-timeouts.ts): Node's 5 s default reset reused connections.
  server.keepAliveTimeout = timeouts.keepAliveTimeout;
  server.headersTimeout = timeouts.headersTimeout;
  server.requestTimeout = timeouts.requestTimeout;
  server.on("error", (e) => {
    console.error(`[cms] Cannot listen on port ${port}: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    fetch(`http://127.0.0.1:${port}/api/v1/publications`, { signal: AbortSignal.timeout(300_000) })
      .then((res) => res.arrayBuffer())
      .catch((e: unknown) => console.error("[cms] The first request failed:", e instanceof Error ? e.message : e))
      .finally(() => {
        warmUp();
        console.log(`[cms] Ready on http://${hostname ?? "localhost"}:${port}`);
      });
  });
}

main().catch((e: unknown) => {
  console.error("[cms] The server failed to start:", e);
  process.exit(1);
});
