// The XSS corpus through the one text input whose page only the browser
// renders: image file names, which the editor (Tiptap, in the browser) shows
// as the images' alt text. Every payload goes into a file name, packed to the
// 200 characters the server keeps (one by one when a pack is refused), and the
// editor is opened in Chromium with the marker and dialog guard.
//
// The other inputs of this file — publication fields, editorial comments,
// .docx file names, display names, 批示 and 落实反馈, 约稿 titles, briefs and
// cancellation reasons — and every page that shows them moved to Vitest
// (testing/xss-inputs.db.test.ts, issue 13): the same writes through the
// API's route handlers and the same static check of the same pages, rendered
// in process instead of fetched from a server.
import { test, expect, createUser, sessionCookieFor } from "./fixtures";
import { makePng } from "../testing/png";
import { XSS_PAYLOADS } from "../testing/xss-payloads";
import { chunkGroups, guard, pool, tokenFor, visit } from "./xss-helpers";
import { PlaceLog } from "./xss-places";

const P = XSS_PAYLOADS;

test("image file names carry the corpus into the editor's alt text, and nothing runs", async ({ page, context, request }) => {
  test.setTimeout(120_000);
  const log = new PlaceLog();
  const g = await guard(context, page);
  const contributorUser = await createUser("contributor");
  const contributor = await tokenFor(request, contributorUser);
  let refused = 0;
  let placed = 0;
  let n = 0;
  const images: { name: string; url: string }[] = [];
  /** Uploads a distinct PNG (none deduplicated away) under `name`; a refused name must be a 4xx with the error shape. */
  async function upload(name: string) {
    const res = await request.post("/api/v1/media", { headers: contributor, multipart: { file: { name, mimeType: "image/png", buffer: makePng(20 + n++, 10) } } });
    if (res.status() === 201) return images.push({ name, url: (await res.json()).url }) > 0;
    expect(res.status(), `${name}: ${await res.text()}`).toBeGreaterThanOrEqual(400);
    expect(res.status()).toBeLessThan(500);
    expect((await res.json()).error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    return false;
  }
  await pool(chunkGroups(200 - ".png".length), 3, async (group) => {
    if (await upload(group.join(" ") + ".png")) return void (placed += group.length);
    for (const p of group) {
      if (await upload(p + ".png")) placed += 1;
      else refused += 1;
    }
  });
  expect(placed + refused).toBe(P.length);
  // The editor puts the file name without its extension in the alt text.
  const alts = images.map((i) => i.name.replace(/\.[^.]+$/, ""));
  const body = {
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: "图片探针" }] }, ...images.map((img, i) => ({ type: "image", attrs: { src: img.url, alt: alts[i] } }))],
  };
  const res = await request.post("/api/v1/articles", { headers: contributor, data: { title: "图片文件名探针", body } });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = await res.json();

  await context.addCookies([await sessionCookieFor(contributorUser)]);
  await visit(page, g, `/workspace/articles/${id}/edit`, alts.length);
  await expect(page.locator(".ProseMirror")).toContainText("图片探针");
  // Not vacuous: the file names are there, as the images' alt text.
  await expect.poll(() => page.locator(".ProseMirror img[alt]").evaluateAll((els) => els.map((e) => e.getAttribute("alt")))).toEqual(expect.arrayContaining(alts));
  expect(g.fired).toEqual([]);
  expect(g.dialogs).toEqual([]);
  log.add("editor", alts.length);
  expect(log.missing("uploadsEditor")).toEqual([]);
  console.log(`[xss-inputs] image file names: ${images.length} images, ${placed} payloads placed, ${refused} names refused with 4xx; the editor in Chromium: marker never called, no dialog`);
});
