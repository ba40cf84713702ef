// The XSS corpus (testing/xss-payloads.ts) where only the real server and a
// browser can check it. The sampler opens one page of each kind in Chromium
// with about ten payloads chosen to cover each context, with the marker
// `__xss()` and a dialog guard: Next's own scripts and RSC payload, the
// reader front's cached documents and the headers are all there. The editor,
// whose body only the browser renders, is opened with every payload.
//
// Every payload through every input and every page that shows it (e2e/xss-places.ts),
// with the static check (testing/xss-static.ts), moved to Vitest (issue 13):
// testing/xss-corpus.db.test.ts (articles, units, headings, the issue's fields,
// corrections, withdrawal reasons, search) and testing/xss-inputs.db.test.ts
// (the other inputs), on pages rendered in process.
import { test, expect, createUser, sessionCookieFor } from "./fixtures";
import { XSS_PAYLOADS } from "../testing/xss-payloads";
import { createWithHtml, guard, pack, tokenFor, visit } from "./xss-helpers";
import { PLACES_BY_TEST, PlaceLog, XSS_PLACES, type PlaceId } from "./xss-places";

// The tests share no data: the workers take them side by side.
test.describe.configure({ mode: "parallel" });

const P = XSS_PAYLOADS;
/** A word in every body the editor opens, so the test knows the body is there. */
const PROBE = "安全探针";

const doc = (paragraphs: readonly string[]) => ({ type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });

async function ok(res: { status(): number; text(): Promise<string>; json(): Promise<unknown> }, status = 200) {
  expect(res.status(), await res.text()).toBe(status);
  return res.json() as Promise<Record<string, unknown> & { id: number; version: number }>;
}

test("the list of places is covered: every place by a test, the sampler on each kind, client-rendered text in Chromium", () => {
  const places = Object.keys(XSS_PLACES) as PlaceId[];
  const covered = new Set(Object.values(PLACES_BY_TEST).flat());
  expect(places.filter((p) => !covered.has(p))).toEqual([]);
  const sampled = places.filter((p) => "sampler" in XSS_PLACES[p]);
  expect([...PLACES_BY_TEST.sampler].sort()).toEqual([...sampled].sort());
  expect(places.filter((p) => "client" in XSS_PLACES[p] && !sampled.includes(p))).toEqual([]);
});

test("the editor shows every payload of an article body, as text and as kept HTML, and nothing runs", async ({ page, context, request }) => {
  test.setTimeout(180_000);
  const log = new PlaceLog();
  const owner = await createUser("contributor");
  const auth = await tokenFor(request, owner);
  // The editor renders a body only in the browser: every payload as text (C), and as the HTML the API keeps (D; what
  // it refuses outright is refused whole, and counted), opened in Chromium with the marker and dialog guard.
  const c = await ok(await request.post("/api/v1/articles", { headers: auth, data: { title: "编辑器探针文本", body: doc([PROBE, ...P]) } }), 201);
  const d = await createWithHtml(request, auth, P, { title: "编辑器探针HTML" }, [PROBE]);
  expect(d.kept.length + d.refused.length).toBe(P.length);
  const g = await guard(context, page);
  await context.addCookies([await sessionCookieFor(owner)]);
  const editorContent = () => expect(page.locator(".ProseMirror")).toContainText(PROBE);
  await visit(page, g, `/workspace/articles/${c.id}/edit`, P.length, 200, editorContent);
  await expect(page.locator(".ProseMirror")).toContainText(P.at(-1)!);
  log.add("editor", P.length);
  await visit(page, g, `/workspace/articles/${d.id}/edit`, d.kept.length, 200, editorContent);
  log.add("editor", d.kept.length);
  expect(g.fired).toEqual([]);
  expect(g.dialogs).toEqual([]);
  expect(log.missing("corpusEditor")).toEqual([]);
  console.log(`[xss] the editor: ${P.length} payloads as text, ${d.kept.length} as kept HTML (${d.refused.length} refused with 422); marker never called, no dialog`);
});

