// The XSS corpus through the text inputs testing/xss-corpus.db.test.ts does
// not cover: publication fields (name, 来源, masthead subtitle, print footer),
// editorial comments (return, reject, accept), upload file names (.docx
// import, images), people's display names, 批示 and 落实反馈, 约稿 titles,
// briefs and cancellation reasons. Every payload goes into every one of these
// inputs through the API's own route handlers, packed several to a field up to
// the field's limit; every page that shows them (e2e/xss-places.ts) is rendered
// in its layouts by React's server renderer (testing/app-in-process.ts) and
// read with the static check, and a probe or the payloads themselves must be
// in its text, so the check is not vacuous. Moved from e2e/xss-inputs.spec.ts
// (issue 13): the same inputs, pages and assertions, without a server. What
// only the browser shows (the editor's image alt text) stays in that spec;
// what only Next's server adds (its scripts, headers, the reader cache) is
// checked over HTTP and in Chromium by e2e/xss.spec.ts's sampler.
import { afterAll, expect, it } from "vitest";
import { PlaceLog } from "@/e2e/xss-places";
import { chunkGroups, missingFrom, pool } from "./xss-pack";
import { makeArticleDocx } from "./docx-fixtures";
import { makePng } from "./png";
import { XSS_PAYLOADS } from "./xss-payloads";
import { attributeValues, normalizeText, visibleText } from "./xss-static";
import { request, StaticPages, xssTestApp, type Answer, type Auth, type TestUser } from "./xss-in-process";

/** Each test writes the corpus through several inputs and renders every page that shows them. */
const SLOW = 300_000;
// The unit the end-to-end hook gives a contributor by default (the demo data has it on the server).
const { createUser, tokenFor, cookieFor } = xssTestApp({ units: ["聊城市扶贫办"] });

const P = XSS_PAYLOADS;
const RUN = Date.now().toString(36);

