import { describe, expect, it } from "vitest";
import { clientAddress, proxyConfigFromEnv } from "./client-address";

const h = (socket: string | undefined, xff?: string) => new Headers({ ...(socket ? { "x-cms-socket-address": socket } : {}), ...(xff ? { "x-forwarded-for": xff } : {}) });
const none = proxyConfigFromEnv({});

// What `next start` hands a route handler (next/dist/server/base-server.js:
// `x-forwarded-for ??= socket.remoteAddress`): the socket's address when the
// client sent no X-Forwarded-For, else the client's value unchanged.
describe("client address", () => {
  it("is the socket's unless a trusted proxy is configured: a client's X-Forwarded-For chooses nothing", () => {
    // A direct client that sent none: Next filled it in from the socket.
    expect(clientAddress(h("198.51.100.7", "198.51.100.7"), none)).toBe("198.51.100.7");
    // A direct client that sent one: Next kept it; it is ignored.
    expect(clientAddress(h("198.51.100.7", "1.2.3.4"), none)).toBe("198.51.100.7");
    expect(clientAddress(h("198.51.100.7", "1.2.3.4, 5.6.7.8"), none)).toBe("198.51.100.7");
    expect(clientAddress(h("::ffff:198.51.100.7"), none)).toBe("198.51.100.7");
    expect(clientAddress(h("2001:db8::1"), none)).toBe("2001:db8::1");
  });
  it("is unknown, never the client's claim, when the server runs without the socket-address preload", () => {
    expect(clientAddress(h(undefined, "1.2.3.4"), none)).toBe("unknown");
    expect(clientAddress(h(undefined, "1.2.3.4"), proxyConfigFromEnv({ TRUSTED_PROXY_HOPS: "1" }))).toBe("unknown");
  });
  it("takes the entry a trusted proxy appended, by hop count", () => {
    const oneHop = proxyConfigFromEnv({ TRUSTED_PROXY_HOPS: "1" });
    // nginx with $proxy_add_x_forwarded_for: the client's forged entry, then the real one.
    expect(clientAddress(h("10.0.0.5", "1.2.3.4, 198.51.100.7"), oneHop)).toBe("198.51.100.7");
    // nginx with $remote_addr: only the real one.
    expect(clientAddress(h("10.0.0.5", "198.51.100.7"), oneHop)).toBe("198.51.100.7");
    // Two proxies (a load balancer, then nginx).
    expect(clientAddress(h("10.0.0.5", "1.2.3.4, 198.51.100.7, 10.0.0.9"), proxyConfigFromEnv({ TRUSTED_PROXY_HOPS: "2" }))).toBe("198.51.100.7");
    // A shorter chain than configured: the left-most entry, which a trusted hop wrote.
    expect(clientAddress(h("10.0.0.5", "10.0.0.5"), proxyConfigFromEnv({ TRUSTED_PROXY_HOPS: "2" }))).toBe("10.0.0.5");
  });
  it("walks past listed proxies from the socket, and ignores the header from a peer that is not one", () => {
    const listed = proxyConfigFromEnv({ TRUSTED_PROXIES: "10.0.0.5, 10.0.0.9" });
    expect(clientAddress(h("10.0.0.5", "1.2.3.4, 198.51.100.7, 10.0.0.9"), listed)).toBe("198.51.100.7");
    expect(clientAddress(h("203.0.113.1", "1.2.3.4"), listed)).toBe("203.0.113.1");
    // The proxy itself, with no header of its own: Next filled in the socket.
    expect(clientAddress(h("10.0.0.5", "10.0.0.5"), listed)).toBe("10.0.0.5");
  });
  it("refuses a hop count that is not a small whole number", () => {
    for (const bad of ["x", "-1", "1.5", "11"]) expect(() => proxyConfigFromEnv({ TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
