// The reader version changes, at commit, with everything readers can see —
// and not with work readers cannot see (drafts, submissions).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { issues } from "@/db/schema";
import { viewerFromUser } from "@/lib/auth/viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { createArticle } from "@/lib/articles/mutations";
import { loadDemo } from "@/lib/demo/load-demo";
import { addCorrection, signoffCorrection } from "@/lib/issues/corrections";
import { createIssue, setIssueLayout } from "@/lib/issues/assembly";
import { restoreIssue, withdrawIssue } from "@/lib/issues/lifecycle";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { findUserByEmail } from "@/lib/users/users";
import { readerVersion, readerVersionIsWatched } from "./runtime";

let db: TestDb;
let editor: Viewer;
let contributor: Viewer;
let leader: Viewer;
let issueId: number;

beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
  editor = viewerFromUser((await findUserByEmail("editor@demo.local"))!);
  contributor = viewerFromUser((await findUserByEmail("liaocheng@demo.local"))!);
  leader = viewerFromUser((await findUserByEmail("leader@demo.local"))!);
  const [seedIssue] = await (await getDb()).select({ id: issues.id }).from(issues).where(eq(issues.number, 88));
  issueId = seedIssue!.id;
});
afterAll(async () => {
  await db?.drop();
});

async function changes(action: () => Promise<unknown>): Promise<boolean> {
  const before = await readerVersion();
  await action();
  return (await readerVersion()) !== before;
}

describe("reader version", () => {
  it("changes with withdrawal, restoration and corrections", async () => {
    expect(await changes(() => withdrawIssue(editor, issueId, { reason: "核实中" }))).toBe(true);
    expect(await changes(() => restoreIssue(editor, issueId))).toBe(true);
    // The demo publication requires 签发: a correction waiting for it changes nothing readers see; signing it does.
    let correctionId = 0;
    expect(await changes(async () => (correctionId = (await addCorrection(editor, issueId, { text: "更正一处文字。" })).id))).toBe(false);
    expect(await changes(() => signoffCorrection(leader, issueId, correctionId, { decision: "approve" }))).toBe(true);
  });

  it("does not change with work readers cannot see: a contributor's draft, an issue being assembled", async () => {
    expect(await changes(() => createArticle(contributor, { title: "草稿", body: { type: "doc", content: [{ type: "paragraph" }] } }))).toBe(false);
    let draft = 0;
    expect(await changes(async () => (draft = (await createIssue(editor, { publication: "sdtp", year: 2030 })).id))).toBe(false);
    expect(await changes(() => setIssueLayout(editor, draft, { sections: [{ heading: "栏目", articleIds: [] }] }))).toBe(false);
  });

  it("changes only when the transaction commits, not before and not on rollback", async () => {
    const d = await getDb();
    const before = await readerVersion();
    await expect(
      d.transaction(async (tx) => {
        await tx.execute(sql`update "publications" set "name" = "name" where "slug" = 'sdtp'`);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await readerVersion()).toBe(before);
    await d.transaction(async (tx) => {
      await tx.execute(sql`update "publications" set "name" = "name" where "slug" = 'sdtp'`);
    });
    expect(await readerVersion()).not.toBe(before);
  });

  it("on PGlite, is kept between reads and the next read after any commit sees the change; on PostgreSQL, is read every time", async () => {
    const d = await getDb();
    await readerVersion();
    await readerVersion();
    expect(readerVersionIsWatched()).toBe(db.kind === "pglite");
    for (let i = 0; i < 3; i++) {
      const before = await readerVersion();
      expect(await readerVersion()).toBe(before);
      // A plain statement, outside any service function and any explicit transaction.
      await d.execute(sql`update "publications" set "name" = "name" where "slug" = 'sdtp'`);
      const after = await readerVersion();
      expect(after).not.toBe(before);
      expect(after).toBe((await executeRows<{ v: string }>(d, sql`select "version"::text as v from "reader_version"`))[0]!.v);
    }
  });
});
