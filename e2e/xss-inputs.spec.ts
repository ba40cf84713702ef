// The XSS corpus through the text inputs e2e/xss.spec.ts does not cover:
// publication fields (name, 来源, masthead subtitle, print footer), editorial
// comments (return, reject, accept), upload file names (.docx import, images)
// and people's display names. Every payload goes into every one of these
// inputs, packed several to a field up to the field's limit; every page that
// shows them is opened in Chromium with the marker `__xss()` and the dialog
// guard of xss-helpers.ts, and a probe placed beside the payloads must be
// visible, so the check is not vacuous.
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { test, expect, createUser, sessionCookieFor, type TestUser } from "./fixtures";
import { makePng } from "../lib/testing/png";
import { XSS_PAYLOADS } from "../lib/testing/xss-payloads";
import { makeArticleDocx } from "../lib/testing/docx-fixtures";
import { checkDocx, chunkGroups, guard, tokenFor, visit, type Guard } from "./xss-helpers";

const P = XSS_PAYLOADS;
const RUN = Date.now().toString(36);
type Auth = Record<string, string>;

/** Totals over the tests of this file, printed at the end. */
const totals = { payloadInputs: 0, pages: 0, payloadPages: 0, refused: 0 };
test.afterAll(() => {
  console.log(
    `[xss-inputs] ${P.length} payloads; ${totals.payloadInputs} payload × input placements; ${totals.refused} refused with 4xx; ` +
      `${totals.pages} pages opened, ${totals.payloadPages} payload×page checks; marker never called, no dialog`,
  );
});
function tally(g: Guard, payloadInputs: number, refused = 0) {
  totals.payloadInputs += payloadInputs;
  totals.pages += g.pagesChecked;
  totals.payloadPages += g.payloadPages;
  totals.refused += refused;
}

/** The corpus packed into values of at most `max` characters after `prefix` (a probe), space-separated; `n` payloads in each. */
function packed(max: number, prefix: (i: number) => string = () => "") {
  return chunkGroups(max - prefix(999).length).map((group, i) => ({ text: prefix(i) + group.join(" "), n: group.length, first: group[0]! }));
}
/** Text as innerText shows it: whitespace runs collapsed. */
const norm = (text: string) => text.replace(/\s+/g, " ").trim();
async function shows(page: Page, text: string, where = "body") {
  expect(norm(await page.locator(where).innerText())).toContain(norm(text));
}
type Packed = ReturnType<typeof packed>[number];
const sum = (values: (Packed | undefined)[]) => values.reduce((n, v) => n + (v?.n ?? 0), 0);

async function ok(res: APIResponse, status = 200) {
  expect(res.status(), await res.text()).toBe(status);
  return res.json();
}

async function asUser(page: Page, user: TestUser) {
  await page.context().clearCookies();
  await page.context().addCookies([await sessionCookieFor(user)]);
}

/** A contributor's article taken through submit and accept; its id. */
async function acceptedArticle(request: APIRequestContext, contributor: Auth, editor: Auth, title: string) {
  const { id } = await ok(await request.post("/api/v1/articles", { headers: contributor, data: { title, html: `<p>${title}的正文。</p>` } }), 201);
  await ok(await request.post(`/api/v1/articles/${id}/submit`, { headers: contributor }));
  await ok(await request.post(`/api/v1/articles/${id}/accept`, { headers: editor }));
  return id as number;
}

/** An issue of `slug` with one article, an editor's name, published; its reader URL and id. */
async function publishIssue(request: APIRequestContext, editor: Auth, slug: string, articleId: number) {
  const issue = await ok(await request.post("/api/v1/issues", { headers: editor, data: { publication: slug, year: 2041 } }), 201);
  await ok(await request.put(`/api/v1/issues/${issue.id}/layout`, { headers: editor, data: { sections: [{ heading: "要闻", articleIds: [articleId] }] } }));
  const { version } = await ok(await request.get(`/api/v1/issues/${issue.id}`, { headers: editor }));
  await ok(await request.patch(`/api/v1/issues/${issue.id}`, { headers: editor, data: { version, editorName: "值班编辑" } }));
  await ok(await request.post(`/api/v1/issues/${issue.id}/publish`, { headers: editor }));
  return { id: issue.id as number, url: `/p/${slug}/2041/${issue.number}` };
}

