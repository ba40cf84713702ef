// Every payload of the XSS corpus (testing/xss-payloads.ts) goes in through
// the API's route handlers — article titles, attributions, bodies (as HTML and
// as JSON text), unit names, section headings, the issue's 来源, editor and
// note, corrections, withdrawal reasons, search queries — and every page that
// shows them (e2e/xss-places.ts) is rendered in its layouts in process
// (testing/app-in-process.ts) and read with the static check
// (testing/xss-static.ts): nothing executable, and the payloads on the page
// as text. Moved from e2e/xss.spec.ts (issue 13), which keeps what needs the
// real server and a browser: the Chromium sampler (one page of each kind, with
// Next's scripts, the reader cache and the headers) and the editor, whose body
// only the browser renders, with every payload.
import { expect, it } from "vitest";
import { PlaceLog } from "@/e2e/xss-places";
import { chunkGroups, chunks, createWithHtml, pack, pool } from "./xss-pack";
import { XSS_PAYLOADS } from "./xss-payloads";
import { attributeValues } from "./xss-static";
import { request, StaticPages, xssTestApp, type Answer, type Auth, type TestUser } from "./xss-in-process";

const { createUser, tokenFor, cookieFor } = xssTestApp();

const P = XSS_PAYLOADS;
const PER_ARTICLE = 20;
/** A word in every body, so one search lists every article with a snippet. */
const PROBE = "安全探针";

const doc = (paragraphs: readonly string[]) => ({ type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });
const htmlOf = (paragraphs: readonly string[]) => paragraphs.map((p) => `<p>${p}</p>`).join("");

async function ok(res: Answer, status = 200) {
  expect(res.status(), await res.text()).toBe(status);
  return res.json() as Promise<Record<string, unknown> & { id: number; version: number }>;
}

