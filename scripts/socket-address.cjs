// Preloaded into the `next start` process (`--require`, scripts/node-options.ts):
// writes the TCP peer's address into `x-cms-socket-address` on every request,
// overwriting any such header a client sent. lib/auth/client-address.ts reads
// it. Needed because `next start` exposes no socket to route handlers, and the
// `x-forwarded-for` it fills in from the socket is kept as the client sent it
// when present (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in
// next/dist/server/base-server.js), so a client could choose its address.
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a --require preload is CommonJS
const http = require("node:http");

const HEADER = "x-cms-socket-address";
const emit = http.Server.prototype.emit;
if (!emit.__cmsSocketAddress) {
  const patched = function (event, req) {
    if ((event === "request" || event === "checkContinue" || event === "checkExpectation") && req && req.headers) {
      req.headers[HEADER] = (req.socket && req.socket.remoteAddress) || "unknown";
    }
    return emit.apply(this, arguments);
  };
  patched.__cmsSocketAddress = true;
  http.Server.prototype.emit = patched;
}