test("publication name, 来源, subtitle and print footer carry the corpus", async ({ page, context, request }) => {
  test.setTimeout(1_500_000); // 3.9 min alone; 8–10+ min beside xss.spec on this 2-core machine
  const g = await guard(context, page);
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
  const pubs: { slug: string; issueId: number; url: string; articleId: number; n: number; probe: string }[] = [];
  const withPrintFields = Math.max(subtitles.length, issuers.length);
  for (let i = 0; i < names.length; i++) {
    const slug = `xi${RUN}-${i}`;
    const fields = { name: names[i]!, issuingBody: bodies[i]!, subtitle: subtitles[i], printRecipients: recipients[i], printCc: ccs[i], printIssuer: issuers[i] };
    // Created with plain values, then every field set by PATCH: both ways in.
    await ok(await request.post("/api/v1/publications", { headers: admin, data: { slug, name: `探针刊物${i}`, issuingBody: "探针单位", requiresSignoff: false } }), 201);
    const data = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v?.text ?? null]));
    await ok(await request.patch(`/api/v1/publications/${slug}`, { headers: admin, data: { ...data, printCopies: 10 } }));
    const probe = `刊物探针${i}号`;
    // Only the publications whose issue pages are opened below get an issue; the rest are shown on the home page.
    if (i < withPrintFields) {
      const articleId = await acceptedArticle(request, contributor, editor, probe);
      const issue = await publishIssue(request, editor, slug, articleId);
      pubs.push({ slug, issueId: issue.id, url: issue.url, articleId, n: sum(Object.values(fields)), probe });
    } else pubs.push({ slug, issueId: 0, url: "", articleId: 0, n: sum(Object.values(fields)), probe });
  }
  const placed = sum(pubs.map((_, i) => names[i])) + sum(bodies) + sum(subtitles) + sum(recipients) + sum(ccs) + sum(issuers);
  expect(placed).toBe(P.length * 6);

  // The print view of those with a subtitle or 印发. The preview,
  // the Word file and the rest for the publications that carry every field: the same renderer, so the others would
  // add names, not code paths (and every name is on the home page, the issues list and the admin's list below).
  await asUser(page, editorUser);
  const full = recipients.length;
  // The issue page (masthead: name, 来源) of the publications with print fields; every name and 来源 is also
  // rendered and checked on the home page below.
  for (const [i, p] of pubs.entries()) {
    if (i >= withPrintFields) break;
    await visit(page, g, p.url, p.n);
    await expect(page.locator("main")).toContainText(p.probe);
    await shows(page, names[i]!.first);
    // The print form's masthead has the subtitle, its footer 报送/抄送/印发.
    await visit(page, g, `${p.url}/print`, p.n);
    await shows(page, subtitles[i]!.first);
    await shows(page, issuers[i]!.first);
    if (i >= full) continue;
    await shows(page, recipients[i]!.first);
    await shows(page, ccs[i]!.first);
    await visit(page, g, `/workspace/issues/${p.issueId}/preview`, p.n);
    const docx = await request.get(`${p.url}/issue.docx`);
    expect(docx.status()).toBe(200);
    await checkDocx(page, g, Buffer.from(await docx.body()), p.probe, p.n);
    await visit(page, g, `/p/${p.slug}`, names[i]!.n + bodies[i]!.n);
    await visit(page, g, `${p.url}/a/${p.articleId}`, names[i]!.n);
    await visit(page, g, `/p/${p.slug}/feed.xml`, names[i]!.n);
    await visit(page, g, `/workspace/issues/${p.issueId}`, names[i]!.n);
  }
  // The pages that list them all: the home page, the issues list, the admin's publications and each one's settings.
  await visit(page, g, "/", P.length * 2);
  const home = norm(await page.locator("main").innerText());
  for (const [i, name] of names.entries()) {
    expect(home, `home page: name ${i}`).toContain(norm(name.first));
    expect(home, `home page: 来源 ${i}`).toContain(norm(bodies[i]!.first));
  }
  await visit(page, g, "/workspace/issues", P.length);
  await asUser(page, adminUser);
  await visit(page, g, "/workspace/admin/publications", P.length * 2);
  const listed = norm(await page.locator("main").innerText());
  for (const name of names) expect(listed).toContain(norm(name.first));
  for (const p of pubs.slice(0, full)) await visit(page, g, `/workspace/admin/publications/${p.slug}`, p.n);
  tally(g, placed);
  console.log(`[xss-inputs] publications: ${pubs.length} publications, ${pubs.filter((p) => p.issueId).length} with a published issue, ${placed} payload × field placements, ${g.pagesChecked} pages`);
});

