// The XSS corpus through the text inputs testing/xss-corpus.db.test.ts does
// not cover: publication fields (name, 来源, masthead subtitle, print footer),
// editorial comments (return, reject, accept), upload file names (.docx
// import, images) here; people's display names, 批示 and 落实反馈, 约稿
// titles, briefs and cancellation reasons in xss-inputs-people.db.test.ts. Every payload goes into every one of these
// inputs through the API's own route handlers, packed several to a field up to
// the field's limit; every page that shows them (e2e/xss-places.ts) is rendered
// in its layouts by React's server renderer (testing/app-in-process.ts) and
// read with the static check, and a probe or the payloads themselves must be
// in its text, so the check is not vacuous. Moved from e2e/xss-inputs.spec.ts
// (issue 13): the same inputs, pages and assertions, without a server. What
// only the browser shows (the editor's image alt text) stays in that spec;
// what only Next's server adds (its scripts, headers, the reader cache) is
// checked over HTTP and in Chromium by e2e/xss.spec.ts's sampler.
import { expect, it } from "vitest";
import { PlaceLog } from "@/e2e/xss-places";
import { chunkGroups, pool } from "./xss-pack";
import { makeArticleDocx } from "./docx-fixtures";
import { makePng } from "./png";
import { attributeValues, normalizeText, visibleText } from "./xss-static";
import { request, StaticPages } from "./xss-in-process";
import { xssInputsKit } from "./xss-inputs-kit";

const { createUser, tokenFor, cookieFor, P, RUN, SLOW, tally, packed, sum, ok, apiAs, acceptedArticle, publishIssue } = xssInputsKit("xss-inputs");

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
