// API fuzzing with fast-check against the running server: malformed JSON,
// wrong types, unknown fields, deep nesting, huge strings and numbers, invalid
// UTF-8, NUL characters and bodies over the limit, sent with valid bearer
// tokens. Every answer must be a 4xx with the JSON error shape — never a 5xx,
// never a hang. Bodies over the limit: 5 MB through the fuzzer, and 100 MB
// (chunked and announced) in a test of its own that checks they are refused
// as soon as the limit is passed.
import http from "node:http";
import fc from "fast-check";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { test, expect, createUser, type TestUser } from "./fixtures";
import { E2E } from "./env";

const RUNS = Number(process.env.FUZZ_RUNS || 60);
const REQUEST_TIMEOUT = 15_000;
let casesRun = 0;

async function tokenFor(request: APIRequestContext, user: TestUser) {
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  expect(res.status()).toBe(200);
  return `Bearer ${(await res.json()).token}`;
}

type Body = { kind: string; bytes: Buffer };
const json = (kind: string, value: unknown): Body => ({ kind, bytes: Buffer.from(JSON.stringify(value)) });

/** Any JSON value that is not an object (the routes all want an object). */
const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 5 }));
/** A value of some type, for fields that want another. */
const wrongValue = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
  fc.constantFrom(-1, 0, 1.5, 1e308, -1e308, 2 ** 53 + 2, Number.MIN_VALUE),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 4 }),
  fc.string({ maxLength: 40 }).map((s) => `${s}\u0000${s}`),
);
/** Deeply nested arrays as JSON text (kept as text: fast-check would recurse through a value this deep). */
const deep = fc.integer({ min: 50, max: 5000 }).map((n) => "[".repeat(n) + "]".repeat(n));
/** `base` as JSON text with one field's value replaced by raw JSON text. */
const withRaw = (kind: string, base: Record<string, unknown>, field: string, raw: string): Body => {
  const marker = "\u0001RAW\u0001";
  return { kind, bytes: Buffer.from(JSON.stringify({ ...base, [field]: marker }).replace(JSON.stringify(marker), raw)) };
};

/**
 * Bodies that are wrong for a route whose valid body looks like `base`: every
 * generated body breaks a rule (not JSON, not an object, a field of the wrong
 * type, an unknown field, too deep, too large, invalid UTF-8, a NUL).
 */