test("editorial comments (return, reject, accept) carry the corpus", async ({ page, context, request }) => {
  test.setTimeout(600_000);
  const g = await guard(context, page);
  const editorUser = await createUser("editor");
  const editor = await tokenFor(request, editorUser);
  const comments = packed(2000, (i) => `意见探针${i}号 `);
  const decisions = ["return", "reject", "accept"] as const;
  let placed = 0;
  for (const [i, comment] of comments.entries()) {
    // One contributor per comment, so the desk's latest notifications are these three decisions.
    const contributorUser = await createUser("contributor");
    const contributor = await tokenFor(request, contributorUser);
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
    await asUser(page, contributorUser);
    await visit(page, g, "/workspace", comment.n * decisions.length);
    await expect(page.locator("main")).toContainText(probe);
    for (const id of ids) {
      await visit(page, g, `/workspace/articles/${id}`, comment.n);
      await expect(page.locator("main")).toContainText(probe);
      await visit(page, g, `/workspace/articles/${id}/history`, comment.n);
    }
    await asUser(page, editorUser);
    for (const id of ids) {
      await visit(page, g, `/workspace/articles/${id}`, comment.n);
      await expect(page.locator("main")).toContainText(probe);
    }
  }
  await visit(page, g, "/workspace", 0);
  expect(placed).toBe(P.length * decisions.length);
  tally(g, placed);
  console.log(`[xss-inputs] comments: ${comments.length} comments × ${decisions.length} decisions, ${placed} payload placements, ${g.pagesChecked} pages`);
});

test("upload file names (.docx import, images) carry the corpus", async ({ page, context, request }) => {
  test.setTimeout(600_000);
  const g = await guard(context, page);
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
    for (const group of chunkGroups(200 - ext.length)) {
      const name = group.join(" ") + ext;
      const body = await upload(url, name, mimeType, bytes(n++));
      if (body) {
        accepted.push({ name, body });
        placed += group.length;
        continue;
      }
      for (const p of group) {
        const single = await upload(url, p + ext, mimeType, bytes(n++));
        if (single) {
          accepted.push({ name: p + ext, body: single });
          placed += 1;
        } else refused += 1;
      }
    }
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

  await asUser(page, contributorUser);
  await visit(page, g, "/workspace/articles/import", 0);
  await visit(page, g, "/workspace", 0);
  await expect(page.locator("main")).toContainText("图片文件名探针");
  // The imported drafts (their title comes from the document; the file name is not kept): a sample.
  for (const { body: draft } of imported.slice(0, 5)) await visit(page, g, `/workspace/articles/${draft.id}`, 0);
  await visit(page, g, `/workspace/articles/${imported[0]!.body.id}/edit`, 0);
  for (const url of [`/workspace/articles/${withImages.id}`, `/workspace/articles/${withImages.id}/edit`]) {
    await visit(page, g, url, alts.length);
    await expect(page.locator("main")).toContainText("图片探针");
    // Not vacuous: the file names are there, as the images' alt text.
    await expect.poll(() => page.locator("img[alt]").evaluateAll((els) => els.map((e) => e.getAttribute("alt")))).toEqual(expect.arrayContaining(alts));
  }
  expect(placed + refused).toBe(P.length * 2);
  tally(g, placed, refused);
  console.log(
    `[xss-inputs] file names: ${imported.length} .docx imports, ${images.length} images; ${placed} payload placements, ${refused} names refused with 4xx, ${g.pagesChecked} pages`,
  );
});

