import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { SOCKET_ADDRESS_PRELOAD } from "./node-options";

// In a child process, so this test's own process keeps an unpatched node:http.
const probe = `
const http = require("node:http");
const server = http.createServer((req, res) => res.end(JSON.stringify({ socket: req.headers["x-cms-socket-address"], xff: req.headers["x-forwarded-for"] })));
server.listen(0, "127.0.0.1", () => {
  const req = http.request({ port: server.address().port, host: "127.0.0.1", headers: { "x-cms-socket-address": "203.0.113.9", "x-forwarded-for": "198.51.100.1" } }, (res) => {
    let body = ""; res.on("data", (c) => (body += c)); res.on("end", () => { console.log(body); server.close(); });
  });
  req.end();
});`;

describe("the socket-address preload", () => {
  it("writes the TCP peer into x-cms-socket-address, overwriting a client's, and leaves X-Forwarded-For alone", () => {
    const out = execFileSync(process.execPath, ["--require", SOCKET_ADDRESS_PRELOAD, "-e", probe], { encoding: "utf8", timeout: 20_000 });
    expect(JSON.parse(out)).toEqual({ socket: "127.0.0.1", xff: "198.51.100.1" });
  });
});