/** Totals over the tests of this file that ran in this worker, printed at its end. */
const totals = { payloadInputs: 0, pages: 0, payloadPages: 0, refused: 0 };
afterAll(() => {
  console.log(
    `[xss-inputs] ${P.length} payloads; ${totals.payloadInputs} payload × input placements; ${totals.refused} refused with 4xx; ` +
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

it("publication name, 来源, subtitle and print footer carry the corpus", async () => {
  const log = new PlaceLog();
  const pages = new StaticPages(log);
  const adminUser = await createUser("admin");
  const admin = await tokenFor(request, adminUser);
  const editorUser = await createUser("editor");
  const editor = await tokenFor(request, editorUser);
  const contributor = await tokenFor(request, await createUser("contributor"));

  // Each field gets the whole corpus, packed to its own limit; the name and 来源 (100) need the most publications.
  const names = packed(100);
  const bodies = packed(100).reverse();
  const subtitles = packed(200);
  const recipients = packed(500); // 报送
  const ccs = packed(500).reverse(); // 抄送
  const issuers = packed(200).reverse(); // 印发 (the same count as the subtitles: both on the first publications)
  // Publications with an issue, whose reader, print and desk pages are fetched: those that carry every field
  // (报送 and 抄送 pack into the fewest). The subtitle and 印发 packs beyond them are stored, shown in the settings
  // list, and rendered with every payload in every field by the one issue renderer in Vitest
  // (components/bulletin/issue-view-xss.test.ts, reader and print): more publications here would add names, not code paths.
  const withPrintFields = recipients.length;
  const pubs = await pool(names, 4, async (name, i) => {
    const slug = `xi${RUN}-${i}`;
    const fields = { name, issuingBody: bodies[i]!, subtitle: subtitles[i], printRecipients: recipients[i], printCc: ccs[i], printIssuer: issuers[i] };
    // Both ways in: created with the name and 来源, then every field set by PATCH.
    await ok(await request.post("/api/v1/publications", { headers: admin, data: { slug, name: name.text, issuingBody: bodies[i]!.text, requiresSignoff: false } }), 201);
    const data = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v?.text ?? null]));
    await ok(await request.patch(`/api/v1/publications/${slug}`, { headers: admin, data: { ...data, printCopies: 10 } }));
    const probe = `刊物探针${i}号`;
    // Only the publications whose print view is checked below get an issue; the rest are shown on the home page and the lists.
    if (i >= withPrintFields) return { slug, issueId: 0, url: "", articleId: 0, n: sum(Object.values(fields)), probe, fields };
    const articleId = await acceptedArticle(contributor, editor, probe);
    const issue = await publishIssue(editor, slug, articleId);
    return { slug, issueId: issue.id, url: issue.url, articleId, n: sum(Object.values(fields)), probe, fields };
  });
  const placed = sum(names) + sum(bodies) + sum(subtitles) + sum(recipients) + sum(ccs) + sum(issuers);
  expect(placed).toBe(P.length * 6);

  // The issue page (masthead: name, 来源) and the print view (subtitle, 报送/抄送/印发) of those with print fields;
  // the preview, the Word file and the rest for the publications that carry every field: the same renderer, so the
  // others would add names, not code paths (and every name is on the home page, the issues list and the admin's list).
  const editorPages = await cookieFor(editorUser);
  const full = recipients.length;
  const shown = (p: (typeof pubs)[number], keys: (keyof (typeof pubs)[number]["fields"])[]) => keys.flatMap((k) => p.fields[k]?.all ?? []);
  await pool(pubs.slice(0, withPrintFields), 4, async (p, i) => {
    await pages.html("issue", p.url, { payloads: p.n, shows: [p.probe, ...shown(p, ["name", "issuingBody"])] });
    await pages.html("print", `${p.url}/print`, { payloads: p.n, shows: [p.probe, ...shown(p, ["name", "subtitle", "printRecipients", "printCc", "printIssuer"])] });
    await pages.html("preview", `/workspace/issues/${p.issueId}/preview`, { headers: editorPages, payloads: p.n, shows: [p.probe, ...shown(p, ["name", "issuingBody"])] });
    await pages.docx("docx", `${p.url}/issue.docx`, { payloads: p.n, shows: [p.probe, ...shown(p, ["name", "subtitle", "printRecipients", "printCc", "printIssuer"])] });
    await pages.html("archive", `/p/${p.slug}`, { payloads: names[i]!.n + bodies[i]!.n, shows: shown(p, ["name", "issuingBody"]) });
    await pages.html("permalink", `${p.url}/a/${p.articleId}`, { payloads: names[i]!.n, shows: [p.probe, ...shown(p, ["name"])] });
    await pages.feed("feed", `/p/${p.slug}/feed.xml`, { payloads: names[i]!.n, shows: shown(p, ["name"]) });
    await pages.html("board", `/workspace/issues/${p.issueId}`, { headers: editorPages, payloads: names[i]!.n, shows: [p.probe] });
  });
  // The pages that list them all: the home page, the issues list, the admin's publications and each one's settings.
  await pages.html("home", "/", { payloads: P.length * 2, shows: [...P] });
  // The search form's filter lists every publication with a published issue, by name.
  const published = pubs.slice(0, withPrintFields).flatMap((p) => p.fields.name.all);
  await pages.html("search", "/search", { payloads: published.length, shows: published });
  await pages.html("issues", "/workspace/issues", { headers: editorPages, payloads: P.length, shows: pubs.slice(0, withPrintFields).flatMap((p) => p.fields.name.all) });
  const adminPages = await cookieFor(adminUser);
  await pages.html("adminPublications", "/workspace/admin/publications", { headers: adminPages, payloads: P.length * 2, shows: [...P] });
  await pool(pubs.slice(0, full), 4, async (p) => {
    const { html } = await pages.html("adminPublication", `/workspace/admin/publications/${p.slug}`, { headers: adminPages, payloads: p.n });
    // The settings form holds every field as a value.
    const values = attributeValues(html, "input", "value").map(normalizeText);
    const text = visibleText(html); // textareas hold theirs as text
    for (const [k, v] of Object.entries(p.fields)) if (v) expect(values.includes(normalizeText(v.text)) || text.includes(normalizeText(v.text)), `${p.slug} ${k}: ${JSON.stringify(v.text)} not in ${JSON.stringify(values)}`).toBe(true);
  });
  expect(log.missing("publications")).toEqual([]);
  tally(log, placed);
  console.log(`[xss-inputs] publications: ${pubs.length} publications, ${pubs.filter((p) => p.issueId).length} with a published issue, ${placed} payload × field placements, ${log.pages} pages; ${log.summary()}`);
}, SLOW);

