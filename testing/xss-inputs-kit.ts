// What the Vitest XSS input tests share (testing/xss-inputs*.db.test.ts, two
// files so that the two Vitest workers share them): the app in process on a
// database of the file's own, the corpus packed into fields, and the API
// steps they repeat. Each file prints its totals at its end.
import { afterAll, expect } from "vitest";
import type { PlaceLog } from "@/e2e/xss-places";
import { chunkGroups } from "./xss-pack";
import { XSS_PAYLOADS } from "./xss-payloads";
import { request, xssTestApp, type Answer, type Auth, type TestUser } from "./xss-in-process";

export function xssInputsKit(label: string) {
  // The unit the end-to-end hook gives a contributor by default (the demo data has it on the server).
  const app = xssTestApp({ units: ["聊城市扶贫办"] });
  const { cookieFor } = app;
  /** Each test writes the corpus through several inputs and renders every page that shows them. */
  const SLOW = 300_000;
  // The unit the end-to-end hook gives a contributor by default (the demo data has it on the server).

  const P = XSS_PAYLOADS;
  const RUN = Date.now().toString(36);

  /** Totals over the tests of the file, printed at its end. */
  const totals = { payloadInputs: 0, pages: 0, payloadPages: 0, refused: 0 };
  afterAll(() => {
    console.log(
      `[${label}] ${P.length} payloads; ${totals.payloadInputs} payload × input placements; ${totals.refused} refused with 4xx; ` +
        `${totals.pages} pages checked, ${totals.payloadPages} payload×page checks; static: nothing executable`,
    );
  });
  function tally(log: PlaceLog, payloadInputs: number, refused = 0) {
    totals.payloadInputs += payloadInputs;
    totals.pages += log.pages;
    totals.payloadPages += log.payloadPages;
    totals.refused += refused;
  }

  /** The corpus packed into values of at most `max` characters after `prefix` (a probe), space-separated; `n` payloads in each. */
  function packed(max: number, prefix: (i: number) => string = () => "") {
    return chunkGroups(max - prefix(999).length).map((group, i) => ({ text: prefix(i) + group.join(" "), n: group.length, first: group[0]!, all: group }));
  }
  type Packed = ReturnType<typeof packed>[number];
  const sum = (values: (Packed | undefined)[]) => values.reduce((n, v) => n + (v?.n ?? 0), 0);

  async function ok(res: Answer, status = 200) {
    expect(res.status(), await res.text()).toBe(status);
    return res.json();
  }

  /** API writes with a session cookie (no token, so no password check per user): the Origin header is what a browser sends. */
  async function apiAs(user: TestUser): Promise<Auth> {
    return { ...(await cookieFor(user)), origin: "http://localhost" };
  }

  /** A contributor's article taken through submit and accept; its id. */
  async function acceptedArticle(contributor: Auth, editor: Auth, title: string) {
    const { id } = await ok(await request.post("/api/v1/articles", { headers: contributor, data: { title, html: `<p>${title}的正文。</p>` } }), 201);
    await ok(await request.post(`/api/v1/articles/${id}/submit`, { headers: contributor }));
    await ok(await request.post(`/api/v1/articles/${id}/accept`, { headers: editor }));
    return id as number;
  }

  /** An issue of `slug` with one article, an editor's name, published; its reader URL and id. */
  async function publishIssue(editor: Auth, slug: string, articleId: number) {
    const issue = await ok(await request.post("/api/v1/issues", { headers: editor, data: { publication: slug, year: 2041 } }), 201);
    const { version } = await ok(await request.put(`/api/v1/issues/${issue.id}/layout`, { headers: editor, data: { sections: [{ heading: "要闻", articleIds: [articleId] }] } }));
    await ok(await request.patch(`/api/v1/issues/${issue.id}`, { headers: editor, data: { version, editorName: "值班编辑" } }));
    await ok(await request.post(`/api/v1/issues/${issue.id}/publish`, { headers: editor }));
    return { id: issue.id as number, url: `/p/${slug}/2041/${issue.number}` };
  }

  return { ...app, P, RUN, SLOW, tally, packed, sum, ok, apiAs, acceptedArticle, publishIssue };
}
