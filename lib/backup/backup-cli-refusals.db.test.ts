// The backup CLI's refusals, through the real CLI in child processes: bad
// arguments (exit 2, nothing opened), a data directory a server holds (exit
// 3, nothing written), no database and no backup file (exit 1).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock } from "@/db/lock";
import { cliSandbox } from "./test-helpers";

const { at, cms, expectOk, populate } = cliSandbox();

describe("npm run cms -- backup|restore refuses", () => {
  it("bad arguments with the usage and exit code 2", async () => {
    for (const [i, args] of [["backup"], ["restore"], ["backup", "a", "b"], ["backup", at("x.gz"), "--force"], ["user", "passwd", "--force"]].entries()) {
      // The first through `npm run cms` itself, as the operator types it; the rest through the same CLI bundled (testing/cli-bundle.setup.ts).
      const result = await cms(args, undefined, { via: i === 0 ? "npm" : "bundle" });
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("Usage: npm run cms");
    }
    expect(fs.existsSync(at("unused"))).toBe(false); // no database was opened
  });

  it(
    "a data directory a server holds, one with no database, and a backup file that is not there",
    async () => {
      const source = { DATA_DIR: at("source") };
      await populate(source);
      await expectOk(cms(["backup", at("one.jsonl.gz")], source, { via: "npm" }), /Backed up/); // npm run cms, end to end
      const release = acquireDataDirLock(source.DATA_DIR, "server"); // as a running server would
      try {
        for (const args of [["backup", at("three.jsonl.gz")], ["restore", at("one.jsonl.gz"), "--force"]]) {
          const locked = await cms(args, source);
          expect(locked.code).toBe(3);
          expect(locked.stderr).toMatch(/^error: The data directory .*source is in use by another process \(pid \d+, server/);
        }
        expect(fs.existsSync(at("three.jsonl.gz"))).toBe(false);
      } finally {
        release();
      }

      const missing = await cms(["backup", at("four.jsonl.gz")], { DATA_DIR: at("never-created") });
      expect([missing.code, missing.stderr]).toEqual([1, expect.stringMatching(/^error: There is no database in .*never-created/)]);
      const notThere = await cms(["restore", at("nope.jsonl.gz")], source);
      expect([notThere.code, notThere.stderr]).toEqual([1, expect.stringMatching(/^error: Cannot read .*nope\.jsonl\.gz: no such file/)]);
    },
    600_000,
  );
});
