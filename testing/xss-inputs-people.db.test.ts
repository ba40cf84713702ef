// The XSS corpus through people's display names, 批示 and 落实反馈 (leader,
// text, feedback, office, note) and 约稿 titles, briefs and cancellation
// reasons: every payload into every one of these inputs through the API's
// route handlers, and every page that shows them rendered in process and
// read with the static check. The other inputs are in xss-inputs.db.test.ts
// (one file each per Vitest worker); moved from e2e/xss-inputs.spec.ts (issue 13).
import { expect, it } from "vitest";
import { PlaceLog } from "@/e2e/xss-places";
import { missingFrom, pool } from "./xss-pack";
import { attributeValues } from "./xss-static";
import { request, StaticPages } from "./xss-in-process";
import { xssInputsKit } from "./xss-inputs-kit";

const { createUser, tokenFor, cookieFor, P, RUN, SLOW, tally, packed, sum, ok, apiAs, acceptedArticle, publishIssue } = xssInputsKit("xss-inputs-people");

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
