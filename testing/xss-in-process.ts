// For the XSS tests in Vitest (testing/xss-inputs.db.test.ts): a client of
// the app in this process (testing/app-in-process.ts) shaped like the part of
// Playwright's APIRequestContext they use, and the static check of the pages
// it renders — the same check e2e/xss-helpers.ts applies to pages fetched over
// HTTP, less what only Next's server adds (its scripts and their nonce, the
// Content-Security-Policy header), which e2e/xss.spec.ts and headers.spec.ts
// check on the real server.
import mammoth from "mammoth";
import { afterAll, beforeAll, expect } from "vitest";
import type { PlaceId, PlaceLog } from "@/e2e/xss-places";
import { systemViewer } from "@/lib/auth/permissions";
import { createE2eUser } from "@/lib/e2e/hook";
import { createUnit } from "@/lib/units/units";
import { api, get, type Answer, type RequestOptions } from "./app-in-process";
import { sessionCookie } from "./next-request";
import { createTestDb, type TestDb } from "./test-db";
import { missingFrom } from "./xss-pack";
import { describeFindings, inspectHtml, normalizeText, readAtomFeed, visibleText } from "./xss-static";

export type { Answer };
export type Auth = Record<string, string>;

export type TestUser = Awaited<ReturnType<typeof createE2eUser>>;

/**
 * For an XSS test file: a fresh database of its own (with `units`) for its
 * tests, and users made as the end-to-end hook makes them. Passwords are
 * hashed at bcrypt's minimum cost, as on the end-to-end server these tests
 * stand in for (lib/users/passwords.ts).
 */
export function xssTestApp({ units = [] }: { units?: string[] } = {}) {
  let testDb: TestDb | undefined;
  const hookToken = process.env.CMS_E2E_HOOK_TOKEN;
  beforeAll(async () => {
    process.env.CMS_E2E_HOOK_TOKEN = "vitest-in-process";
    testDb = await createTestDb();
    for (const name of units) await createUnit(systemViewer("test"), { name });
  }, 180_000);
  afterAll(async () => {
    await testDb?.drop();
    if (hookToken === undefined) delete process.env.CMS_E2E_HOOK_TOKEN;
    else process.env.CMS_E2E_HOOK_TOKEN = hookToken;
  });
  return {
    /** A user of a role (a contributor in `unit`) with a server session. */
    createUser: (role: TestUser["role"], options: { unit?: string } = {}) => createE2eUser({ role, ...options }),
    /** A bearer token minted with the user's password, as an API client gets one. */
    async tokenFor(_request: unknown, user: TestUser): Promise<Auth> {
      const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
      expect(res.status()).toBe(200);
      return { authorization: `Bearer ${(await res.json()).token}` };
    },
    /** The session cookie of `user` as a request header: pages fetched as that user. */
    cookieFor: async (user: Pick<TestUser, "id" | "sid">): Promise<Auth> => ({ cookie: await sessionCookie(user.id, user.sid) }),
  };
}

/**
 * React's server renderer gives a form (or button) whose action is a plain
 * function this placeholder URL. In Next, the action is a server reference
 * and the form posts to the page itself (what e2e/xss.spec.ts reads over
 * HTTP); in process it is a plain function. Only this exact value is taken
 * out before the check: any other script URL still fails it.
 */
const FUNCTION_ACTION = /\s(?:action|formaction)="javascript:throw new Error\((?:'|&#x27;)React form unexpectedly submitted\.(?:'|&#x27;)\)"/gi;
/** …and, once per document, its own inline script that replays a form submitted before hydration to such an action. */
const FORM_REPLAY = /<script(?: id="_R_[^"]*")?>addEventListener\("submit",function\(a\)\{if\(!a\.defaultPrevented\)\{[^<]*?"javascript:throw new Error\('React form unexpectedly submitted\.'\)"===c[^<]*?\$\$reactFormReplay[^<]*?<\/script>/g;

export const request = {
  get: (url: string, options: { headers?: Auth; maxRedirects?: number } = {}) => get(url, options),
  post: (url: string, options: RequestOptions = {}) => api("POST", url, options),
  put: (url: string, options: RequestOptions = {}) => api("PUT", url, options),
  patch: (url: string, options: RequestOptions = {}) => api("PATCH", url, options),
};

/**
 * Pages rendered in process and read with the static check: anything
 * executable fails the test (no page of ours renders a script of its own:
 * Next adds those), and the texts in `shows` must be in the page's visible
 * text, so the check is not vacuous.
 */
export class StaticPages {
  constructor(readonly log: PlaceLog) {}

  /** `place` null: a page that shows no user text, opened all the same (not counted for any place). */
  async html(place: PlaceId | null, url: string, o: { headers?: Auth; payloads: number; shows?: readonly string[]; status?: number }) {
    const res = await request.get(url, { headers: o.headers });
    expect(res.status(), url).toBe(o.status ?? 200);
    expect(res.headers()["content-type"], url).toContain("text/html");
    const html = (await res.text()).replace(FUNCTION_ACTION, "").replace(FORM_REPLAY, "");
    const { findings, text } = inspectHtml(html, { nonce: null });
    expect(findings, `${url}\n${describeFindings(findings)}`).toEqual([]);
    expect(missingFrom(text, o.shows ?? []), `${url}: not shown`).toEqual([]);
    if (place) this.log.add(place, o.payloads);
    else this.log.pages += 1;
    return { html, text };
  }

  /** The Word file, read back into HTML by mammoth (what a converter or preview shows): nothing executable, `shows` in its text. */
  async docx(place: PlaceId, url: string, o: { payloads: number; shows?: readonly string[] }) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    const { value: html } = await mammoth.convertToHtml({ buffer: await res.body() });
    const { findings, text } = inspectHtml(html, { fragment: true });
    expect(findings, `${url}\n${describeFindings(findings)}`).toEqual([]);
    expect(missingFrom(text, o.shows ?? []), `${url}: not in the Word file`).toEqual([]);
    this.log.add(place, o.payloads);
  }

  /** The Atom feed as XML (readAtomFeed): Atom only, every type="html" text inert after unescaping, `shows` in what a reader shows. */
  async feed(place: PlaceId, url: string, o: { payloads: number; shows?: readonly string[] }) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    const { findings, texts } = readAtomFeed(await res.text());
    expect(findings, `${url}\n${describeFindings(findings)}`).toEqual([]);
    const shown = normalizeText(texts.map((t) => (t.type === "html" ? visibleText(t.text, { fragment: true }) : t.text)).join(" "));
    expect(missingFrom(shown, o.shows ?? []), `${url}: not in the feed`).toEqual([]);
    this.log.add(place, o.payloads);
  }
}
