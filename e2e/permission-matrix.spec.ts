// The permission matrix (issue #9), generated from the route table: every
// route handler (app/**/route.ts × the methods it exports), every page
// (app/**/page.tsx) and every server action is discovered from the file system
// and must have its entry in e2e/permission-matrix.ts; each entry's probes are
// sent over real HTTP as nine visitors (six, and the three administrators of 三权分立) and must get the designed answer.
import fs from "node:fs";
import path from "node:path";
import { test, expect, createUser, sessionCookieFor, type TestUser } from "./fixtures";
import { E2E } from "./env";
import { makePng } from "../testing/png";
import { ACTIONS, ACTORS, MATRIX, type Actor, type Expected, type Fixture, type Probe } from "./permission-matrix";

const APP = path.join(process.cwd(), "app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function filesUnder(dir: string, name: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && name(e.name)).map((e) => path.join(e.parentPath, e.name));
}

/** `app/(reader)/p/[slug]/feed.xml/route.ts` → `/p/[slug]/feed.xml`: route groups dropped. */
function urlPattern(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** The HTTP methods a route module exports (`export const GET`, `export async function GET`, `export { handler as GET }`). */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) found.add(part.trim().split(/\s+as\s+/).pop()!);
  }
  return METHODS.filter((method) => found.has(method));
}

function discoverRoutes(): string[] {
  const routes = filesUnder(APP, (n) => n === "route.ts").flatMap((file) => exportedMethods(fs.readFileSync(file, "utf8")).map((m) => `${m} ${urlPattern(file)}`));
  const pages = filesUnder(APP, (n) => n === "page.tsx").map((file) => `PAGE ${urlPattern(file)}`);
  return [...routes, ...pages].sort();
}

/** `file#export` of every exported function in a `"use server"` module. */
function discoverActions(): string[] {
  return filesUnder(APP, (n) => /\.tsx?$/.test(n))
    .filter((file) => /^\s*(?:\/\/.*\n\s*)*["']use server["']/.test(fs.readFileSync(file, "utf8")))
    .flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => `${path.relative(process.cwd(), file)}#${m[1]}`))
    .sort();
}