test("display names carry the corpus (users list, audit log, article history and author)", async ({ page, context, request }) => {
  test.setTimeout(600_000);
  const g = await guard(context, page);
  const adminUser = await createUser("admin");
  const admin = await tokenFor(request, adminUser);
  const editorUser = await createUser("editor");
  const unitName = `姓名探针单位${RUN}`;
  await ok(await request.post("/api/v1/units", { headers: admin, data: { name: unitName } }), 201);
  const names = packed(100);

  // Created by the admin with payload names (users list); and contributors renamed to them, who then act (audit, history, author).
  for (const [i, name] of names.entries()) {
    await ok(await request.post("/api/v1/users", { headers: admin, data: { email: `xssname-${RUN}-${i}@e2e.test`, name: name.text, role: "editor" } }), 201);
  }
  const owner = await createUser("contributor", { unit: unitName });
  const ownerAuth = await tokenFor(request, owner);
  const shared = await ok(await request.post("/api/v1/articles", { headers: ownerAuth, data: { title: "共同修改的稿件", html: "<p>起草</p>" } }), 201);
  let version = shared.version as number;
  const actors: TestUser[] = [];
  const ownIds: number[] = [];
  for (const [i, name] of names.entries()) {
    const user = await createUser("contributor", { unit: unitName });
    await ok(await request.patch(`/api/v1/users/${user.id}`, { headers: admin, data: { name: name.text } }));
    const auth = await tokenFor(request, user);
    version = (await ok(await request.patch(`/api/v1/articles/${shared.id}`, { headers: auth, data: { version, html: `<p>第${i}次修改</p>` } }))).version;
    const own = await ok(await request.post("/api/v1/articles", { headers: auth, data: { title: `作者探针${i}`, html: "<p>正文</p>" } }), 201);
    await ok(await request.post(`/api/v1/articles/${own.id}/submit`, { headers: auth }));
    actors.push({ ...user, name: name.text });
    ownIds.push(own.id);
  }
  const placed = sum(names);
  expect(placed).toBe(P.length);

  const allOn = async (what: string) => {
    const text = norm(await page.locator("main").innerText());
    for (const name of names) {
      expect(text, what).toContain(norm(name.first));
    }
  };
  await asUser(page, adminUser);
  await visit(page, g, `/workspace/admin?q=${encodeURIComponent(`xssname-${RUN}`)}`, placed);
  await allOn("admin users list (created)");
  await visit(page, g, `/workspace/admin?q=${encodeURIComponent(unitName)}`, 0);
  for (const [i, user] of actors.entries()) if (i % 10 === 0) await visit(page, g, `/workspace/admin/users/${user.id}`, names[i]!.n);
  await visit(page, g, "/workspace/admin/audit?action=article.submit&limit=200", placed);
  await allOn("audit log");
  await visit(page, g, "/workspace/admin/audit?action=user.&limit=200", 0);

  // The shared draft: every name is the author of a revision and the actor of an event.
  await asUser(page, owner);
  await visit(page, g, `/workspace/articles/${shared.id}/history`, placed);
  await allOn("history");
  await visit(page, g, `/workspace/articles/${shared.id}`, placed);
  await visit(page, g, "/workspace", placed);
  // Each author's own article: the editor's inbox and the article page (author field); the authors' desks.
  await asUser(page, editorUser);
  await visit(page, g, "/workspace", 0); // the inbox lists titles, not authors
  // The author field of the article page and the author's own desk: a sample (the same components, one name each).
  for (const [i, id] of ownIds.entries()) {
    if (i % 10) continue;
    await visit(page, g, `/workspace/articles/${id}`, names[i]!.n);
    await shows(page, names[i]!.first, "main");
    await asUser(page, actors[i]!);
    await visit(page, g, "/workspace", names[i]!.n);
    await asUser(page, editorUser);
  }
  tally(g, placed * 2);
  console.log(`[xss-inputs] display names: ${names.length} created + ${names.length} renamed users, ${placed * 2} payload placements, ${g.pagesChecked} pages`);
});