function badBodies(base: Record<string, unknown>, stringFields: string[]): fc.Arbitrary<Body> {
  const fields = Object.keys(base);
  return fc.oneof(
    // Malformed JSON text (including empty and truncated bodies).
    fc.string({ maxLength: 200 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }).map((s) => ({ kind: "malformed", bytes: Buffer.from(s) })),
    fc.constantFrom("", "{", "{\"a\":", "[1,2", "{'a':1}", "{\"a\":1,}", "nul", "\"\\x\"", "{\"a\":01}", "\ufeff{}x").map((s) => ({ kind: "malformed", bytes: Buffer.from(s) })),
    notAnObject.map((v) => json("not an object", v)),
    // A known field with a value of the wrong type (strings get numbers etc.; NUL inside strings).
    fc.tuple(fc.constantFrom(...fields), wrongValue).filter(([f, v]) => typeof v !== typeof base[f] || (typeof v === "string" && v.includes("\u0000"))).map(([f, v]) => json(typeof v === "string" ? "nul" : "wrong type", { ...base, [f]: v })),
    // Unknown fields next to valid ones.
    fc.tuple(fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !fields.includes(k) && k !== "__proto__"), fc.jsonValue()).map(([k, v]) => json("unknown field", { ...base, [k]: v })),
    fc.constant(json("prototype", JSON.parse(`{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}`))),
    // Deep nesting, in a field and as the whole body.
    fc.tuple(fc.constantFrom(...fields), deep).map(([f, raw]) => withRaw("deep", base, f, raw)),
    deep.map((raw) => ({ kind: "deep", bytes: Buffer.from(raw) })),
    fc.integer({ min: 50, max: 3000 }).map((n) => ({ kind: "deep objects", bytes: Buffer.from('{"a":'.repeat(n) + "1" + "}".repeat(n)) })),
    // Strings over every field limit.
    fc.tuple(fc.constantFrom(...stringFields), fc.integer({ min: 2_001, max: 300_000 })).map(([f, n]) => json("huge string", { ...base, [f]: "长".repeat(n) })),
    // NUL characters in strings PostgreSQL cannot store.
    fc.constantFrom(...stringFields).map((f) => json("nul", { ...base, [f]: "前\u0000后" })),
    // Lone surrogates (valid JSON escapes, invalid Unicode).
    fc.constantFrom(...stringFields).map((f) => ({ kind: "lone surrogate", bytes: Buffer.from(`{${JSON.stringify(f)}: "\\ud800x\\udfff", "zz": 1}`) })),
    // Invalid UTF-8 bytes: inside a field name, and as the whole body.
    fc.uint8Array({ minLength: 1, maxLength: 40 }).map((b) => ({
      kind: "invalid utf-8",
      bytes: Buffer.concat([Buffer.from('{"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(b), Buffer.from('":1, "title": 5}')]),
    })),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => ({ kind: "invalid utf-8", bytes: Buffer.concat([Buffer.from([0xc0, 0x80, 0xff]), Buffer.from(b)]) })),
  );
}

/** A 4xx with `{error: {code, message}}`. */
async function expectClientError(res: APIResponse, what: string) {
  const status = res.status();
  const text = await res.text();
  expect(status, `${what} → ${status} ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(status, `${what} → ${status} ${text.slice(0, 300)}`).toBeLessThan(500);
  let body: { error?: { code?: unknown; message?: unknown } };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${what} → ${status}, not JSON: ${text.slice(0, 200)}`);
  }
  expect(typeof body.error?.code, `${what}: error.code`).toBe("string");
  expect(typeof body.error?.message, `${what}: error.message`).toBe("string");
}

function describeBody(b: Body) {
  const s = b.bytes.toString("latin1");
  return `${b.kind} (${b.bytes.length} bytes): ${s.length > 120 ? `${s.slice(0, 120)}…` : s}`;
}

async function fuzzRoute(request: APIRequestContext, method: "POST" | "PATCH" | "PUT", url: string, headers: Record<string, string>, bodies: fc.Arbitrary<Body>) {
  await fc.assert(
    fc.asyncProperty(bodies, async (body) => {
      casesRun++;
      const res = await request.fetch(url, {
        method,
        headers: { ...headers, "content-type": "application/json" },
        data: body.bytes,
        timeout: REQUEST_TIMEOUT,
      });
      // A NUL may also be dropped (titles, e-mail addresses) and the rest accepted; never a 5xx.
      if (body.kind === "nul" && res.status() < 300) return;
      await expectClientError(res, `${method} ${url} with ${describeBody(body)}`);
    }),
    { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED || Date.now() % 2 ** 31) },
  );
}

/** Query strings sent as they are: bad percent-encodings. */
const RAW_QUERIES = ["%ff%fe", "%", "%00", "%ud800", "%E6%8F", "'\"&|!:*()<>", "a".repeat(101)];
/** Percent-encodes any string, lone surrogates included (as UTF-8 of U+FFFD, as a browser would). */
const encodeQuery = (q: string) => [...Buffer.from(q)].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");