/** About ten payloads, one for each context a payload can land in; the sampler opens one page of each kind with them. */
const SAMPLE = [
  `<script>__xss()</script>`, // an element
  `"/><img src=x onerror=__xss()>`, // out of a double-quoted attribute
  `' onfocus='__xss()' autofocus x='`, // out of a single-quoted attribute, with autofocus
  `javascript:__xss()`, // a bare script URL
  `<a href="javascript:__xss()">link</a>`, // a javascript: link
  `<svg/onload=__xss()>`, // an SVG handler
  `<IMG SRC=x oNeRrOr=__xss()>`, // an image handler, mixed case
  `<p style="background:url(javascript:__xss())">x</p>`, // a script URL in CSS
  `" style="animation-name:x" onanimationstart="__xss()`, // style and handler, out of an attribute
  `&lt;img src=x onerror=__xss()&gt;`, // entity-encoded markup
  `<iframe srcdoc="<script>parent.__xss()</script>"></iframe>`, // srcdoc in a frame
  `<template><img src=x onerror=__xss()></template>`, // a template
  `</textarea><script>__xss()</script>`, // out of a form field's text
  `<noscript><p title="</noscript><img src=x onerror=__xss()>">`, // where parsers disagree
];

test("Chromium sampler: one page of each kind, with the marker and dialog guard", async ({ page, context, request }) => {
  test.setTimeout(300_000);
  for (const s of SAMPLE) expect(P, s).toContain(s);
  const g = await guard(context, page);
  const log = new PlaceLog();
  const as = async (user: Parameters<typeof sessionCookieFor>[0]) => {
    await context.clearCookies();
    await context.addCookies([await sessionCookieFor(user)]);
  };
  const open = async (place: PlaceId, url: string, payloads: number, ready?: () => Promise<unknown>) => {
    await visit(page, g, url, payloads, 200, ready);
    log.add(place, payloads);
  };
  const joined = (max: number, from = 0) => pack(SAMPLE.slice(from), max, SAMPLE.length).join(" ");

  const adminUser = await createUser("admin");
  const admin = await tokenFor(request, adminUser);
  const editorUser = await createUser("editor");
  const editor = await tokenFor(request, editorUser);
  const unit = SAMPLE[1]!;
  await ok(await request.post("/api/v1/units", { headers: admin, data: { name: unit } }), 201);
  const contributorUser = await createUser("contributor", { unit: unit.trim() });
  const contributor = await tokenFor(request, contributorUser);
  await ok(await request.patch(`/api/v1/users/${contributorUser.id}`, { headers: admin, data: { name: SAMPLE[2] } }));
  const slug = `smp${Date.now().toString(36)}`;
  await ok(await request.post("/api/v1/publications", { headers: admin, data: { slug, name: joined(100), issuingBody: joined(100, 5), requiresSignoff: false } }), 201);
  await ok(await request.patch(`/api/v1/publications/${slug}`, { headers: admin, data: { subtitle: joined(200, 3), printRecipients: joined(500), printCc: joined(500, 6), printIssuer: joined(200, 8) } }));

  // Article A: the sample as text, returned with a comment, revised, resubmitted, accepted with a comment; B: the sample as HTML.
  const comment = SAMPLE.join(" ");
  const a = await ok(await request.post("/api/v1/articles", { headers: contributor, data: { title: pack([...SAMPLE], 200, 4).join("\n"), attribution: SAMPLE[3], body: doc([PROBE, ...SAMPLE]) } }), 201);
  await ok(await request.post(`/api/v1/articles/${a.id}/submit`, { headers: contributor }));
  await ok(await request.post(`/api/v1/articles/${a.id}/return`, { headers: editor, data: { comment } }));
  const current = await ok(await request.get(`/api/v1/articles/${a.id}`, { headers: contributor }));
  await ok(await request.patch(`/api/v1/articles/${a.id}`, { headers: contributor, data: { version: current.version, body: doc([...SAMPLE].reverse().concat(PROBE)) } }));
  await ok(await request.post(`/api/v1/articles/${a.id}/submit`, { headers: contributor }));
  await ok(await request.post(`/api/v1/articles/${a.id}/accept`, { headers: editor, data: { comment } }));
  const b = await createWithHtml(request, contributor, SAMPLE, { title: pack(SAMPLE.slice(4), 200, 4).join("\n"), attribution: SAMPLE[8] }, [PROBE]);
  await ok(await request.post(`/api/v1/articles/${b.id}/submit`, { headers: contributor }));
  await ok(await request.post(`/api/v1/articles/${b.id}/accept`, { headers: editor }));

  // The issue: headings, 来源, editor and note from the sample.
  const issue = await ok(await request.post("/api/v1/issues", { headers: editor, data: { publication: slug, year: 2040 } }), 201);
  const laid = await ok(await request.put(`/api/v1/issues/${issue.id}/layout`, { headers: editor, data: { sections: [{ heading: SAMPLE[0], articleIds: [a.id] }, { heading: SAMPLE[5], articleIds: [b.id] }] } }));
  await ok(await request.patch(`/api/v1/issues/${issue.id}`, { headers: editor, data: { version: laid.version, editorName: SAMPLE[6]!.slice(0, 50), source: SAMPLE[1], note: comment } }));

  // A draft in the editor (the corpus test opens it with every payload).
  const e = await createWithHtml(request, contributor, SAMPLE, { title: pack([...SAMPLE], 200, 4).join("\n"), attribution: SAMPLE[11] }, [PROBE]);

  const editorContent = () => expect(page.locator(".ProseMirror")).toContainText(PROBE);
  await as(editorUser);
  await open("board", `/workspace/issues/${issue.id}`, SAMPLE.length);
  await expect(page.locator("main")).toContainText(SAMPLE[0]!);
  await open("preview", `/workspace/issues/${issue.id}/preview`, SAMPLE.length);
  await ok(await request.post(`/api/v1/issues/${issue.id}/publish`, { headers: editor }));
  await ok(await request.post(`/api/v1/issues/${issue.id}/corrections`, { headers: editor, data: { text: comment } }), 201);
  await open("articleDesk", `/workspace/articles/${a.id}`, SAMPLE.length);
  await expect(page.locator("main")).toContainText(SAMPLE[9]!);
  await open("history", `/workspace/articles/${a.id}/history`, SAMPLE.length);

  const reader = `/p/${slug}/2040/${issue.number}`;
  await open("issue", reader, SAMPLE.length);
  await expect(page.locator("main")).toContainText(SAMPLE[13]!);
  await open("print", `${reader}/print`, SAMPLE.length);
  await open("permalink", `${reader}/a/${a.id}`, SAMPLE.length);
  await open("archive", `/p/${slug}`, SAMPLE.length);
  await open("home", "/", SAMPLE.length);
  await open("search", `/search?q=${encodeURIComponent(PROBE)}`, SAMPLE.length);
  await open("search", `/search?q=${encodeURIComponent(SAMPLE[1]!)}`, 1);
  await expect(page.locator("input[name=q]")).toHaveValue(SAMPLE[1]!);

  await as(contributorUser);
  await open("desk", "/workspace", SAMPLE.length);
  await expect(page.locator("main")).toContainText(SAMPLE[12]!);
  await open("editor", `/workspace/articles/${e.id}/edit`, SAMPLE.length, editorContent);
  await expect(page.locator("main")).toContainText(SAMPLE[0]!);

  await as(adminUser);
  await open("adminUsers", `/workspace/admin?q=${encodeURIComponent(contributorUser.email)}`, 2);
  await expect(page.locator("main")).toContainText(SAMPLE[2]!);
  await open("audit", `/workspace/admin/audit?actor=${contributorUser.id}&action=article.&limit=50`, SAMPLE.length);
  await open("adminPublications", "/workspace/admin/publications", SAMPLE.length);
  await open("adminUnits", "/workspace/admin/units", 1);
  await expect(page.locator("main")).toContainText(unit.trim());

  expect(g.fired).toEqual([]);
  expect(g.dialogs).toEqual([]);
  expect(log.missing("sampler")).toEqual([]);
  console.log(`[xss] sampler: ${SAMPLE.length} payloads, ${log.pages} pages opened in Chromium, ${log.payloadPages} payload×page checks; marker never called, no dialog`);
});
