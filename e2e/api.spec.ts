// The JSON API over real HTTP against the running server.
import { test, expect, createUser } from "./fixtures";
import { E2E } from "./env";

test.describe("public API", () => {
  test("lists publications and published issues", async ({ request }) => {
    const pubs = await request.get("/api/v1/publications");
    expect(pubs.status()).toBe(200);
    // Other tests add publications of their own; the demo's is there with exactly these fields.
    expect(await pubs.json()).toContainEqual({ slug: "sdtp", name: "山东脱贫攻坚简报", issuingBody: "宣传信息组" });
    const issues = await request.get("/api/v1/publications/sdtp/issues");
    expect(await issues.json()).toEqual([
      { year: 2017, number: 88, totalNumber: 225, title: "山东脱贫攻坚简报2017年第88期(总第225期)", publishedAt: "2017-08-17T02:12:00.000Z" },
    ]);
  });

  test("returns one issue with sections and articles", async ({ request }) => {
    const res = await request.get("/api/v1/publications/sdtp/issues/2017/88");
    expect(res.status()).toBe(200);
    const issue = await res.json();
    expect(issue).toMatchObject({
      publication: "sdtp",
      year: 2017,
      number: 88,
      totalNumber: 225,
      title: "山东脱贫攻坚简报2017年第88期(总第225期)",
      source: "宣传信息组",
      editor: "刘栋",
      publishedAt: "2017-08-17T02:12:00.000Z",
    });
    expect(issue.sections).toHaveLength(1);
    expect(issue.sections[0].heading).toBe("向深度贫困进军");
    const [first] = issue.sections[0].articles;
    expect(Object.keys(first).sort()).toEqual(["attribution", "html", "id", "text", "title", "titleLines"]);
    expect(first).toMatchObject({
      title: "聊城市狠抓“六项举措”集中优势兵力重点突破",
      titleLines: ["聊城市狠抓“六项举措”", "集中优势兵力重点突破"],
      attribution: "聊城市扶贫办",
    });
    expect(first.text).toContain("对于插花贫困户");
  });

  test("answers 404 with the error shape for unknown things", async ({ request }) => {
    for (const url of ["/api/v1/publications/nope/issues", "/api/v1/publications/sdtp/issues/2017/89", "/api/v1/publications/sdtp/issues/x/88"]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(404);
      expect((await res.json()).error).toMatchObject({ code: "not_found", message: expect.any(String) });
    }
  });
});

test.describe("tokens and authenticated API", () => {
  test("a token from /auth/token opens the authenticated API", async ({ request }) => {
    const user = await createUser("contributor", { unit: "省司法厅" });
    const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
    expect(res.status()).toBe(200);
    const { token } = await res.json();
    expect(token).toMatch(/^bcms_/);
    const list = await request.get("/api/v1/articles", { headers: { authorization: `Bearer ${token}` } });
    expect(list.status()).toBe(200);
    const { articles } = await list.json();
    // Only their unit's articles (other tests may add more of them).
    expect(new Set(articles.map((a: { unit: string }) => a.unit))).toEqual(new Set(["省司法厅"]));
    const demo = (await (await request.get("/api/v1/publications/sdtp/issues/2017/88")).json()).sections[0].articles as { id: number; attribution: string }[];
    const own = demo.find((a) => a.attribution === "省司法厅")!;
    const one = await request.get(`/api/v1/articles/${own.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await one.json()).toMatchObject({ status: "published", unit: "省司法厅", version: 1, events: expect.any(Array) });
    // Another unit's article does not exist for this contributor.
    const other = demo.find((a) => a.attribution !== "省司法厅")!;
    expect((await request.get(`/api/v1/articles/${other.id}`, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(404);
  });

  test("the signed-out and bad tokens get 401", async ({ request }) => {
    expect((await request.get("/api/v1/articles")).status()).toBe(401);
    const bad = await request.get("/api/v1/articles", { headers: { authorization: "Bearer bcms_nope" } });
    expect(bad.status()).toBe(401);
    expect((await bad.json()).error.code).toBe("unauthorized");
  });

  test("bad input gets 400/422, wrong passwords 401, then 429", async ({ request }) => {
    const malformed = await request.post("/api/v1/auth/token", { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } });
    expect(malformed.status()).toBe(400);
    const invalid = await request.post("/api/v1/auth/token", { data: { email: 42 } });
    expect(invalid.status()).toBe(422);
    expect((await invalid.json()).error.fields).toHaveProperty("email");
    const user = await createUser("editor");
    for (let i = 0; i < 5; i++) {
      const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: "wrong" } });
      expect(res.status()).toBe(401);
    }
    const limited = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
    expect(limited.status()).toBe(429);
  });

  test("the test hook is closed without its token", async ({ request }) => {
    const res = await request.post("/api/test/users", { data: { role: "admin" } });
    expect(res.status()).toBe(404);
    expect(E2E.hookToken.length).toBeGreaterThan(16);
  });

  test("the OpenAPI 3.1 document lists the contract's routes; unknown API paths answer the JSON error shape", async ({ request }) => {
    const doc = await request.get("/api/v1/openapi.json");
    expect(doc.status()).toBe(200);
    expect(doc.headers()["content-type"]).toContain("application/json");
    const body = await doc.json();
    expect(body.openapi).toBe("3.1.0");
    for (const [path, method] of [
      ["/api/v1/publications/{slug}/issues/{year}/{number}", "get"],
      ["/api/v1/articles/{id}", "patch"],
      ["/api/v1/articles/import", "post"],
      ["/api/v1/issues/{id}/layout", "put"],
      ["/api/v1/search", "get"],
    ] as const) {
      expect(body.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    for (const [method, url] of [
      ["GET", "/api/v1/no-such-route"],
      ["POST", "/api/v1/articles/1/no-such-action"],
      ["DELETE", "/api/v1/issues"],
    ] as const) {
      const res = await request.fetch(url, { method, data: method === "GET" ? undefined : {} });
      expect(res.status(), `${method} ${url}`).toBe(method === "DELETE" ? 405 : 404);
      if (res.status() === 404) {
        expect(res.headers()["content-type"]).toContain("application/json");
        expect((await res.json()).error.code).toBe("not_found");
      }
    }
  });
});