it("editorial comments (return, reject, accept) carry the corpus", async () => {
  const log = new PlaceLog();
  const pages = new StaticPages(log);
  const editorUser = await createUser("editor");
  const editor = await tokenFor(request, editorUser);
  const editorPages = await cookieFor(editorUser);
  const adminPages = await cookieFor(await createUser("admin"));
  const comments = packed(2000, (i) => `意见探针${i}号 `);
  const decisions = ["return", "reject", "accept"] as const;
  let placed = 0;
  await pool(comments, 2, async (comment, i) => {
    // One contributor per comment, so the desk's latest notifications are these three decisions.
    const contributorUser = await createUser("contributor");
    const contributor = await apiAs(contributorUser);
    const probe = `意见探针${i}号`;
    const ids: number[] = [];
    for (const decision of decisions) {
      const { id } = await ok(await request.post("/api/v1/articles", { headers: contributor, data: { title: `${decision}稿件${i}`, html: "<p>正文</p>" } }), 201);
      await ok(await request.post(`/api/v1/articles/${id}/submit`, { headers: contributor }));
      await ok(await request.post(`/api/v1/articles/${id}/${decision}`, { headers: editor, data: { comment: comment.text } }));
      placed += comment.n;
      ids.push(id);
    }
    const notices = await ok(await request.get("/api/v1/notifications", { headers: contributor }));
    expect(JSON.stringify(notices)).toContain(probe);
    const contributorPages = await cookieFor(contributorUser);
    await pages.html("desk", "/workspace", { headers: contributorPages, payloads: comment.n * decisions.length, shows: [probe] });
    for (const id of ids) {
      await pages.html("articleDesk", `/workspace/articles/${id}`, { headers: contributorPages, payloads: comment.n, shows: [probe, ...comment.all] });
      await pages.html("articleDesk", `/workspace/articles/${id}`, { headers: editorPages, payloads: comment.n, shows: [probe] });
    }
  });
  await pages.html("desk", "/workspace", { headers: editorPages, payloads: 0 });
  // The audit log shows each decision's comment (in its details).
  await pages.html("audit", `/workspace/admin/audit?actor=${editorUser.id}&action=article.&limit=200`, { headers: adminPages, payloads: placed, shows: comments.map((_, i) => `意见探针${i}号`) });
  expect(placed).toBe(P.length * decisions.length);
  expect(log.missing("comments")).toEqual([]);
  tally(log, placed);
  console.log(`[xss-inputs] comments: ${comments.length} comments × ${decisions.length} decisions, ${placed} payload placements, ${log.pages} pages; ${log.summary()}`);
}, SLOW);

