// Shared by the XSS specs (xss.spec.ts, xss-inputs.spec.ts): a token for the
// API, and the Chromium marker-and-dialog guard the sampler and the editor
// tests use. Packing the corpus into fields is in testing/xss-pack.ts, shared
// with the Vitest XSS tests.
import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { expect, type TestUser } from "./fixtures";
import { XSS_MARKER } from "../testing/xss-payloads";

export { chunkGroups, createWithHtml, pack, pool } from "../testing/xss-pack";

export type Auth = Record<string, string>;

export async function tokenFor(request: APIRequestContext, user: TestUser): Promise<Auth> {
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).token}` };
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

