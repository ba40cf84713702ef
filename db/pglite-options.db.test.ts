import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeRows, openDb, pgliteSharedBuffers } from "./index";

const saved = process.env.PGLITE_SHARED_BUFFERS;
afterEach(() => {
  if (saved === undefined) delete process.env.PGLITE_SHARED_BUFFERS;
  else process.env.PGLITE_SHARED_BUFFERS = saved;
});

describe("PGlite's shared_buffers", () => {
  it("is 32MB unless PGLITE_SHARED_BUFFERS says otherwise, and the engine runs with it", async () => {
    delete process.env.PGLITE_SHARED_BUFFERS;
    expect(pgliteSharedBuffers()).toBe("32MB");
    process.env.PGLITE_SHARED_BUFFERS = "16MB";
    const handle = await openDb({ kind: "pglite-memory" });
    try {
      const [row] = await executeRows<{ shared_buffers: string }>(handle.db, sql`show shared_buffers`);
      expect(row!.shared_buffers).toBe("16MB");
    } finally {
      await handle.close();
    }
  });

  it("refuses a value that is not a size", () => {
    for (const bad of ["32", "lots", "32MB; drop table x", "1TB"]) {
      process.env.PGLITE_SHARED_BUFFERS = bad;
      expect(() => pgliteSharedBuffers()).toThrow(/PGLITE_SHARED_BUFFERS/);
    }
  });
});