it("批示, 落实反馈 and 上级采用 carry the corpus (leader, text, feedback, office, note)", async () => {
  const log = new PlaceLog();
  const pages = new StaticPages(log);
  const admin = await apiAs(await createUser("admin"));
  // A unit of the test's own, so its desk lists exactly these instructions.
  const unit = await ok(await request.post("/api/v1/units", { headers: admin, data: { name: `批示探针单位${RUN}` } }), 201);
  const contributorUser = await createUser("contributor", { unit: unit.name });
  const contributor = await apiAs(contributorUser);
  const editorUser = await createUser("editor");
  const editor = await apiAs(editorUser);
  const signerUser = await createUser("signer");
  const signer = await apiAs(signerUser);
  const slug = `xi${RUN}`;
  await ok(await request.post("/api/v1/publications", { headers: admin, data: { slug, name: `批示探针简报${RUN}`, issuingBody: "宣传信息组", requiresSignoff: false } }), 201);
  const articleId = await acceptedArticle(contributor, editor, `批示探针稿件${RUN}`);
  await publishIssue(editor, slug, articleId);

  // Leaders (100 characters) and offices (100) hold the corpus a few payloads each; texts (5000) and notes (500) with a probe.
  const leaders = packed(100);
  const texts = packed(2000, (i) => `批示探针${i}号 `);
  const offices = packed(100);
  const notes = packed(500, (i) => `刊用探针${i}号 `);
  const feedback = packed(2000, (i) => `反馈探针${i}号 `);
  let placed = 0;
  const ids: number[] = [];
  for (const [i, leader] of leaders.entries()) {
    const text = texts[i % texts.length]!;
    const { id } = await ok(await request.post(`/api/v1/articles/${articleId}/instructions`, { headers: signer, data: { leader: leader.text, level: "provincial", date: "2026-01-05", text: text.text } }), 201);
    ids.push(id);
    placed += leader.n + (i < texts.length ? text.n : 0);
  }
  // Feedback is rich text: sanitized on the server, so a probe must show and nothing may run; a document that
  // still holds an unsafe link after sanitizing is refused whole (422 naming the field), as an article body is.
  const answered = new Set<number>();
  let refused = 0;
  for (const [i, f] of feedback.entries()) {
    const res = await request.post(`/api/v1/instructions/${ids[i]!}/feedback`, { headers: contributor, data: { text: `<p>${f.text}</p>` } });
    if (res.status() === 422) {
      expect(Object.keys((await res.json()).error.fields)).toEqual(["text"]);
      refused += f.n;
      continue;
    }
    expect(res.status(), await res.text()).toBe(201);
    answered.add(i);
    placed += f.n;
  }
  expect(answered.size).toBeGreaterThan(0);
  for (const [i, office] of offices.entries()) {
    const note = notes[i];
    await ok(await request.post(`/api/v1/articles/${articleId}/adoptions`, { headers: editor, data: { by: office.text, level: "national", date: "2026-01-06", ...(note ? { note: note.text } : {}) } }), 201);
    placed += office.n + (note?.n ?? 0);
  }
  const all = [...leaders, ...texts].map((v) => v.text);
  const corpus = sum(leaders) + sum(texts);
  await pages.html("instructionLedger", "/workspace/instructions", { headers: await cookieFor(signerUser), payloads: corpus, shows: all });
  const editorPages = await cookieFor(editorUser);
  const article = `/workspace/articles/${articleId}`;
  await pages.html("articleDesk", article, { headers: editorPages, payloads: corpus + sum(offices) + sum(notes) + sum(feedback.filter((_, i) => answered.has(i))), shows: [...all, ...offices.map((o) => o.text), ...notes.map((n) => n.text), ...[...answered].map((i) => `反馈探针${i}号`)] });
  const contributorPages = await cookieFor(contributorUser);
  await pages.html("articleDesk", article, { headers: contributorPages, payloads: corpus, shows: all });
  // The desk lists the instructions still awaiting feedback.
  const awaiting = leaders.filter((_, i) => !answered.has(i));
  await pages.html("desk", "/workspace", { headers: contributorPages, payloads: sum(awaiting), shows: awaiting.map((l) => l.text) });
  expect(sum(leaders)).toBe(P.length);
  expect(sum(offices)).toBe(P.length);
  expect(log.missing("instructions")).toEqual([]);
  tally(log, placed, refused);
  console.log(`[xss-inputs] instructions: ${ids.length} instructions, ${answered.size} of ${feedback.length} feedback accepted (${refused} payloads refused with 422), ${offices.length} adoptions, ${placed} payload placements, ${log.pages} pages; ${log.summary()}`);
}, SLOW);

