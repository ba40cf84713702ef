import { describe, expect, it } from "vitest";
import { serverTimeouts } from "./server-timeouts";

describe("server timeouts", () => {
  it("keep idle connections 65 s by default — past a balancer's 60 s — with the headers timeout above it", () => {
    expect(serverTimeouts({})).toEqual({ keepAliveTimeout: 65_000, headersTimeout: 66_000, requestTimeout: 300_000 });
  });

  it("are configurable, the request timeout never below the headers timeout (Node refuses that)", () => {
    expect(serverTimeouts({ CMS_KEEP_ALIVE_TIMEOUT_MS: "120000", CMS_REQUEST_TIMEOUT_MS: "60000" })).toEqual({
      keepAliveTimeout: 120_000,
      headersTimeout: 121_000,
      requestTimeout: 121_000,
    });
    expect(serverTimeouts({ CMS_KEEP_ALIVE_TIMEOUT_MS: "" }).keepAliveTimeout).toBe(65_000);
  });

  it("refuse a value that is not a whole number of milliseconds in range, naming the variable", () => {
    expect(() => serverTimeouts({ CMS_KEEP_ALIVE_TIMEOUT_MS: "5s" })).toThrow(/CMS_KEEP_ALIVE_TIMEOUT_MS: a whole number/);
    expect(() => serverTimeouts({ CMS_REQUEST_TIMEOUT_MS: "10" })).toThrow(/CMS_REQUEST_TIMEOUT_MS/);
  });
});
