import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_HEAP_MB, SEMI_SPACE_MB, SOCKET_ADDRESS_PRELOAD, serverMemoryEnv, serverNodeOptions } from "./node-options";

const SEMI = `--max-semi-space-size=${SEMI_SPACE_MB}`;

describe("serverNodeOptions", () => {
  it("caps the heap and the young generation by default and keeps other NODE_OPTIONS", () => {
    expect(serverNodeOptions({})).toBe(`--max-old-space-size=${DEFAULT_MAX_HEAP_MB} ${SEMI}`);
    expect(serverNodeOptions({ NODE_OPTIONS: "--enable-source-maps" })).toBe(`--enable-source-maps --max-old-space-size=${DEFAULT_MAX_HEAP_MB} ${SEMI}`);
    expect(serverNodeOptions({ CMS_MAX_HEAP_MB: "1024" })).toBe(`--max-old-space-size=1024 ${SEMI}`);
  });

  it("leaves either setting already in NODE_OPTIONS alone", () => {
    expect(serverNodeOptions({ NODE_OPTIONS: "--max-old-space-size=2048", CMS_MAX_HEAP_MB: "300" })).toBe(`--max-old-space-size=2048 ${SEMI}`);
    expect(serverNodeOptions({ NODE_OPTIONS: "--max-semi-space-size=32" })).toBe(`--max-semi-space-size=32 --max-old-space-size=${DEFAULT_MAX_HEAP_MB}`);
    expect(serverNodeOptions({ NODE_OPTIONS: `${SEMI} --max-old-space-size=512` })).toBe(`${SEMI} --max-old-space-size=512`);
  });

  it("refuses a size that is not a whole number of megabytes ≥ 64", () => {
    for (const bad of ["abc", "12", "256.5", "-1"]) expect(() => serverNodeOptions({ CMS_MAX_HEAP_MB: bad })).toThrow(/CMS_MAX_HEAP_MB/);
  });
});

describe("serverMemoryEnv", () => {
  it("adds the heap cap, the socket-address preload and two malloc arenas unless MALLOC_ARENA_MAX is set", () => {
    expect(serverMemoryEnv({})).toEqual({ NODE_OPTIONS: `--max-old-space-size=${DEFAULT_MAX_HEAP_MB} ${SEMI} --require ${JSON.stringify(SOCKET_ADDRESS_PRELOAD)}`, MALLOC_ARENA_MAX: "2" });
    // Already there (a server started from a server's environment): not twice.
    const once = serverMemoryEnv({}).NODE_OPTIONS;
    expect(serverMemoryEnv({ NODE_OPTIONS: once }).NODE_OPTIONS).toBe(once);
    expect(serverMemoryEnv({ MALLOC_ARENA_MAX: "8" }).MALLOC_ARENA_MAX).toBe("8");
  });
});