it("upload file names (.docx import, images) carry the corpus to the desks", async () => {
  const log = new PlaceLog();
  const pages = new StaticPages(log);
  const contributorUser = await createUser("contributor");
  const contributor = await tokenFor(request, contributorUser);
  const docx = await makeArticleDocx();
  let refused = 0;
  let placed = 0;

  /** Uploads under `name`; a refused name must be a 4xx with the error shape. Returns the JSON, or null when refused. */
  async function upload(url: string, name: string, mimeType: string, buffer: Buffer) {
    const res = await request.post(url, { headers: contributor, multipart: { file: { name, mimeType, buffer } } });
    if (res.status() === 201) return res.json();
    expect(res.status(), `${name}: ${await res.text()}`).toBeGreaterThanOrEqual(400);
    expect(res.status()).toBeLessThan(500);
    expect((await res.json()).error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    return null;
  }
  /** Every payload in a file name: packed to 200 characters (what the server keeps), one by one when a pack is refused. */
  async function uploadAll(url: string, mimeType: string, ext: string, bytes: (n: number) => Buffer) {
    const accepted: { name: string; body: Record<string, unknown> }[] = [];
    let n = 0;
    await pool(chunkGroups(200 - ext.length), 3, async (group) => {
      const name = group.join(" ") + ext;
      const body = await upload(url, name, mimeType, bytes(n++));
      if (body) {
        accepted.push({ name, body });
        placed += group.length;
        return;
      }
      for (const p of group) {
        const single = await upload(url, p + ext, mimeType, bytes(n++));
        if (single) {
          accepted.push({ name: p + ext, body: single });
          placed += 1;
        } else refused += 1;
      }
    });
    return accepted;
  }

  const imported = await uploadAll("/api/v1/articles/import", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", () => docx);
  // Images: each a distinct PNG (none deduplicated away); the editor puts the file name without its extension in the alt text.
  const images = await uploadAll("/api/v1/media", "image/png", ".png", (n) => makePng(20 + n, 10));
  const alts = images.map((i) => i.name.replace(/\.[^.]+$/, ""));
  const body = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "图片探针" }] },
      ...images.map((img, i) => ({ type: "image", attrs: { src: img.body.url, alt: alts[i] } })),
    ],
  };
  const withImages = await ok(await request.post("/api/v1/articles", { headers: contributor, data: { title: "图片文件名探针", body } }), 201);

  const own = await cookieFor(contributorUser);
  await pages.html(null, "/workspace/articles/import", { headers: own, payloads: 0 }); // shows no file name, opened all the same
  await pages.html("desk", "/workspace", { headers: own, payloads: 0, shows: ["图片文件名探针"] });
  // The imported drafts (their title comes from the document; the file name is not kept): a sample.
  for (const { body: draft } of imported.slice(0, 5)) await pages.html("articleDesk", `/workspace/articles/${draft.id}`, { headers: own, payloads: 0 });
  await pages.html("editor", `/workspace/articles/${imported[0]!.body.id}/edit`, { headers: own, payloads: 0 });
  // The article page renders the images on the server: the alt text is there, as attributes.
  const { html } = await pages.html("articleDesk", `/workspace/articles/${withImages.id}`, { headers: own, payloads: alts.length, shows: ["图片探针"] });
  expect(attributeValues(html, "img[alt]", "alt")).toEqual(expect.arrayContaining(alts));
  // The editor renders the body (and so the images' alt text) only in the browser: e2e/xss-inputs.spec.ts opens it in Chromium.
  expect(placed + refused).toBe(P.length * 2);
  expect(log.missing("uploads")).toEqual([]);
  tally(log, placed, refused);
  console.log(
    `[xss-inputs] file names: ${imported.length} .docx imports, ${images.length} images; ${placed} payload placements, ${refused} names refused with 4xx, ${log.pages} pages; ${log.summary()}`,
  );
}, SLOW);

