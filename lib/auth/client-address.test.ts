import { describe, expect, it } from "vitest";
import { clientAddress, proxyConfigFromEnv } from "./client-address";

const h = (socket: string | undefined, xff?: string) => new Headers({ ...(socket ? { "x-cms-socket-address": socket } : {}), ...(xff ? { "x-forwarded-for": xff } : {}) });

describe("client address", () => {
  it("is the socket's unless a trusted proxy is configured: X-Forwarded-For alone is ignored", () => {
    const none = proxyConfigFromEnv({});
    expect(clientAddress(h("198.51.100.7", "1.2.3.4"), none)).toBe("198.51.100.7");
    expect(clientAddress(h("::ffff:198.51.100.7"), none)).toBe("198.51.100.7");
    expect(clientAddress(h(undefined, "1.2.3.4"), none)).toBe("unknown");
  });
  it("takes the entry a trusted proxy appended, by hop count", () => {
    const oneHop = proxyConfigFromEnv({ TRUSTED_PROXY_HOPS: "1" });
    // The client sent a forged first entry; nginx appended the real one.
    expect(clientAddress(h("10.0.0.5", "1.2.3.4, 198.51.100.7"), oneHop)).toBe("198.51.100.7");
    expect(clientAddress(h("10.0.0.5", "1.2.3.4, 198.51.100.7, 10.0.0.9"), proxyConfigFromEnv({ TRUSTED_PROXY_HOPS: "2" }))).toBe("198.51.100.7");
  });
  it("takes the right-most untrusted entry when the peer is a listed proxy, and ignores the header from anyone else", () => {
    const listed = proxyConfigFromEnv({ TRUSTED_PROXIES: "10.0.0.5, 10.0.0.9" });
    expect(clientAddress(h("10.0.0.5", "1.2.3.4, 198.51.100.7, 10.0.0.9"), listed)).toBe("198.51.100.7");
    expect(clientAddress(h("203.0.113.1", "1.2.3.4"), listed)).toBe("203.0.113.1");
  });
});