it("XSS corpus through every page that shows user text", async () => {
  const log = new PlaceLog();
  const pages = new StaticPages(log);
  const t0 = Date.now();
  const mark = (what: string) => console.log(`[xss] ${((Date.now() - t0) / 1000).toFixed(1)} s ${what}`);
  const adminUser = await createUser("admin");
  const admin = await tokenFor(request, adminUser);
  const adminPages = await cookieFor(adminUser);
  const editorUser = await createUser("editor");
  const editor = await tokenFor(request, editorUser);
  const editorPages = await cookieFor(editorUser);
  const slug = `xss${Date.now().toString(36)}`;
  await ok(await request.post("/api/v1/publications", { headers: admin, data: { slug, name: "安全测试简报", issuingBody: "测试组", requiresSignoff: false } }), 201);

  // Units named by payloads; their contributors write the articles.
  const unitNames = P.slice(0, 4);
  const contributors: { user: TestUser; auth: Auth; pages: Auth }[] = [];
  for (const name of unitNames) {
    await ok(await request.post("/api/v1/units", { headers: admin, data: { name } }), 201);
    const user = await createUser("contributor", { unit: name.trim() });
    contributors.push({ user, auth: await tokenFor(request, user), pages: await cookieFor(user) });
  }

  // Articles: bodies of 20 payloads each, once as HTML and once as JSON text; titles and attributions packed from the corpus.
  // The plan first (the queues are packed in order), then the articles four at a time.
  const titleQueue = [...P];
  const attributionQueue = [...P].reverse();
  const plan: { batch: string[]; asHtml: boolean; title: string[]; attribution: string[]; contributor: number }[] = [];
  for (let start = 0; start < P.length; start += PER_ARTICLE) {
    for (const asHtml of [true, false]) {
      plan.push({ batch: P.slice(start, start + PER_ARTICLE), asHtml, title: pack(titleQueue, 200, 4), attribution: pack(attributionQueue, 100, 1), contributor: plan.length % contributors.length });
    }
  }
  const inTitles = plan.reduce((n, a) => n + a.title.length, 0);
  const inAttributions = plan.reduce((n, a) => n + a.attribution.length, 0);
  let refusedAsHtml = 0;
  const articles = await pool(plan, 4, async ({ batch, asHtml, title, attribution, contributor: c }, n) => {
    const contributor = contributors[c]!.auth;
    const data = { title: title.length ? title.join("\n") : `安全测试${n}`, attribution: attribution[0] ?? "测试单位" };
    let kept = batch;
    let created: { id: number; version: number };
    if (asHtml) {
      // The API refuses some HTML outright (422) — safe, and counted.
      const made = await createWithHtml(request, contributor, batch, data, [PROBE]);
      kept = made.kept;
      refusedAsHtml += made.refused.length;
      created = made;
    } else created = await ok(await request.post("/api/v1/articles", { headers: contributor, data: { ...data, body: doc([PROBE, ...batch]) } }), 201);
    const { id } = created;
    await ok(await request.post(`/api/v1/articles/${id}/submit`, { headers: contributor }));
    // A copy-edit so that the history page has a diff to show (payloads on both sides).
    const reversed = [PROBE, ...kept].reverse();
    const edit = (v: number) => request.patch(`/api/v1/articles/${id}`, { headers: editor, data: { version: v, ...(asHtml ? { html: htmlOf(reversed) } : { body: doc(reversed) }) } });
    const edited = await edit(created.version);
    if (edited.status() === 409) await ok(await edit((await edited.json()).error.current.version));
    else await ok(edited);
    await ok(await request.post(`/api/v1/articles/${id}/accept`, { headers: editor }));
    return { id, asHtml, payloads: kept, title, contributor: c };
  });
  const inBodies = articles.reduce((n, a) => n + a.payloads.length, 0);
  const ids = articles.map((a) => a.id);
  // What of a body is on its pages as text: every payload of a JSON body; of an HTML body only what the sanitizer keeps
  // (an unclosed payload may take the probe with it), so there the title lines stand for it.
  const shownBody = (a: (typeof articles)[number]) => (a.asHtml ? [] : [PROBE, ...a.payloads]);
  const titled = articles.flatMap((a) => a.title);

  mark("articles");
  // The issue: one section per article, headed by a payload; 来源, editor and the note carry payloads, the corrections the whole corpus.
  const issue = await ok(await request.post("/api/v1/issues", { headers: editor, data: { publication: slug, year: 2040 } }), 201);
  const headings = P.slice(-ids.length);
  await ok(await request.put(`/api/v1/issues/${issue.id}/layout`, { headers: editor, data: { sections: ids.map((id, i) => ({ heading: headings[i]!, articleIds: [id] })) } }));
  const { version } = await ok(await request.get(`/api/v1/issues/${issue.id}`, { headers: editor }));
  const notes = chunks(2000);
  const issueFields = { editorName: P[1]!.slice(0, 50), source: P[2]!, note: notes[0]! };
  await ok(await request.patch(`/api/v1/issues/${issue.id}`, { headers: editor, data: { version, ...issueFields } }));

  // Desks before publishing: the assembly board and the preview.
  const everyBody = articles.filter((a) => !a.asHtml).flatMap((a) => a.payloads); // as text: every payload
  expect(new Set(everyBody).size).toBe(P.length);
  await pages.html("board", `/workspace/issues/${issue.id}`, { headers: editorPages, payloads: ids.length * 5 + headings.length + 3, shows: [...headings, issueFields.source] });
  await pages.html("preview", `/workspace/issues/${issue.id}/preview`, { headers: editorPages, payloads: P.length * 2 + inTitles + inAttributions + headings.length, shows: [PROBE, ...everyBody, ...titled, ...headings] });

  await ok(await request.post(`/api/v1/issues/${issue.id}/publish`, { headers: editor }));
  const corrections = chunks(2000);
  for (const text of corrections) await ok(await request.post(`/api/v1/issues/${issue.id}/corrections`, { headers: editor, data: { text } }), 201);

  mark("issue published");
  // Readers: the issue, its print form, every permalink, the archive, the feed, the Word file.
  const readerUrl = `/p/${slug}/2040/${issue.number}`;
  const issuePayloads = P.length * 2 + inTitles + inAttributions + headings.length + P.length /* corrections */ + 3;
  const onIssue = [PROBE, ...everyBody, ...titled, ...headings, ...corrections, issueFields.source, issueFields.note];
  await pages.html("issue", readerUrl, { payloads: issuePayloads, shows: onIssue });
  await pages.html("print", `${readerUrl}/print`, { payloads: issuePayloads, shows: onIssue });
  await pool(articles, 4, (a, i) =>
    pages.html("permalink", `${readerUrl}/a/${a.id}`, { payloads: a.payloads.length + a.title.length + 1 + 1 + P.length, shows: [...a.title, headings[i]!, ...shownBody(a)] }),
  );
  // The Word file is the printed form: no note, no corrections.
  await pages.docx("docx", `${readerUrl}/issue.docx`, { payloads: issuePayloads - P.length - 1, shows: [PROBE, ...everyBody, ...titled, ...headings, issueFields.source] });
  await pages.feed("feed", `/p/${slug}/feed.xml`, { payloads: inTitles + headings.length, shows: [...titled, ...headings] });

  mark("reader pages");
  // Search: results with snippets, and every payload in a query (shown back in the search field, the result count or
  // "nothing found", the pages' links; highlighted in the snippets). Queries are packed up to the 100-character limit
  // from the payloads of one JSON body, so each finds that article and marks its payloads in the snippet.
  await pages.html("search", `/search?q=${encodeURIComponent(PROBE)}`, { payloads: ids.length * 5, shows: [PROBE, ...titled.slice(0, 5)] });
  const queries = articles.filter((a) => !a.asHtml).flatMap((a) => chunkGroups(100, " ", a.payloads));
  expect(queries.flat().sort()).toEqual([...P].sort());
  await pool(queries, 4, async (group) => {
    const q = group.join(" ");
    const { html } = await pages.html("search", `/search?q=${encodeURIComponent(q)}`, { payloads: group.length });
    expect(attributeValues(html, "input[name=q]", "value"), q).toEqual([q]);
  });

  mark("search");
  // The desks: each article's page (with its events) and history diff; the desks that list them; the units' pages.
  await pool(articles, 4, async (a) => {
    const shows = [...a.title, ...shownBody(a)];
    await pages.html("articleDesk", `/workspace/articles/${a.id}`, { headers: editorPages, payloads: a.payloads.length + a.title.length + 2, shows: [...shows, unitNames[a.contributor]!] });
    await pages.html("history", `/workspace/articles/${a.id}/history`, { headers: editorPages, payloads: a.payloads.length * 2, shows: shownBody(a).slice(0, 1) });
  });
  await pages.html("desk", "/workspace?status=published&limit=200", { headers: editorPages, payloads: ids.length * 5 + unitNames.length, shows: [...articles.map((a) => a.title[0] ?? ""), ...unitNames] });
  for (const [i, c] of contributors.entries()) {
    const own = articles.filter((a) => a.contributor === i);
    await pages.html("desk", "/workspace", { headers: c.pages, payloads: own.length * 5 + 1, shows: [...own.map((a) => a.title[0] ?? "")] });
    const { html } = await pages.html("newArticle", "/workspace/articles/new", { headers: c.pages, payloads: 1 });
    expect(attributeValues(html, "input", "value").map((v) => v.trim()), "the unit's name as the default attribution").toContain(unitNames[i]!.trim());
  }
  await pages.html("issues", "/workspace/issues", { headers: editorPages, payloads: 0 });
  await pages.html("stats", "/workspace/stats", { headers: editorPages, payloads: unitNames.length, shows: unitNames });
  await pages.html("adminUnits", "/workspace/admin/units", { headers: adminPages, payloads: unitNames.length, shows: unitNames });
  await pages.html("archive", `/p/${slug}`, { payloads: 0 });

  mark("desks");
  // Withdrawn issues: the reader's 410 notice gives the reason; every payload is in one.
  const reasons = chunkGroups(1000);
  await pool(reasons, 2, async (group, i) => {
    const reason = group.join(" ");
    const c = contributors[i % contributors.length]!.auth;
    const { id } = await ok(await request.post("/api/v1/articles", { headers: c, data: { title: `撤回测试${i}`, html: "<p>正文</p>" } }), 201);
    await ok(await request.post(`/api/v1/articles/${id}/submit`, { headers: c }));
    await ok(await request.post(`/api/v1/articles/${id}/accept`, { headers: editor }));
    const w = await ok(await request.post("/api/v1/issues", { headers: editor, data: { publication: slug, year: 2041 + i } }), 201);
    const laid = await ok(await request.put(`/api/v1/issues/${w.id}/layout`, { headers: editor, data: { sections: [{ heading: "栏目", articleIds: [id] }] } }));
    await ok(await request.patch(`/api/v1/issues/${w.id}`, { headers: editor, data: { version: laid.version, editorName: "值班编辑" } }));
    await ok(await request.post(`/api/v1/issues/${w.id}/publish`, { headers: editor }));
    await ok(await request.post(`/api/v1/issues/${w.id}/withdraw`, { headers: editor, data: { reason } }));
    await pages.html("withdrawn", `/withdrawn-notice/${slug}/${2041 + i}/${w.number}`, { status: 410, payloads: group.length, shows: [reason] });
  });
  expect(reasons.flat()).toHaveLength(P.length);

  mark("withdrawn");

  // The editor renders a body only in the browser: e2e/xss.spec.ts opens every payload in it in Chromium.
  expect(log.missing("corpus")).toEqual([]);
  console.log(
    `[xss] ${P.length} payloads; ${ids.length} articles (titles ${inTitles}, attributions ${inAttributions}, bodies ${inBodies}, refused as HTML ${refusedAsHtml}); ` +
      `${unitNames.length} unit names, ${headings.length} headings, ${corrections.length} corrections, ${reasons.length} withdrawal reasons, ${queries.length} search queries holding every payload; ` +
      `${log.pages} pages fetched, ${log.payloadPages} payload×page checks, static: nothing executable; by place: ${log.summary()}`,
  );
}, 300_000);
