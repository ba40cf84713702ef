// The administration and statistics API over real HTTP: the admin's flow, and
// one permission boundary per endpoint (401 signed out, 403 for contributors and editors).
import { test, expect, createUser, signInForCookie, type TestUser } from "./fixtures";
import { E2E } from "./env";

async function tokenFor(request: import("@playwright/test").APIRequestContext, user: TestUser) {
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  expect(res.status()).toBe(200);
  return `Bearer ${(await res.json()).token}`;
}

const ADMIN_ENDPOINTS: [method: "get" | "post" | "patch", path: string, body?: unknown][] = [
  ["get", "/api/v1/users"],
  ["post", "/api/v1/users", { email: "x@test.local", name: "x", role: "editor" }],
  ["get", "/api/v1/users/1"],
  ["patch", "/api/v1/users/1", { role: "editor" }],
  ["post", "/api/v1/users/1/reset-password"],
  ["get", "/api/v1/units"],
  ["post", "/api/v1/units", { name: "不该出现的单位" }],
  ["patch", "/api/v1/units/1", { active: false }],
  ["post", "/api/v1/publications", { slug: "nope", name: "x", issuingBody: "x" }],
  ["get", "/api/v1/publications/sdtp"],
  ["patch", "/api/v1/publications/sdtp", { name: "改名" }],
  ["get", "/api/v1/tokens?all=1"],
  ["get", "/api/v1/audit"],
];

