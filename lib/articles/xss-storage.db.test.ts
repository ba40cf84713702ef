// Integration, on both engines: every payload of the XSS corpus is stored and
// read back exactly as it went in — as a title, an attribution and body text —
// and searching for it answers with results or a clear error, never a failure
// of the engine's query. (How pages render the stored text is checked once,
// in the renderer tests and e2e/xss*.spec.ts, not again per engine.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { demoViewers } from "@/testing/demo-viewers";
import { loadDemo } from "@/lib/demo/load-demo";
import { anonymous, type Viewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { searchArticles } from "@/lib/search/search";
import { payloadGroups } from "@/testing/xss-fixtures";
import { normalizeText } from "@/testing/xss-static";
import { XSS_PAYLOADS } from "@/testing/xss-payloads";
import { getArticle } from "./articles";
import { createArticle, MAX_ATTRIBUTION_CHARS, MAX_TITLE_CHARS, normalizeAttribution } from "./mutations";

let db: TestDb;
let liaocheng: Viewer, editor: Viewer;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
  [liaocheng, editor] = await demoViewers("liaocheng@demo.local", "editor@demo.local");
});
afterAll(() => db?.drop());

const doc = (texts: readonly string[]) => ({ type: "doc", content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });
const textsOf = (body: { content?: { content?: { text?: string }[] }[] }) => (body.content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? "").join(""));
/** Titles and attributions are kept on one line without control characters: compare as the pages show them. */
const shown = (s: string, max: number) => normalizeText(s).slice(0, max);

describe(`the XSS corpus in storage (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("reads every payload back as it went in: body text exactly, titles and attributions as shown", async () => {
    let stored = 0;
    for (const group of payloadGroups(20)) {
      const { id } = await createArticle(liaocheng, { title: "存储探针", body: doc(group) });
      expect(textsOf((await getArticle(editor, id)).body as never)).toEqual(group);
      stored += group.length;
    }
    expect(stored).toBe(XSS_PAYLOADS.length);
    for (const p of XSS_PAYLOADS) {
      const title = shown(p, MAX_TITLE_CHARS);
      const attribution = shown(p, MAX_ATTRIBUTION_CHARS);
      if (!title) continue; // only control characters or spaces: nothing to store as a title
      const { id } = await createArticle(liaocheng, { title, attribution });
      const article = await getArticle(editor, id);
      expect(normalizeText(article.title), p).toBe(title);
      // An attribution in brackets loses them (（聊城市扶贫办） is shown as 聊城市扶贫办); empty falls back to the unit.
      expect(article.attribution, p).toBe(normalizeAttribution(attribution) || "聊城市扶贫办");
    }
  });

  it("answers a search for any payload with results or a clear error, never an engine failure", async () => {
    let answered = 0;
    for (const q of XSS_PAYLOADS) {
      try {
        const { results } = await searchArticles(anonymous, { q });
        expect(Array.isArray(results)).toBe(true);
        answered++;
      } catch (e) {
        expect(e, `search for ${JSON.stringify(q)}`).toBeInstanceOf(AppError);
        expect((e as AppError).status, `search for ${JSON.stringify(q)}`).toBeLessThan(500);
      }
    }
    expect(answered).toBeGreaterThan(XSS_PAYLOADS.length / 2);
  });
});