test.describe("API fuzzing", () => {
  test.describe.configure({ timeout: 120_000 });

  test("article routes", async ({ request }) => {
    // A unit of its own, so that other tests' views of the demo units never see these drafts.
    const admin = { authorization: await tokenFor(request, await createUser("admin")) };
    const unit = `模糊测试单位${Date.now().toString(36)}`;
    expect((await request.post("/api/v1/units", { headers: admin, data: { name: unit } })).status()).toBe(201);
    const contributor = { authorization: await tokenFor(request, await createUser("contributor", { unit })) };
    const editor = { authorization: await tokenFor(request, await createUser("editor")) };
    const created = await request.post("/api/v1/articles", { headers: contributor, data: { title: "模糊测试" } });
    expect(created.status()).toBe(201);
    const { id, version } = await created.json();
    const articleBase = { title: "标题", html: "<p>正文</p>", attribution: "单位" };
    // `html` has no length limit of its own below the 4 MB body limit, so huge strings go to the limited fields.
    await fuzzRoute(request, "POST", "/api/v1/articles", contributor, badBodies(articleBase, ["title", "attribution"]));
    await fuzzRoute(request, "PATCH", `/api/v1/articles/${id}`, contributor, badBodies({ ...articleBase, version }, ["title", "attribution"]));
    // A submitted article, so that /return reaches the comment check; every body is wrong, so it stays submitted.
    const other = await (await request.post("/api/v1/articles", { headers: contributor, data: { title: "待退回", html: "<p>正文</p>" } })).json();
    expect((await request.post(`/api/v1/articles/${other.id}/submit`, { headers: contributor })).status()).toBe(200);
    await fuzzRoute(request, "POST", `/api/v1/articles/${other.id}/return`, editor, badBodies({ comment: "意见" }, ["comment"]));
    const after = await (await request.get(`/api/v1/articles/${other.id}`, { headers: editor })).json();
    expect(after.status).toBe("submitted");
    // Bodies and ids outside every limit.
    const big = Buffer.from(JSON.stringify({ title: "大", html: `<p>${"大".repeat(5 * 1024 * 1024 / 3)}</p>` }));
    await expectClientError(await request.post("/api/v1/articles", { headers: { ...contributor, "content-type": "application/json" }, data: big, timeout: 30_000 }), "5 MB body");
    for (const bad of ["-1", "0", "1.5", "abc", "99999999999999999999", "1e3", "%00", "1;drop"]) {
      await expectClientError(await request.patch(`/api/v1/articles/${bad}`, { headers: contributor, data: { title: "x", version: 1 } }), `PATCH /articles/${bad}`);
      await expectClientError(await request.post(`/api/v1/articles/${bad}/return`, { headers: editor, data: { comment: "x" } }), `return ${bad}`);
    }
    casesRun += 17;
    console.log(`[fuzz] ${casesRun} cases so far in this worker`);
  });

  test("issue routes", async ({ request }) => {
    const editor = { authorization: await tokenFor(request, await createUser("editor")) };
    const admin = { authorization: await tokenFor(request, await createUser("admin")) };
    const slug = `fz${Date.now().toString(36)}`;
    expect((await request.post("/api/v1/publications", { headers: admin, data: { slug, name: "模糊测试简报", issuingBody: "测试组" } })).status()).toBe(201);
    const issue = await (await request.post("/api/v1/issues", { headers: editor, data: { publication: slug, year: 2050 } })).json();
    await fuzzRoute(request, "POST", "/api/v1/issues", editor, badBodies({ publication: slug, year: 2051, number: 1, totalNumber: 1 }, ["publication"]));
    await fuzzRoute(request, "PUT", `/api/v1/issues/${issue.id}/layout`, editor, badBodies({ sections: [{ heading: "栏目", articleIds: [] }] }, ["sections"]));
    // Layout shapes that are JSON-valid but wrong inside.
    const sections = fc.array(
      fc.record({
        heading: fc.oneof(fc.string({ maxLength: 300 }), wrongValue),
        articleIds: fc.oneof(fc.array(fc.oneof(fc.integer({ min: -5, max: 0 }), fc.constantFrom(1.5, 1e300, 2 ** 31, 2 ** 63)), { minLength: 1, maxLength: 5 }), wrongValue.filter((v) => !(Array.isArray(v) && v.length === 0))),
      }),
      { minLength: 1, maxLength: 5 },
    );
    await fuzzRoute(request, "PUT", `/api/v1/issues/${issue.id}/layout`, editor, sections.map((s) => json("bad sections", { sections: s })));
    const list = await (await request.get("/api/v1/issues", { headers: editor })).json();
    expect(JSON.stringify(list)).toContain(slug);
    console.log(`[fuzz] ${casesRun} cases so far in this worker`);
  });

  test("token route and search", async ({ request }) => {
    // A separate address for these sign-in attempts, so the per-address limit of the other tests is untouched.
    const headers = { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}` };
    await fuzzRoute(request, "POST", "/api/v1/auth/token", headers, badBodies({ email: "x@test.local", password: "pw" }, ["email", "password"]));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 150 }), fc.string({ unit: "binary", maxLength: 120 }), fc.constantFrom(...RAW_QUERIES)), async (q) => {
        casesRun++;
        const raw = RAW_QUERIES.includes(q) ? q : encodeQuery(q);
        const res = await request.get(`/api/v1/search?q=${raw}`, { timeout: REQUEST_TIMEOUT });
        if (res.status() === 200) expect(Array.isArray((await res.json()).results)).toBe(true);
        else await expectClientError(res, `search ${q}`);
        const page = await request.get(`/search?q=${raw}`, { timeout: REQUEST_TIMEOUT });
        expect(page.status(), `/search?q=${raw}`).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
    console.log(`[fuzz] ${casesRun} cases in this worker`);
  });
});

test("100 MB bodies, chunked or announced, to JSON and upload routes: 413 as soon as the limit is passed, never read whole, never a hang", async ({ request }) => {
  test.setTimeout(120_000);
  const auth = await tokenFor(request, await createUser("contributor", { unit: "聊城市扶贫办" }));
  const HUNDRED_MB = 100 * 1024 * 1024;
  // The client sends no more than this and then waits, the body unfinished: a
  // server that read the whole body before answering would never answer. How
  // much it sends before the answer arrives depends on how busy the machine
  // is (Node reads and drops the rest of a refused body), so that is not the
  // measure; whether the answer comes without the rest is.
  //   - announced (content-length: 100 MB): one chunk — refused from the header;
  //   - chunked: 24 MB, past every route's limit (4 MB JSON, 10 MB pictures).
  const CHUNK = 256 * 1024;
  const send = (path: string, contentType: string, announced: boolean) =>
    new Promise<{ status: number; sent: number; body: string }>((resolve, reject) => {
      const req = http.request(`${E2E.baseURL}${path}`, {
        method: "POST",
        headers: { authorization: auth, "content-type": contentType, ...(announced ? { "content-length": String(HUNDRED_MB) } : {}) },
      });
      const cap = announced ? CHUNK : 24 * 1024 * 1024;
      const chunk = Buffer.alloc(CHUNK, 0x61);
      let sent = 0;
      let answered = false;
      const noAnswer = setTimeout(() => {
        req.destroy();
        reject(new Error(`${path}: no answer 60 s after ${sent} bytes of an unfinished body`));
      }, 60_000);
      req.on("response", (res) => {
        answered = true;
        clearTimeout(noAnswer);
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
        res.on("end", () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, sent, body });
        });
      });
      req.on("error", (e) => {
        if (!answered) {
          clearTimeout(noAnswer);
          reject(e);
        }
      });
      const pump = () => {
        while (!answered && sent < cap) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        // Never req.end(): the body stays unfinished.
      };
      pump();
    });
  for (const [path, type] of [
    ["/api/v1/articles", "application/json"],
    ["/api/v1/media", "multipart/form-data; boundary=x"],
  ] as const) {
    for (const announced of [false, true]) {
      const r = await send(path, type, announced);
      const what = `${path} ${announced ? "with content-length" : "chunked"}`;
      expect(r.status, what).toBe(413);
      expect(JSON.parse(r.body).error.code, what).toBe("too_large");
      // Answered without the rest of the body (never read whole): 256 KB of an announced 100 MB, at most 24 MB of a chunked one.
      expect(r.sent, what).toBeLessThanOrEqual(announced ? CHUNK : 24 * 1024 * 1024);
    }
  }
});
