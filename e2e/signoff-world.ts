// The world the 签发 specs share: a publication of the test's own that
// requires sign-off, its people, a draft issue that passes the checks, and
// the two browser contexts — the editor at a desk, the leader on a phone.
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, createUser, sessionCookieFor, waitForHydration, type TestUser } from "./fixtures";

export type Auth = { authorization: string };

export async function tokenFor(request: APIRequestContext, user: { email: string; password: string }): Promise<Auth> {
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  expect(res.status(), await res.text()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).token}` };
}

export const html = (...paragraphs: string[]) => paragraphs.map((p) => `<p>${p}</p>`).join("");

export interface World {
  slug: string;
  name: string;
  editor: Auth;
  signer: Auth;
  signerUser: TestUser;
  admin: Auth;
  contributor: Auth;
}

/** A publication of the test's own (sign-off required, the default) and its people. */
export async function world(request: APIRequestContext, tag: string): Promise<World> {
  const stamp = `${tag}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const admin = await tokenFor(request, await createUser("admin"));
  const name = `签发简报${stamp}`;
  const created = await request.post("/api/v1/publications", { headers: admin, data: { slug: stamp, name, issuingBody: "宣传信息组" } });
  expect(created.status()).toBe(201);
  const signerUser = await createUser("signer");
  return {
    slug: stamp,
    name,
    admin,
    editor: await tokenFor(request, await createUser("editor")),
    signer: await tokenFor(request, signerUser),
    signerUser,
    contributor: await tokenFor(request, await createUser("contributor")),
  };
}

/** A draft issue that passes the checks: two accepted articles in one section, an editor named. */
export async function readyIssue(request: APIRequestContext, w: World, year: number) {
  const ids: number[] = [];
  for (const title of [`签发测试甲稿${year}`, `签发测试乙稿${year}`]) {
    const a = await request.post("/api/v1/articles", { headers: w.contributor, data: { title, html: html(`${title}的第一段。`, `${title}的第二段。`) } });
    expect(a.status()).toBe(201);
    const { id } = await a.json();
    expect((await request.post(`/api/v1/articles/${id}/submit`, { headers: w.contributor })).status()).toBe(200);
    expect((await request.post(`/api/v1/articles/${id}/accept`, { headers: w.editor })).status()).toBe(200);
    ids.push(id);
  }
  const issue = await (await request.post("/api/v1/issues", { headers: w.editor, data: { publication: w.slug, year } })).json();
  const laid = await request.put(`/api/v1/issues/${issue.id}/layout`, { headers: w.editor, data: { sections: [{ heading: "工作动态", articleIds: ids }] } });
  expect(laid.status()).toBe(200);
  const patched = await request.patch(`/api/v1/issues/${issue.id}`, { headers: w.editor, data: { version: (await laid.json()).version, editorName: "刘栋" } });
  expect(patched.status()).toBe(200);
  return { id: issue.id as number, number: issue.number as number, totalNumber: issue.totalNumber as number, articleIds: ids };
}

export const post = (request: APIRequestContext, url: string, headers: Auth | Record<string, never>, data?: unknown) => request.post(url, { headers, ...(data === undefined ? {} : { data }) });

export async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  return waitForHydration(await context.newPage());
}

export async function desk(browser: Browser, user: TestUser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([await sessionCookieFor(user)]);
  return waitForHydration(await context.newPage());
}

/** A ready issue of `w`'s publication, asked, signed and published through the API. */
export async function publishedIssue(request: APIRequestContext, w: World, year: number) {
  const issue = await readyIssue(request, w, year);
  const at = (p: string) => `/api/v1/issues/${issue.id}/${p}`;
  expect((await post(request, at("request-signoff"), w.editor)).status()).toBe(200);
  expect((await post(request, at("signoff"), w.signer, { decision: "approve" })).status()).toBe(200);
  expect((await post(request, at("publish"), w.editor)).status()).toBe(200);
  return issue;
}
