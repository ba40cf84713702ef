// Shared by the XSS specs (xss.spec.ts, xss-inputs.spec.ts): packing the
// corpus into fields, the marker-and-dialog guard, and a page visit that
// fails the test when a payload ran.
import mammoth from "mammoth";
import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { expect, type TestUser } from "./fixtures";
import { XSS_MARKER, XSS_PAYLOADS } from "../lib/testing/xss-payloads";

export async function tokenFor(request: APIRequestContext, user: TestUser) {
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).token}` };
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

/** Groups of payloads that, joined by a separator, are each at most `max` characters. */
export function chunkGroups(max: number, sep = " ", payloads: readonly string[] = XSS_PAYLOADS): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const p of payloads) {
    if (current.length && length + sep.length + p.length > max) {
      out.push(current);
      current = [];
      length = 0;
    }
    length = current.length ? length + sep.length + p.length : p.length;
    current.push(p);
  }
  if (current.length) out.push(current);
  return out;
}

/** Chunks of payloads joined by a separator, each at most `max` characters. */
export function chunks(max: number, sep = " ", payloads: readonly string[] = XSS_PAYLOADS): string[] {
  return chunkGroups(max, sep, payloads).map((group) => group.join(sep));
}

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

/** Opens a URL, lets pending handlers (image errors, autofocus, animations) run, and counts it. */
export async function visit(page: Page, g: Guard, url: string, payloadsOnPage: number, expectStatus = 200) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(expectStatus);
  await page.waitForLoadState("load");
  // Two animation frames: event handlers queued by the parser (onerror, onfocus, animationstart) have run by then.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.mouse.move(200, 200);
  await page.mouse.move(600, 500);
  expect(g.fired, `marker called on ${url}`).toEqual([]);
  expect(g.dialogs, `dialog on ${url}`).toEqual([]);
  g.pagesChecked += 1;
  g.payloadPages += payloadsOnPage;
}

/** The Word file: mammoth turns it back into HTML, which Chromium then renders; no script, no handler, `text` is on it as text. */
export async function checkDocx(page: Page, g: Guard, docx: Buffer, text: string, payloadsInFile: number) {
  const { value: docHtml } = await mammoth.convertToHtml({ buffer: docx });
  expect(docHtml).not.toMatch(/<script/i);
  await page.setContent(docHtml);
  const unsafe = await page.evaluate(() =>
    [...document.querySelectorAll("*")].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name) || /^\s*(javascript|vbscript|data):/i.test(a.value)).map((a) => `${el.tagName} ${a.name}=${a.value}`),
    ),
  );
  expect(unsafe).toEqual([]);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(g.fired).toEqual([]);
  expect(g.dialogs).toEqual([]);
  expect(await page.locator("body").innerText()).toContain(text);
  g.pagesChecked += 1;
  g.payloadPages += payloadsInFile;
}