test.describe("admin API permissions", () => {
  test("signed out: 401 on every admin and statistics endpoint", async ({ request }) => {
    for (const [method, path, body] of [...ADMIN_ENDPOINTS, ["get", "/api/v1/stats"] as const, ["get", "/api/v1/stats/export?format=csv"] as const, ["get", "/api/v1/tokens"] as const]) {
      const res = await request[method](path, body ? { data: body } : {});
      expect(res.status(), `${method} ${path}`).toBe(401);
      expect((await res.json()).error.code).toBe("unauthorized");
    }
  });

  for (const role of ["contributor", "editor"] as const) {
    test(`${role}: 403 on every admin endpoint, and nothing changed`, async ({ request }) => {
      const auth = await tokenFor(request, await createUser(role));
      for (const [method, path, body] of ADMIN_ENDPOINTS) {
        const res = await request[method](path, { headers: { authorization: auth }, ...(body ? { data: body } : {}) });
        expect(res.status(), `${method} ${path}`).toBe(403);
        expect((await res.json()).error.code).toBe("forbidden");
      }
      // Nothing changed: no publication "nope", sdtp not renamed (other tests may add publications of their own meanwhile).
      const pubs = (await (await request.get("/api/v1/publications")).json()) as { slug: string }[];
      expect(pubs.find((p) => p.slug === "nope")).toBeUndefined();
      expect(pubs.find((p) => p.slug === "sdtp")).toEqual({ slug: "sdtp", name: "山东脱贫攻坚简报", issuingBody: "宣传信息组" });
    });
  }

  test("statistics: contributors 403, editors 200; weights only for editors and admins", async ({ request }) => {
    const contributor = await tokenFor(request, await createUser("contributor"));
    const editor = await tokenFor(request, await createUser("editor"));
    expect((await request.get("/api/v1/stats?period=2017-08", { headers: { authorization: contributor } })).status()).toBe(403);
    expect((await request.get("/api/v1/stats/export?period=2017-08", { headers: { authorization: contributor } })).status()).toBe(403);
    expect((await request.post("/api/v1/stats/weights", { headers: { authorization: contributor }, data: { weights: { submitted: 1, accepted: 1, published: 1, lead: 1 } } })).status()).toBe(403);
    const res = await request.get("/api/v1/stats?period=2017-08&publication=sdtp", { headers: { authorization: editor } });
    expect(res.status()).toBe(200);
    const report = await res.json();
    expect(report.period).toMatchObject({ key: "2017-08", firstDay: "2017-08-01", lastDay: "2017-08-31" });
    const names = report.units.map((u: { unit: string }) => u.unit);
    expect(names).toEqual(expect.arrayContaining(["聊城市扶贫办", "威海市扶贫办", "省司法厅"]));
    const liaocheng = report.units.find((u: { unit: string }) => u.unit === "聊城市扶贫办");
    expect(liaocheng).toMatchObject({ submitted: 1, accepted: 1 });
    expect((await request.get("/api/v1/stats?period=2017-13", { headers: { authorization: editor } })).status()).toBe(422);
    const csv = await request.get("/api/v1/stats/export?format=csv&period=2017-08", { headers: { authorization: editor } });
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8").split("\r\n")[0]).toBe("排名,供稿单位,报送,退回,采用,未采用,刊用,头条,采用率,约稿按时,约稿逾期,约稿未报,批示国家级,批示省级,批示市级,批示县级,上级采用国家级,上级采用省级,上级采用市级,上级采用县级,得分");
    expect(bytes.toString("utf8")).toContain("聊城市扶贫办");
    const xlsx = await request.get("/api/v1/stats/export?format=xlsx&period=2017-08", { headers: { authorization: editor } });
    expect(xlsx.status()).toBe(200);
    expect([...(await xlsx.body()).subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip: PK
  });
});

test.describe("admin API", () => {
  test("creates a unit and a user, changes role, deactivates: the user's token stops at once", async ({ request }) => {
    const admin = await createUser("admin");
    const auth = { authorization: await tokenFor(request, admin) };
    const stamp = Date.now().toString(36);

    const unit = await request.post("/api/v1/units", { headers: auth, data: { name: `接口测试单位${stamp}` } });
    expect(unit.status()).toBe(201);
    const { id: unitId } = await unit.json();
    expect((await request.post("/api/v1/units", { headers: auth, data: { name: `接口测试单位${stamp}` } })).status()).toBe(409);
    expect((await request.post("/api/v1/units", { headers: auth, data: { name: "" } })).status()).toBe(422);
    expect((await request.post("/api/v1/units", { headers: { ...auth, "content-type": "application/json" }, data: Buffer.from("{not json") })).status()).toBe(400);

    const created = await request.post("/api/v1/users", { headers: auth, data: { email: `api-${stamp}@test.local`, name: "接口用户", role: "contributor", unitId } });
    expect(created.status()).toBe(201);
    const { user, password } = await created.json();
    expect(user).toMatchObject({ role: "contributor", unitId, mustChangePassword: true });
    expect((await request.post("/api/v1/users", { headers: auth, data: { email: `api-${stamp}@test.local`, name: "重复", role: "editor" } })).status()).toBe(409);
    expect((await request.post("/api/v1/users", { headers: auth, data: { email: `x-${stamp}@test.local`, name: "无单位", role: "contributor" } })).status()).toBe(422);

    // A one-time password mints no token (issue 21); the user first chooses their own, signed in by cookie.
    const refused = await request.post("/api/v1/auth/token", { data: { email: user.email, password } });
    expect(refused.status()).toBe(403);
    const cookie = await signInForCookie(request, user.email, password);
    const changed = await request.post("/api/v1/auth/password", {
      headers: { cookie, origin: E2E.baseURL },
      data: { currentPassword: password, newPassword: "Chosen-By-Them-7" },
    });
    expect(changed.status()).toBe(200);
    const theirToken = await tokenFor(request, { ...user, password: "Chosen-By-Them-7" } as TestUser);
    expect((await request.get("/api/v1/articles", { headers: { authorization: theirToken } })).status()).toBe(200);

    const patched = await request.patch(`/api/v1/users/${user.id}`, { headers: auth, data: { role: "editor" } });
    expect(patched.status()).toBe(200);
    expect(await patched.json()).toMatchObject({ role: "editor" });
    expect((await request.patch(`/api/v1/users/${user.id}`, { headers: auth, data: { role: "boss" } })).status()).toBe(422);
    expect((await request.patch(`/api/v1/users/999999`, { headers: auth, data: { role: "editor" } })).status()).toBe(404);

    expect((await request.patch(`/api/v1/users/${user.id}`, { headers: auth, data: { active: false } })).status()).toBe(200);
    expect((await request.get("/api/v1/articles", { headers: { authorization: theirToken } })).status()).toBe(401);

    const reset = await request.post(`/api/v1/users/${user.id}/reset-password`, { headers: auth });
    expect(reset.status()).toBe(200);
    expect((await reset.json()).password).toMatch(/^[A-Za-z0-9]{14}$/);

    const renamed = await request.patch(`/api/v1/units/${unitId}`, { headers: auth, data: { name: `改名单位${stamp}`, active: false } });
    expect(await renamed.json()).toMatchObject({ name: `改名单位${stamp}`, active: false });

    // Demoting an admin works while another active admin remains (the last-admin rule, including
    // concurrent changes, is tested against the service in lib/users/manage.db.test.ts).
    const other = await createUser("admin");
    expect((await request.patch(`/api/v1/users/${other.id}`, { headers: auth, data: { role: "editor" } })).status()).toBe(200);

    const audit = await request.get(`/api/v1/audit?targetType=user&targetId=${user.id}`, { headers: auth });
    const actions = (await audit.json()).entries.map((e: { action: string }) => e.action).filter((a: string) => a !== "auth.sign-in");
    expect(actions).toEqual(["user.reset-password", "user.deactivate", "user.role", "user.change-password", "user.create"]);
    const page1 = await (await request.get("/api/v1/audit?limit=2", { headers: auth })).json();
    const page2 = await (await request.get(`/api/v1/audit?limit=2&before=${page1.nextBefore}`, { headers: auth })).json();
    expect(page2.entries[0].id).toBeLessThan(page1.entries[1].id);
  });

  test("publications: create and edit; the public list keeps its shape", async ({ request }) => {
    const auth = { authorization: await tokenFor(request, await createUser("admin")) };
    const slug = `p${Date.now().toString(36)}`;
    const created = await request.post("/api/v1/publications", {
      headers: auth,
      data: { slug, name: "测试简报", issuingBody: "办公室", printRecipients: "省领导", printCopies: 50, showTotalNumber: false },
    });
    expect(created.status()).toBe(201);
    expect(await created.json()).toMatchObject({ slug, printCopies: 50, showTotalNumber: false });
    expect((await request.post("/api/v1/publications", { headers: auth, data: { slug, name: "x", issuingBody: "x" } })).status()).toBe(409);
    const edited = await request.patch(`/api/v1/publications/${slug}`, { headers: auth, data: { subtitle: "内部资料", printCc: "各市" } });
    expect(await edited.json()).toMatchObject({ subtitle: "内部资料", printCc: "各市" });
    const list = await (await request.get("/api/v1/publications")).json();
    expect(list).toContainEqual({ slug, name: "测试简报", issuingBody: "办公室" });
    expect(Object.keys(list[0]).sort()).toEqual(["issuingBody", "name", "slug"]);
  });

  test("tokens: own list, create, revoke; others' tokens are not found; admins see all", async ({ request }) => {
    const editor = await createUser("editor");
    const contributor = await createUser("contributor");
    const e = { authorization: await tokenFor(request, editor) };
    const c = { authorization: await tokenFor(request, contributor) };
    const made = await request.post("/api/v1/tokens", { headers: e, data: { name: "脚本" } });
    expect(made.status()).toBe(201);
    const { id, token } = await made.json();
    expect(token).toMatch(/^bcms_/);
    const own = await (await request.get("/api/v1/tokens", { headers: e })).json();
    expect(own.tokens.map((t: { name: string }) => t.name)).toEqual(["脚本", "API"]);
    expect(JSON.stringify(own)).not.toContain(token);
    expect((await request.delete(`/api/v1/tokens/${id}`, { headers: c })).status()).toBe(404);
    expect((await request.delete(`/api/v1/tokens/${id}`, { headers: e })).status()).toBe(200);
    expect((await request.get("/api/v1/tokens", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
    const admin = { authorization: await tokenFor(request, await createUser("admin")) };
    const all = await (await request.get("/api/v1/tokens?all=1", { headers: admin })).json();
    expect(all.tokens.some((t: { userEmail: string }) => t.userEmail === contributor.email)).toBe(true);
  });
});