/** `/api/v1/articles/[id]` → a regular expression for its concrete paths. */
function patternRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split("/")
    .map((s) => (/^\[\.\.\..+\]$/.test(s) ? ".+" : /^\[.+\]$/.test(s) ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${escaped}$`);
}

test("every discovered route, page and server action has its entry in the matrix, and every entry a route", () => {
  const discovered = discoverRoutes();
  expect(discovered.length).toBeGreaterThan(50);
  expect(discovered.filter((r) => !(r in MATRIX)), "routes without an entry in e2e/permission-matrix.ts").toEqual([]);
  expect(Object.keys(MATRIX).filter((r) => !discovered.includes(r)), "entries for routes that no longer exist").toEqual([]);
  const actions = discoverActions();
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.filter((a) => !(a in ACTIONS)), "server actions without an entry").toEqual([]);
  expect(Object.keys(ACTIONS).filter((a) => !actions.includes(a)), "entries for server actions that no longer exist").toEqual([]);
  for (const [route, probes] of Object.entries(MATRIX)) {
    expect(probes.length, route).toBeGreaterThan(0);
    const pattern = patternRegExp(route.split(" ")[1]!);
    for (const probe of probes) expect(new URL(probe.url.replace(/\{\w+\}/g, "1"), E2E.baseURL).pathname, `${route}: probe ${probe.url}`).toMatch(pattern);
  }
});

// —— The visitors and the objects they ask for ——

interface World {
  users: Record<Exclude<Actor, "signedOut">, TestUser>;
  bearer: Partial<Record<Actor, string>>;
  cookie: Partial<Record<Actor, string>>;
  fixtures: Record<Fixture, string>;
  adminAuth: { authorization: string };
}

async function call(method: string, url: string, init: { headers?: Record<string, string>; body?: unknown } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  let body: BodyInit | undefined;
  if (init.body instanceof FormData) body = init.body;
  else if (init.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  return fetch(new URL(url, E2E.baseURL), { method, headers, body, redirect: "manual" });
}

/** A JSON request that must succeed with `status`. */
async function must<T = Record<string, unknown>>(status: number, method: string, url: string, init: Parameters<typeof call>[2] = {}): Promise<T> {
  const res = await call(method, url, init);
  const text = await res.text();
  if (res.status !== status) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

async function bearerFor(user: TestUser): Promise<string> {
  const { token } = await must<{ token: string }>(200, "POST", "/api/v1/auth/token", { body: { email: user.email, password: user.password, name: "permission matrix" } });
  return `Bearer ${token}`;
}

/** An issue of the test's publication in the year 2000 (far from anything other tests look at), published from one article of A's, signed off first (签发). */
async function publishedIssue(w: Pick<World, "bearer">, slug: string, day: string): Promise<{ id: number; number: number }> {
  const a = { authorization: w.bearer.contributorA! };
  const e = { authorization: w.bearer.editor! };
  const s = { authorization: w.bearer.signer! };
  const article = await must<{ id: number }>(201, "POST", "/api/v1/articles", { headers: a, body: { title: `权限矩阵稿件${day}`, html: "<p>权限矩阵测试正文。</p>" } });
  await must(200, "POST", `/api/v1/articles/${article.id}/submit`, { headers: a });
  await must(200, "POST", `/api/v1/articles/${article.id}/accept`, { headers: e });
  const issue = await must<{ id: number; number: number }>(201, "POST", "/api/v1/issues", { headers: e, body: { publication: slug, year: 2000 } });
  const laid = await must<{ version: number }>(200, "PUT", `/api/v1/issues/${issue.id}/layout`, { headers: e, body: { sections: [{ heading: null, articleIds: [article.id] }] } });
  await must(200, "PATCH", `/api/v1/issues/${issue.id}`, { headers: e, body: { version: laid.version, editorName: "矩阵", publishedAt: `2000-01-${day}T02:00:00Z` } });
  await must(200, "POST", `/api/v1/issues/${issue.id}/request-signoff`, { headers: e });
  await must(200, "POST", `/api/v1/issues/${issue.id}/signoff`, { headers: s, body: { decision: "approve" } });
  await must(200, "POST", `/api/v1/issues/${issue.id}/publish`, { headers: e });
  return issue;
}

async function buildWorld(): Promise<World> {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const admin = await createUser("admin");
  const adminAuth = { authorization: await bearerFor(admin) };
  // Units of the test's own: other tests count the demo units' articles.
  const [unitA, unitB] = await Promise.all(
    ["甲", "乙"].map((n) => must<{ id: number; name: string }>(201, "POST", "/api/v1/units", { headers: adminAuth, body: { name: `权限矩阵${n}单位${stamp}` } })),
  );
  const [contributorA, contributorB, editor, signer, throwaway, sysadmin, secadmin, auditadmin] = await Promise.all([
    createUser("contributor", { unit: unitA!.name }),
    createUser("contributor", { unit: unitB!.name }),
    createUser("editor"),
    createUser("signer"),
    createUser("editor"),
    // 三权分立 (issue 21): the system, security and audit administrators.
    createUser("sysadmin"),
    createUser("secadmin"),
    createUser("auditadmin"),
  ]);
  const users = { contributorA, contributorB, editor, admin, signer, sysadmin, secadmin, auditadmin };
  const bearer: World["bearer"] = { admin: adminAuth.authorization };
  const cookie: World["cookie"] = {};
  for (const [actor, user] of Object.entries(users) as [Exclude<Actor, "signedOut">, TestUser][]) {
    if (actor !== "admin") bearer[actor] = await bearerFor(user);
    const c = await sessionCookieFor(user);
    cookie[actor] = `${c.name}=${c.value}`;
  }
  const a = { authorization: bearer.contributorA! };

  const slug = `pm-${stamp}`;
  await must(201, "POST", "/api/v1/publications", { headers: adminAuth, body: { slug, name: `权限矩阵简报${stamp}`, issuingBody: "矩阵组" } });
  const draft = await must<{ id: number; number: number }>(201, "POST", "/api/v1/issues", { headers: { authorization: bearer.editor! }, body: { publication: slug, year: 2000 } });
  const published = await publishedIssue({ bearer }, slug, "02");
  const withdrawn = await publishedIssue({ bearer }, slug, "03");
  await must(200, "POST", `/api/v1/issues/${withdrawn.id}/withdraw`, { headers: adminAuth, body: { reason: "权限矩阵测试" } });

  const articleA = await must<{ id: number }>(201, "POST", "/api/v1/articles", { headers: a, body: { title: "权限矩阵草稿" } });
  const spare = await must<{ id: number }>(201, "POST", "/api/v1/tokens", { headers: a, body: { name: "权限矩阵备用" } });
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(makePng())], { type: "image/png" }), "m.png");
  const media = await must<{ url: string }>(201, "POST", "/api/v1/media", { headers: a, body: form });
  const demo = await must<{ sections: { articles: { id: number }[] }[] }>(200, "GET", "/api/v1/publications/sdtp/issues/2017/88");
  const commission = await must<{ id: number }>(201, "POST", "/api/v1/commissions", {
    headers: { authorization: bearer.editor! },
    body: { title: `权限矩阵约稿${stamp}`, brief: "<p>权限矩阵测试的约稿要求。</p>", deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(), unitIds: [unitA!.id] },
  });

  return {
    users,
    bearer,
    cookie,
    adminAuth,
    fixtures: {
      articleA: String(articleA.id),
      demoArticle: String(demo.sections[0]!.articles[0]!.id),
      slug,
      draftIssue: String(draft.id),
      publishedIssue: String(published.id),
      withdrawnIssue: String(withdrawn.id),
      draftNumber: String(draft.number),
      publishedNumber: String(published.number),
      withdrawnNumber: String(withdrawn.number),
      spareTokenA: String(spare.id),
      media: media.url.split("/").pop()!,
      user: String(throwaway.id),
      unitA: String(unitA!.id),
      commission: String(commission.id),
    },
  };
}

/** What refused writes must leave as it was (read as admin). Permitted probes never change these either. */
async function watchedState(w: World) {
  const f = w.fixtures;
  const get = (url: string) => must(200, "GET", url, { headers: w.adminAuth });
  const [article, draft, published, withdrawn, user, units, publication] = await Promise.all([
    get(`/api/v1/articles/${f.articleA}`),
    get(`/api/v1/issues/${f.draftIssue}`),
    get(`/api/v1/issues/${f.publishedIssue}`),
    get(`/api/v1/issues/${f.withdrawnIssue}`),
    get(`/api/v1/users/${f.user}`),
    get("/api/v1/units"),
    get(`/api/v1/publications/${f.slug}`),
  ]);
  const pick = (o: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
  return {
    article: pick(article, "title", "status", "version", "attribution"),
    issues: [draft, published, withdrawn].map((i) => pick(i, "status", "version", "year", "number", "editorName", "scheduledAt")),
    user: pick(user, "role", "active", "unitId", "name"),
    unit: (units.units as { id: number }[]).find((u) => String(u.id) === f.unitA),
    publication: pick(publication, "name", "issuingBody", "subtitle"),
  };
}

function resolve(url: string, fixtures: World["fixtures"]): string {
  return url.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = fixtures[name as Fixture];
    if (value === undefined) throw new Error(`unknown fixture {${name}} in ${url}`);
    return encodeURIComponent(value);
  });
}

/** One visitor's request: bearer tokens for /api/v1 (no CSRF check applies), the session cookie elsewhere. */
async function send(w: World, route: string, probe: Probe, actor: Actor) {
  const [method] = route.split(" ");
  const url = resolve(probe.url, w.fixtures);
  const headers: Record<string, string> = {};
  if (url.startsWith("/api/v1/")) {
    if (w.bearer[actor]) headers.authorization = w.bearer[actor];
  } else if (w.cookie[actor]) headers.cookie = w.cookie[actor];
  const res = await call(method === "PAGE" ? "GET" : method!, url, { headers, body: probe.body });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get("location") ?? "" };
}

function describeAnswer(got: { status: number; location: string }): Expected {
  return got.status === 307 && /^(?:https?:\/\/[^/]+)?\/login(?:\?|$)/.test(got.location) ? "login" : got.status;
}

test.describe("permission matrix", () => {
  let world: World;
  let before: Awaited<ReturnType<typeof watchedState>>;

  test.beforeAll(async () => {
    test.setTimeout(60_000);
    world = await buildWorld();
    before = await watchedState(world);
  });

  for (const [route, probes] of Object.entries(MATRIX)) {
    test(route, async () => {
      const answers = await Promise.all(
        probes.flatMap((probe) => ACTORS.map(async (actor) => ({ probe: probe.url, actor, got: describeAnswer(await send(world, route, probe, actor)) }))),
      );
      const expected = probes.flatMap((probe) => ACTORS.map((actor) => ({ probe: probe.url, actor, got: probe.expect[actor] })));
      expect(answers, route).toEqual(expected);
      if (!route.startsWith("GET ") && !route.startsWith("PAGE ")) expect(await watchedState(world), `${route} changed something`).toEqual(before);
    });
  }

  test("every desk page names itself in the browser's tab, each differently", async () => {
    const deskPages = filesUnder(path.join(APP, "(workspace)"), (n) => n === "page.tsx")
      .map((file) => `PAGE ${urlPattern(file)}`)
      .filter((route) => route !== "PAGE /workspace/[...missing]");
    const titles = await Promise.all(
      deskPages.map(async (route) => {
        const probe = MATRIX[route]![0]!;
        const actor = ACTORS.find((a) => probe.expect[a] === 200)!;
        const res = await call("GET", resolve(probe.url, world.fixtures), { headers: { cookie: world.cookie[actor]! } });
        const html = await res.text();
        return { route, title: /<title>([^<]*)<\/title>/.exec(html)?.[1] };
      }),
    );
    for (const { route, title } of titles) expect(title, route).toMatch(/^[^·]+ · 简报工作台$/);
    const seen = new Map<string, string>();
    for (const { route, title } of titles) {
      expect(seen.get(title!), `${route} has the title of another page`).toBeUndefined();
      seen.set(title!, route);
    }
    // The workspace's 404 names itself too.
    const missing = await call("GET", "/workspace/no-such-desk", { headers: { cookie: world.cookie.editor! } });
    expect(/<title>([^<]*)<\/title>/.exec(await missing.text())?.[1]).toBe("页面不存在 · 简报工作台");
  });

  test("server actions posted from another origin are refused with 403 before they run", async () => {
    // Action ids exist only in the build; the build's manifest maps them to their source and pages.
    const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
      node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
    };
    const byName = new Map(Object.entries(manifest.node).map(([id, a]) => [`${a.filename}#${a.exportedName}`, { id, page: Object.keys(a.workers)[0]! }]));
    const answers: { action: string; actor: Actor; got: Expected }[] = [];
    const expected: typeof answers = [];
    for (const [action, rows] of Object.entries(ACTIONS)) {
      const built = byName.get(action);
      if (!built) throw new Error(`${action} is not in the build's server-reference manifest (stale build?)`);
      const pageUrl = urlPattern(path.join(APP, built.page.replace(/^app\//, ""), "page.tsx")).replace(/\[[^\]]+\]/g, "1");
      for (const actor of ACTORS) {
        const headers: Record<string, string> = { "next-action": built.id, origin: "http://evil.example", "content-type": "text/plain;charset=UTF-8" };
        if (world.cookie[actor]) headers.cookie = world.cookie[actor];
        const res = await fetch(new URL(pageUrl, E2E.baseURL), { method: "POST", headers, body: "[]", redirect: "manual" });
        await res.arrayBuffer();
        answers.push({ action, actor, got: res.status });
        expected.push({ action, actor, got: rows[actor] });
      }
    }
    expect(answers).toEqual(expected);
    expect(await watchedState(world)).toEqual(before);
  });
});
