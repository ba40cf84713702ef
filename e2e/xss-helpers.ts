// Shared by the XSS specs (xss.spec.ts, xss-inputs.spec.ts): packing the
// corpus into fields, the static check of a page fetched without a browser
// (testing/xss-static.ts), and the Chromium marker-and-dialog guard the
// sampler uses.
import { createHash } from "node:crypto";
import mammoth from "mammoth";
import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { expect, sessionCookieFor, type TestUser } from "./fixtures";
import type { PlaceId, PlaceLog } from "./xss-places";
import { XSS_MARKER, XSS_PAYLOADS } from "../testing/xss-payloads";
import { cspNonce, describeFindings, inspectHtml, normalizeText, readAtomFeed, renderNonce, visibleText } from "../testing/xss-static";

export type Auth = Record<string, string>;

export async function tokenFor(request: APIRequestContext, user: TestUser): Promise<Auth> {
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).token}` };
}

/** The session cookie of `user` as a request header: pages fetched as that user, no sign-in and no password check. */
export async function cookieFor(user: Pick<TestUser, "id" | "sid" | "role" | "unitId" | "email" | "name">): Promise<Auth> {
  const c = await sessionCookieFor(user as TestUser);
  return { cookie: `${c.name}=${c.value}` };
}

/** Runs `fn` over `items`, at most `n` at a time; the results in order. */
export async function pool<T, R>(items: readonly T[], n: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

/** Packs payloads from `queue` (taken from the front) into at most `lines` lines of at most `max` characters together. */
export function pack(queue: string[], max: number, lines: number): string[] {
  const out: string[] = [];
  let used = 0;
  while (queue.length && out.length < lines && used + queue[0]!.replace(/\s+/g, " ").trim().length <= max) {
    const next = queue.shift()!;
    used += next.replace(/\s+/g, " ").trim().length;
    out.push(next);
  }
  return out;
}

/**
 * Groups of payloads that, joined by `sep`, are each at most `max`
 * characters: first-fit by decreasing length, so the fewest fields (and
 * publications, users, requests) hold the whole corpus.
 */
export function chunkGroups(max: number, sep = " ", payloads: readonly string[] = XSS_PAYLOADS): string[][] {
  const bins: { items: string[]; length: number }[] = [];
  for (const p of [...payloads].sort((a, b) => b.length - a.length)) {
    const bin = bins.find((b) => b.length + sep.length + p.length <= max);
    if (bin) {
      bin.items.push(p);
      bin.length += sep.length + p.length;
    } else bins.push({ items: [p], length: p.length });
  }
  return bins.map((b) => b.items);
}

/** Chunks of payloads joined by a separator, each at most `max` characters. */
export function chunks(max: number, sep = " ", payloads: readonly string[] = XSS_PAYLOADS): string[] {
  return chunkGroups(max, sep, payloads).map((group) => group.join(sep));
}

/** Texts missing from `text` (both compared as normalizeText does). */
export function missingFrom(text: string, shows: readonly string[]): string[] {
  return shows.filter((s) => !text.includes(normalizeText(s)));
}

/**
 * Pages fetched over HTTP (no browser) and read with the static check: the
 * page's own scripts are those with the response's nonce (or, for a copy
 * from the reader cache, the render's nonce on its /_next/ files); anything
 * else executable fails the test, and the texts in `shows` must be in the
 * page's visible text, so the check is not vacuous.
 */
export class StaticPages {
  constructor(
    private readonly request: APIRequestContext,
    readonly log: PlaceLog,
  ) {}

  /** `place` null: a page that shows no user text, opened all the same (not counted for any place). */
  async html(place: PlaceId | null, url: string, o: { headers?: Auth; payloads: number; shows?: readonly string[]; status?: number }) {
    const res = await this.request.get(url, { headers: o.headers, maxRedirects: 0 });
    expect(res.status(), url).toBe(o.status ?? 200);
    expect(res.headers()["content-type"], url).toContain("text/html");
    const csp = res.headers()["content-security-policy"] ?? "";
    expect(csp, `${url}: Content-Security-Policy`).toContain("script-src");
    const html = await res.text();
    const nonce = cspNonce(csp) ?? renderNonce(html);
    if (!cspNonce(csp)) {
      // A reader-cache copy: its policy lists the render's own inline scripts by hash, so the page still runs.
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        if (m[2] && !/\bsrc=/.test(m[1]!) && m[1]!.includes(`nonce="${nonce}"`)) expect(csp, `${url}: the cached copy's policy allows its own script`).toContain(`'sha256-${createHash("sha256").update(m[2], "utf8").digest("base64")}'`);
      }
    }
    const { findings, text } = inspectHtml(html, { nonce });
    expect(findings, `${url}\n${describeFindings(findings)}`).toEqual([]);
    expect(missingFrom(text, o.shows ?? []), `${url}: not shown`).toEqual([]);
    if (place) this.log.add(place, o.payloads);
    else this.log.pages += 1;
    return { html, text };
  }

  /** The Word file, read back into HTML by mammoth (what a converter or preview shows): nothing executable, `shows` in its text. */
  async docx(place: PlaceId, url: string, o: { payloads: number; shows?: readonly string[] }) {
    const res = await this.request.get(url);
    expect(res.status(), url).toBe(200);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await res.body()) });
    const { findings, text } = inspectHtml(html, { fragment: true });
    expect(findings, `${url}\n${describeFindings(findings)}`).toEqual([]);
    expect(missingFrom(text, o.shows ?? []), `${url}: not in the Word file`).toEqual([]);
    this.log.add(place, o.payloads);
  }

  /** The Atom feed as XML (readAtomFeed): Atom only, every type="html" text inert after unescaping, `shows` in what a reader shows. */
  async feed(place: PlaceId, url: string, o: { payloads: number; shows?: readonly string[] }) {
    const res = await this.request.get(url);
    expect(res.status(), url).toBe(200);
    const { findings, texts } = readAtomFeed(await res.text());
    expect(findings, `${url}\n${describeFindings(findings)}`).toEqual([]);
    const shown = normalizeText(texts.map((t) => (t.type === "html" ? visibleText(t.text, { fragment: true }) : t.text)).join(" "));
    expect(missingFrom(shown, o.shows ?? []), `${url}: not in the feed`).toEqual([]);
    this.log.add(place, o.payloads);
  }
}