it("display names carry the corpus (users list, audit log, article history and author)", async () => {
  const log = new PlaceLog();
  const pages = new StaticPages(log);
  const adminUser = await createUser("admin");
  const admin = await tokenFor(request, adminUser);
  const adminPages = await cookieFor(adminUser);
  const editorUser = await createUser("editor");
  const editorPages = await cookieFor(editorUser);
  const unitName = `姓名探针单位${RUN}`;
  const unit = await ok(await request.post("/api/v1/units", { headers: admin, data: { name: unitName } }), 201);
  const names = packed(100);

  // Created by the admin with payload names (users list); and contributors renamed to them, who then act (audit, history, author).
  await pool(names, 4, async (name, i) => {
    await ok(await request.post("/api/v1/users", { headers: admin, data: { email: `xssname-${RUN}-${i}@e2e.test`, name: name.text, role: "editor" } }), 201);
  });
  const all = names.flatMap((n) => n.all);
  await pages.html("adminUsers", `/workspace/admin?q=${encodeURIComponent(`xssname-${RUN}`)}`, { headers: adminPages, payloads: P.length, shows: all });
  const owner = await createUser("contributor", { unit: unitName });
  const ownerAuth = await apiAs(owner);
  const shared = await ok(await request.post("/api/v1/articles", { headers: ownerAuth, data: { title: "共同修改的稿件", html: "<p>起草</p>" } }), 201);
  const actors = await pool(names, 4, async (name) => {
    const user = await createUser("contributor", { unit: unitName });
    await ok(await request.patch(`/api/v1/users/${user.id}`, { headers: admin, data: { name: name.text } }));
    return { ...user, name: name.text };
  });
  // Each renamed contributor revises the shared draft (one after another: the version goes up each time).
  let version = shared.version as number;
  for (const [i, user] of actors.entries()) {
    version = (await ok(await request.patch(`/api/v1/articles/${shared.id}`, { headers: await apiAs(user), data: { version, html: `<p>第${i}次修改</p>` } }))).version;
  }
  // A sample of them (every tenth) also writes and submits an article of their own: the author field of the article page.
  const sample = actors.map((user, i) => ({ user, i })).filter(({ i }) => i % 10 === 0);
  const ownIds = await pool(sample, 4, async ({ user, i }) => {
    const auth = await apiAs(user);
    const own = await ok(await request.post("/api/v1/articles", { headers: auth, data: { title: `作者探针${i}`, html: "<p>正文</p>" } }), 201);
    await ok(await request.post(`/api/v1/articles/${own.id}/submit`, { headers: auth }));
    return own.id as number;
  });
  const placed = sum(names);
  expect(placed).toBe(P.length);

  await pages.html("adminUsers", `/workspace/admin?unitId=${unit.id}`, { headers: adminPages, payloads: P.length, shows: all });
  await pool(sample, 4, ({ user, i }) => pages.html("adminUser", `/workspace/admin/users/${user.id}`, { headers: adminPages, payloads: names[i]!.n, shows: names[i]!.all }));
  await pages.html("audit", "/workspace/admin/audit?action=article.update&limit=200", { headers: adminPages, payloads: placed, shows: all });
  await pages.html("audit", "/workspace/admin/audit?action=user.&limit=200", { headers: adminPages, payloads: 0 });

  // The shared draft: every name is the author of a revision and the actor of an event.
  const ownerPages = await cookieFor(owner);
  await pages.html("history", `/workspace/articles/${shared.id}/history`, { headers: ownerPages, payloads: placed, shows: all });
  await pages.html("articleDesk", `/workspace/articles/${shared.id}`, { headers: ownerPages, payloads: placed });
  await pages.html("desk", "/workspace", { headers: ownerPages, payloads: placed });
  // Each sampled author's own article: the editor's article page (author field), and the author's own desk.
  await pages.html("desk", "/workspace", { headers: editorPages, payloads: 0 }); // the inbox lists titles, not authors
  await pool(sample, 4, async ({ user, i }, k) => {
    await pages.html("articleDesk", `/workspace/articles/${ownIds[k]}`, { headers: editorPages, payloads: names[i]!.n, shows: [names[i]!.first] });
    await pages.html("desk", "/workspace", { headers: await cookieFor(user), payloads: names[i]!.n });
  });
  expect(log.missing("names")).toEqual([]);
  tally(log, placed * 2);
  console.log(`[xss-inputs] display names: ${names.length} created + ${names.length} renamed users, ${placed * 2} payload placements, ${log.pages} pages; ${log.summary()}`);
}, SLOW);

