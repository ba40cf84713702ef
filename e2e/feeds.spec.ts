// Atom feed, sitemap.xml and robots.txt: well-formed, published issues only.
import { test, expect } from "./fixtures";

test("the Atom feed is well-formed XML with the required Atom elements and each issue's contents", async ({ page, request }) => {
  const res = await request.get("/p/sdtp/feed.xml");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await res.text();
  await page.goto("/");
  // Chromium's XML parser is strict: any well-formedness error yields <parsererror>.
  const feed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) return { error: doc.getElementsByTagName("parsererror")[0]!.textContent };
    const ns = "http://www.w3.org/2005/Atom";
    const root = doc.documentElement;
    const child = (el: Element, name: string) => Array.from(el.children).filter((c) => c.namespaceURI === ns && c.localName === name);
    const text = (el: Element, name: string) => child(el, name)[0]?.textContent ?? null;
    return {
      root: `${root.namespaceURI} ${root.localName}`,
      id: text(root, "id"),
      title: text(root, "title"),
      updated: text(root, "updated"),
      author: child(root, "author").map((a) => text(a, "name")),
      selfLink: child(root, "link").find((l) => l.getAttribute("rel") === "self")?.getAttribute("href"),
      entries: child(root, "entry").map((e) => ({
        id: text(e, "id"),
        title: text(e, "title"),
        updated: text(e, "updated"),
        link: child(e, "link")[0]?.getAttribute("href"),
        content: text(e, "content"),
      })),
    };
  }, xml);
  expect(feed).not.toHaveProperty("error");
  expect(feed.root).toBe("http://www.w3.org/2005/Atom feed");
  expect(feed.id).toMatch(/\/p\/sdtp$/);
  expect(feed.title).toBe("山东脱贫攻坚简报");
  expect(new Date(feed.updated!).toString()).not.toBe("Invalid Date");
  expect(feed.author).toEqual(["宣传信息组"]);
  expect(feed.selfLink).toMatch(/\/p\/sdtp\/feed\.xml$/);
  expect(feed.entries).toHaveLength(1);
  const [entry] = feed.entries!;
  expect(entry!.title).toBe("山东脱贫攻坚简报2017年第88期(总第225期)");
  expect(entry!.link).toMatch(/\/p\/sdtp\/2017\/88$/);
  expect(entry!.id).toBe(entry!.link);
  expect(entry!.updated).toBe("2017-08-17T02:12:00.000Z");
  expect(entry!.content).toContain("【向深度贫困进军】");
  expect(entry!.content).toContain("省司法厅发挥职能优势服务困难群众");

  expect((await request.get("/p/nope/feed.xml")).status()).toBe(404);
  await page.goto("/p/sdtp");
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/p\/sdtp\/feed\.xml$/);
});

test("sitemap.xml lists the published issue and robots.txt points at it", async ({ request }) => {
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  const xml = await sitemap.text();
  expect(xml).toContain("<urlset");
  expect(xml).toMatch(/<loc>http:\/\/127\.0\.0\.1:\d+\/p\/sdtp\/2017\/88<\/loc>/);
  expect(xml).toMatch(/<loc>http:\/\/127\.0\.0\.1:\d+\/p\/sdtp<\/loc>/);
  expect(xml).not.toContain("/workspace");
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/);
  expect(robots).toContain("Disallow: /workspace");
});
