// The reader cache seen from outside: repeated reads are served from it, with
// an ETag (304 on revalidation), brotli or gzip made once, and the security
// headers; a cached page is the same document whichever way it is sent; each
// language has its own copy; and every change readers can see — publishing,
// a correction, withdrawal, restoration, a renamed publication — shows on the
// very next request.
import http from "node:http";
import zlib from "node:zlib";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, createUser } from "./fixtures";
import { E2E } from "./env";
import { killServer, startNextServer, waitForServer } from "./servers";

async function bearer(request: APIRequestContext, role: "admin" | "editor" | "contributor", unit?: string) {
  const user = await createUser(role, unit ? { unit } : {});
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  return { authorization: `Bearer ${(await res.json()).token}` };
}

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** A publication of its own with one laid-out, not yet published issue of one article. */
async function draftIssue(request: APIRequestContext, year: number) {
  const slug = `rc${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const admin = await bearer(request, "admin");
  const editor = await bearer(request, "editor");
  const contributor = await bearer(request, "contributor", "聊城市扶贫办");
  expect((await request.post("/api/v1/publications", { headers: admin, data: { slug, name: "缓存测试简报", issuingBody: "宣传信息组", requiresSignoff: false } })).status()).toBe(201);
  const created = await request.post("/api/v1/articles", { headers: contributor, data: { title: "缓存里的稿件", body: doc("第一版正文。") } });
  const { id } = await created.json();
  expect((await request.post(`/api/v1/articles/${id}/submit`, { headers: contributor })).status()).toBe(200);
  expect((await request.post(`/api/v1/articles/${id}/accept`, { headers: editor })).status()).toBe(200);
  const issue = await (await request.post("/api/v1/issues", { headers: editor, data: { publication: slug, year } })).json();
  expect((await request.put(`/api/v1/issues/${issue.id}/layout`, { headers: editor, data: { sections: [{ heading: "栏目", articleIds: [id] }] } })).status()).toBe(200);
  const { version } = await (await request.get(`/api/v1/issues/${issue.id}`, { headers: editor })).json();
  expect((await request.patch(`/api/v1/issues/${issue.id}`, { headers: editor, data: { version, editorName: "刘栋" } })).status()).toBe(200);
  return { slug, id, issue, admin, editor, url: `/p/${slug}/${year}/1`, archive: `/p/${slug}` };
}

test("reader pages come from the cache until something readers see changes", async ({ request }) => {
  const { slug, id, issue, admin, editor, url, archive } = await draftIssue(request, 2042);
  // Not published yet: a 404, never cached.
  expect((await request.get(url)).status()).toBe(404);
  expect((await request.get(archive)).status()).toBe(200);
  expect(await (await request.get(archive)).text()).not.toContain("2042年第1期");

  expect((await request.post(`/api/v1/issues/${issue.id}/publish`, { headers: editor })).status()).toBe(200);
  const first = await request.get(url);
  expect(first.status()).toBe(200);
  expect(await first.text()).toContain("缓存里的稿件");
  expect(await (await request.get(archive)).text()).toContain("2042年第1期");

  // The cache is keyed by the reader version, which every worker's writes bump: a hit is checked
  // between answers made with no change between them, so an attempt that saw a change is made again,
  // each under a query of its own (a key of its own, first a miss). A cache that never hits still fails.
  let attempt = 0;
  await expect(async () => {
    const key = `${url}?attempt=${attempt++}`;
    const primed = await request.get(key);
    expect(primed.headers()["x-cms-cache"]).toBe("miss");
    const second = await request.get(key, { headers: { "accept-encoding": "gzip" } });
    expect(second.headers()["x-cms-cache"]).toBe("hit");
    expect(second.headers()["content-encoding"]).toBe("gzip");
    expect(await second.text()).toBe(await primed.text());
    const etag = second.headers()["etag"]!;
    expect(etag).toMatch(/^"c[\w-]{22}(?:-br|-gz)?"$/);
    expect(second.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect(second.headers()["x-content-type-options"]).toBe("nosniff");
    expect(second.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(second.headers()["content-type"]).toContain("text/html");
    expect(second.headers()["set-cookie"]).toBeUndefined();
    const notModified = await request.get(key, { headers: { "if-none-match": etag } });
    expect(notModified.status()).toBe(304);
    expect(await notModified.body()).toHaveLength(0);
    const head = await request.head(key);
    expect(head.status()).toBe(200);
    expect(head.headers()["x-cms-cache"]).toBe("hit");
  }).toPass({ timeout: 30_000 });
  const etag = (await request.get(url)).headers()["etag"]!;

  // Each language has its own copy.
  const english = await request.get(url, { headers: { cookie: "locale=en" } });
  expect(await english.text()).toContain("Contents");
  expect(await (await request.get(url)).text()).not.toContain(">Contents<");

  // A correction: on the very next request, and a new ETag.
  expect((await request.post(`/api/v1/issues/${issue.id}/corrections`, { headers: editor, data: { text: "更正：第一版正文应为第二版正文。" } })).status()).toBe(201);
  const corrected = await request.get(url, { headers: { "if-none-match": etag } });
  expect(corrected.status()).toBe(200);
  expect(await corrected.text()).toContain("更正：第一版正文应为第二版正文。");
  expect(corrected.headers()["etag"]).not.toBe(etag);

  // Withdrawn: 410 at once, for the page, its print view and its article, though they were cached.
  expect((await request.get(`${url}/print`)).status()).toBe(200);
  expect((await request.get(`${url}/a/${id}`)).status()).toBe(200);
  expect((await request.post(`/api/v1/issues/${issue.id}/withdraw`, { headers: editor, data: { reason: "核实中" } })).status()).toBe(200);
  for (const u of [url, `${url}/print`, `${url}/a/${id}`, `${url}/issue.docx`]) expect((await request.get(u)).status(), u).toBe(410);
  expect((await request.post(`/api/v1/issues/${issue.id}/restore`, { headers: editor })).status()).toBe(200);
  expect((await request.get(url)).status()).toBe(200);

  // The publication renamed: the archive shows it on the next request.
  const renamed = await request.patch(`/api/v1/publications/${slug}`, { headers: admin, data: { name: "缓存测试简报（新名）" } });
  expect(renamed.status(), await renamed.text()).toBe(200);
  expect(await (await request.get(archive)).text()).toContain("缓存测试简报（新名）");
});

/** The raw bytes and headers of one GET, not decompressed. */
function raw(path: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${E2E.baseURL}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

const decoded = (r: { headers: http.IncomingHttpHeaders; body: Buffer }) =>
  r.headers["content-encoding"] === "br" ? zlib.brotliDecompressSync(r.body) : r.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(r.body) : r.body;

test("a reader page is a document: no framework script, the same bytes on a miss and a hit, in every encoding", async ({ request }) => {
  const { issue, editor, url } = await draftIssue(request, 2044);
  expect((await request.post(`/api/v1/issues/${issue.id}/publish`, { headers: editor })).status()).toBe(200);
  // As above: an attempt during which another worker's write changed the reader version is made again, under a key of its own.
  let attempt = 0;
  let miss!: Awaited<ReturnType<typeof raw>>;
  await expect(async () => {
    const key = `${url}?attempt=${attempt++}`;
    miss = await raw(key, { "accept-encoding": "gzip, deflate, br" });
    expect(miss.headers["x-cms-cache"]).toBe("miss");
    expect(miss.headers["content-encoding"]).toBe("br");
    const sent = [miss];
    for (const encoding of ["gzip, deflate, br", "gzip", "identity", "br;q=0, gzip;q=0"]) {
      const hit = await raw(key, { "accept-encoding": encoding });
      expect(hit.headers["x-cms-cache"], encoding).toBe("hit");
      expect(hit.headers["vary"]).toBe("Cookie, Accept-Encoding");
      expect(Number(hit.headers["content-length"])).toBe(hit.body.length);
      sent.push(hit);
    }
    expect(sent.map((r) => r.headers["content-encoding"] ?? "identity")).toEqual(["br", "br", "gzip", "identity", "identity"]);
    for (const r of sent) expect(decoded(r).equals(decoded(miss))).toBe(true);
    // Each encoding has its own validator; each revalidates to a 304.
    expect(new Set(sent.slice(1, 4).map((r) => r.headers.etag)).size).toBe(3);
    for (const [encoding, r] of [["br", sent[1]!], ["gzip", sent[2]!]] as const) {
      expect((await raw(key, { "accept-encoding": encoding, "if-none-match": String(r.headers.etag) })).status).toBe(304);
    }
  }).toPass({ timeout: 30_000 });
  const html = decoded(miss).toString("utf8");

  // The document: the issue, and no script of the framework, inline or external; none allowed inline either.
  expect(html).toContain("缓存里的稿件");
  expect(html).not.toMatch(/_next\/static\/[^"]*\.js/);
  expect(html).not.toContain("__next_f");
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) expect(tag).toMatch(/^<script src="\/reader\.js\?v=[\w-]+"[^>]*data-reader/);
  expect(miss.headers["content-security-policy"]).toMatch(/^script-src 'self'; /);
  expect(miss.headers["content-security-policy"]).not.toContain("unsafe-inline");
  expect(Buffer.byteLength(html)).toBeLessThan(40 * 1024);
});

test("client-side navigation payloads and the workspace are never served from the cache", async ({ request }) => {
  const rsc = await request.get("/p/sdtp/2017/88", { headers: { rsc: "1" } });
  expect(rsc.headers()["x-cms-cache"]).toBeUndefined();
  const api = await request.get("/api/v1/publications");
  expect(api.headers()["x-cms-cache"]).toBeUndefined();
  // Search results are documents too, made for each request and never kept.
  const search = await raw("/search?q=" + encodeURIComponent("法律援助"), { "accept-encoding": "gzip" });
  expect(search.headers["x-cms-cache"]).toBe("bypass");
  expect(search.headers["content-encoding"]).toBe("gzip");
  const text = decoded(search).toString("utf8");
  expect(text).toContain("法律援助");
  expect(text).not.toContain("__next_f");
});

test("several instances on one PostgreSQL: a change made through one is served by the other at once", async ({ request }) => {
  test.skip(!process.env.E2E_DATABASE_URL, "several instances need a database server");
  const { id, issue, editor, url } = await draftIssue(request, 2043);
  const port = E2E.port + 41;
  const other = `http://127.0.0.1:${port}`;
  const second = startNextServer(port, { DATABASE_URL: process.env.E2E_DATABASE_URL!, NEXTAUTH_SECRET: E2E.secret, SCHEDULER_INTERVAL_MS: "60000" }, "second-server");
  try {
    await waitForServer(other, second);
    const read = async (u: string) => {
      const res = await fetch(other + u);
      return { status: res.status, cache: res.headers.get("x-cms-cache"), text: await res.text() };
    };
    expect((await read(url)).status).toBe(404);
    expect((await request.post(`/api/v1/issues/${issue.id}/publish`, { headers: editor })).status()).toBe(200);
    expect((await read(url)).status).toBe(200);
    // Twice with no change between (other workers' writes bump the version too): the second is a hit.
    await expect(async () => {
      await read(url);
      expect((await read(url)).cache).toBe("hit");
    }).toPass({ timeout: 30_000 });
    expect((await request.post(`/api/v1/issues/${issue.id}/corrections`, { headers: editor, data: { text: "更正：另一台服务器也看得到。" } })).status()).toBe(201);
    expect((await read(url)).text).toContain("更正：另一台服务器也看得到。");
    expect((await read(`${url}/a/${id}`)).status).toBe(200);
    expect((await request.post(`/api/v1/issues/${issue.id}/withdraw`, { headers: editor, data: { reason: "核实中" } })).status()).toBe(200);
    expect((await read(url)).status).toBe(410);
    expect((await read(`${url}/a/${id}`)).status).toBe(410);
    expect((await request.post(`/api/v1/issues/${issue.id}/restore`, { headers: editor })).status()).toBe(200);
    expect((await read(url)).status).toBe(200);
  } finally {
    await killServer(second);
  }
});