it("约稿 titles and briefs carry the corpus (the commission pages, the desk, the answering article)", async () => {
  const log = new PlaceLog();
  const pages = new StaticPages(log);
  const adminUser = await createUser("admin");
  const admin = await tokenFor(request, adminUser);
  const editorUser = await createUser("editor");
  const editor = await apiAs(editorUser);
  const editorPages = await cookieFor(editorUser);
  // Two units of the test's own, named by payloads (after a probe: unit names are unique across tests).
  const unitNames = [`约稿探针单位${RUN}甲 ${P[7]!.trim()}`, `约稿探针单位${RUN}乙 ${P[11]!.trim()}`];
  const unitIds: number[] = [];
  for (const name of unitNames) unitIds.push((await ok(await request.post("/api/v1/units", { headers: admin, data: { name } }), 201)).id);
  const contributorUser = await createUser("contributor", { unit: unitNames[0] });
  const contributor = await apiAs(contributorUser);
  const contributorPages = await cookieFor(contributorUser);
  const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString();
  const textDoc = (texts: string[]) => ({ type: "doc", content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });

  // Titles: the corpus packed to the 200-character limit after a probe; each commission's brief holds its payloads as text.
  const titles = packed(200, (i) => `约稿探针${i}号 `);
  const made = await pool(titles, 4, async (title) => {
    const body = await ok(await request.post("/api/v1/commissions", { headers: editor, data: { title: title.text, brief: textDoc(title.all), deadline, unitIds } }), 201);
    return { id: body.id as number, title };
  });
  // Briefs as HTML: the whole corpus in <p>s, sanitized on the server; a group refused (422, nothing safe left) is split until each refused payload stands alone.
  let refused = 0;
  const htmlBriefs: { id: number; n: number }[] = [];
  const sendHtml = async (group: string[]): Promise<void> => {
    const res = await request.post("/api/v1/commissions", { headers: editor, data: { title: `约稿HTML探针${htmlBriefs.length}`, brief: group.map((p) => `<p>${p}</p>`).join(""), deadline, unitIds } });
    if (res.status() === 201) return void htmlBriefs.push({ id: (await res.json()).id, n: group.length });
    expect(res.status(), await res.text()).toBe(422);
    expect((await res.json()).error.fields.brief).toBeTruthy();
    if (group.length === 1) return void (refused += 1);
    const half = Math.ceil(group.length / 2);
    await sendHtml(group.slice(0, half));
    await sendHtml(group.slice(half));
  };
  await sendHtml([...P]);
  expect(htmlBriefs.reduce((n, b) => n + b.n, 0) + refused).toBe(P.length);

  // The unit answers the first commission: the answer's pages name it.
  const first = made[0]!;
  const answer = await ok(await request.post("/api/v1/articles", { headers: contributor, data: { title: "约稿回复探针", html: "<p>正文</p>", commissionId: first.id } }), 201);

  const allTitles = made.flatMap((m) => m.title.all);
  await pages.html("commissions", "/workspace/commissions", { headers: editorPages, payloads: P.length + unitNames.length, shows: [...allTitles, ...unitNames] });
  await pool(made, 4, (m) =>
    pages.html("commission", `/workspace/commissions/${m.id}`, { headers: editorPages, payloads: m.title.n * 2 + unitNames.length, shows: [...m.title.all, ...unitNames] }),
  );
  await pool(htmlBriefs, 4, (b) => pages.html("commission", `/workspace/commissions/${b.id}`, { headers: editorPages, payloads: b.n }));
  await pages.html("commission", `/workspace/commissions/${first.id}`, { headers: contributorPages, payloads: first.title.n * 2 + 1, shows: [...first.title.all, "约稿回复探针"] });
  await pages.html("commissions", "/workspace/commissions", { headers: contributorPages, payloads: P.length, shows: allTitles });
  // The desk lists the unit's open commissions (up to 100, soonest first).
  await pages.html("desk", "/workspace", { headers: contributorPages, payloads: P.length, shows: [first.title.first] });
  await pages.html("newArticle", `/workspace/articles/new?commission=${first.id}`, { headers: contributorPages, payloads: first.title.n, shows: first.title.all });
  await pages.html("importDocx", `/workspace/articles/import?commission=${first.id}`, { headers: contributorPages, payloads: P.length, shows: [first.title.first] });
  await pages.html("articleDesk", `/workspace/articles/${answer.id}`, { headers: contributorPages, payloads: first.title.n, shows: first.title.all });
  await pages.html("articleDesk", `/workspace/articles/${answer.id}`, { headers: editorPages, payloads: first.title.n, shows: first.title.all });
  await pages.html("editor", `/workspace/articles/${answer.id}/edit`, { headers: contributorPages, payloads: first.title.n, shows: first.title.all });
  // The audit log shows each commission's title in its details (50 entries a page: the older ones on the next).
  const adminPages = await cookieFor(adminUser);
  let auditUrl: string | null = `/workspace/admin/audit?actor=${editorUser.id}&action=commission.`;
  let auditText = "";
  while (auditUrl) {
    const { html, text } = await pages.html("audit", auditUrl, { headers: adminPages, payloads: P.length });
    auditText += text;
    const older: string | undefined = attributeValues(html, "a[href^='/workspace/admin/audit?']", "href").find((h) => h.includes("before="));
    auditUrl = older ? older.replace(/&amp;/g, "&") : null;
  }
  expect(missingFrom(auditText, made.map((_, i) => `约稿探针${i}号`))).toEqual([]);
  // 撤销: the corpus as cancellation reasons (up to 500 characters each), shown on the commissions' pages and in the list, to the editors and the unit.
  const reasons = packed(500, (i) => `撤销原因${i} `);
  const toCancel = made.slice(1, 1 + reasons.length);
  expect(toCancel).toHaveLength(reasons.length);
  await pool(
    toCancel.map((m, i) => ({ m, reason: reasons[i]! })),
    4,
    async ({ m, reason }) => ok(await request.post(`/api/v1/commissions/${m.id}/cancel`, { headers: editor, data: { version: 1, reason: reason.text } })),
  );
  await pool(
    toCancel.map((m, i) => ({ m, reason: reasons[i]! })),
    4,
    ({ m, reason }) => pages.html("commission", `/workspace/commissions/${m.id}`, { headers: editorPages, payloads: reason.n, shows: reason.all }),
  );
  await pages.html("commission", `/workspace/commissions/${toCancel[0]!.id}`, { headers: contributorPages, payloads: reasons[0]!.n, shows: reasons[0]!.all });
  await pages.html("commissions", "/workspace/commissions", { headers: editorPages, payloads: P.length, shows: reasons.flatMap((r) => r.all) });
  expect(log.missing("commissions")).toEqual([]);
  tally(log, P.length * 4, refused);
  console.log(`[xss-inputs] 约稿: ${made.length} titles + ${htmlBriefs.length} HTML briefs (${refused} payloads refused), ${log.pages} pages; ${log.summary()}`);
}, SLOW);