// ---------------------------------------------------------------------------
// Chromium: the sampler's guard.

export interface Guard {
  fired: string[];
  dialogs: string[];
  pagesChecked: number;
  payloadPages: number;
}

export async function guard(context: BrowserContext, page: Page): Promise<Guard> {
  const g: Guard = { fired: [], dialogs: [], pagesChecked: 0, payloadPages: 0 };
  // Exposed in every frame of every page of the context, before any script of the page runs.
  await context.exposeFunction(XSS_MARKER, () => {
    g.fired.push(page.url());
  });
  page.on("dialog", async (d) => {
    g.dialogs.push(`${page.url()}: ${d.type()} ${d.message()}`);
    await d.dismiss().catch(() => undefined);
  });
  return g;
}

/**
 * Opens a URL, waits for `ready` (what the browser renders after hydration),
 * lets pending handlers (image errors, autofocus, animations) run, and counts it.
 */
export async function visit(page: Page, g: Guard, url: string, payloadsOnPage: number, expectStatus = 200, ready?: () => Promise<unknown>) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(expectStatus);
  await page.waitForLoadState("load");
  await ready?.();
  // Two animation frames: event handlers queued by the parser (onerror, onfocus, animationstart) have run by then.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.mouse.move(200, 200);
  await page.mouse.move(600, 500);
  expect(g.fired, `marker called on ${url}`).toEqual([]);
  expect(g.dialogs, `dialog on ${url}`).toEqual([]);
  g.pagesChecked += 1;
  g.payloadPages += payloadsOnPage;
}

