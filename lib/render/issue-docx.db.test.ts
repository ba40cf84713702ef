// Integration: the seed issue exported to Word reads back (with mammoth) line by line.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mammoth from "mammoth";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo, SEED_FILE } from "@/lib/demo/load-demo";
import { getReaderIssue } from "@/lib/issues/reader";
import { seedContentLines } from "@/lib/seed/parse-seed";
import { issueDocx, issueDocxFileName } from "./issue-docx";
import { firstMissingInOrder, printedSeedLines } from "@/testing/printed-lines";
import { makePng } from "@/testing/png";
import { viewerFromUser } from "@/lib/auth/viewer";
import { findUserByEmail } from "@/lib/users/users";
import { loadMediaBySrc, storeMedia } from "@/lib/media/media";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
});
afterAll(() => db?.drop());

describe("issue.docx", () => {
  it("holds every content line of the seed, in order, in the printed form", async () => {
    const { snapshot } = await getReaderIssue("sdtp", 2017, 88);
    const buffer = await issueDocx(snapshot);
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    const { value: text } = await mammoth.extractRawText({ buffer });
    const expected = printedSeedLines(seedContentLines(fs.readFileSync(SEED_FILE, "utf8")));
    expect(firstMissingInOrder(text, expected)).toBeNull();
    expect(text).toContain("印发：宣传信息组");
    // The check fails on a missing or misplaced line.
    expect(firstMissingInOrder(text, [...expected, "不存在的一行"])).toBe("不存在的一行");
    expect(firstMissingInOrder(text, [expected[30]!, expected[10]!])).toBe(expected[10]);
  });

  it("keeps the bold lead sentences, the red masthead and the A4 page", async () => {
    const { snapshot } = await getReaderIssue("sdtp", 2017, 88);
    const buffer = await issueDocx(snapshot);
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain("<strong>一、及时召开系列会议,抓落实。</strong>8月6日");
    expect(html).toContain("<strong>六是法律援助质量进一步提升。</strong>");
    const JSZip = (await import("jszip")).default;
    const xml = await (await JSZip.loadAsync(buffer)).file("word/document.xml")!.async("string");
    expect(xml).toMatch(/<w:color w:val="C00000"\/>[\s\S]*?山东脱贫攻坚简报/);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toMatch(/w:firstLineChars="200"/);
  });

  it("names the file after the issue", async () => {
    const { snapshot } = await getReaderIssue("sdtp", 2017, 88);
    expect(issueDocxFileName(snapshot)).toBe("山东脱贫攻坚简报2017年第88期(总第225期).docx");
  });

  it("embeds the articles' images (scaled to the text block), and keeps the alt text where Word cannot show one", async () => {
    const { snapshot } = await getReaderIssue("sdtp", 2017, 88);
    const wide = makePng(1200, 300);
    const small = makePng(40, 20);
    const first = snapshot.sections[0]!.articles[0]!;
    const withImages = structuredClone(snapshot);
    withImages.sections[0]!.articles[0]!.html =
      `<p><img src="/media/wide" alt="贫困村分布图"></p>` + first.html + `<p>图示<img src="/media/small" alt="小图">在文中</p><p><img src="/media/webp" alt="只有WebP"></p>`;
    const loaded: string[] = [];
    const buffer = await issueDocx(withImages, {
      loadImage: async (src) => {
        loaded.push(src);
        if (src === "/media/wide") return { data: wide, mime: "image/png" };
        if (src === "/media/small") return { data: small, mime: "image/png" };
        if (src === "/media/webp") return { data: new Uint8Array([0x52, 0x49, 0x46, 0x46]), mime: "image/webp" };
        return null;
      },
    });
    expect(loaded.sort()).toEqual(["/media/small", "/media/webp", "/media/wide"]);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(buffer);
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
    expect(media).toHaveLength(2);
    const embedded = await Promise.all(media.map(async (f) => Buffer.from(await zip.file(f)!.async("uint8array"))));
    expect(embedded.some((b) => b.equals(wide))).toBe(true);
    expect(embedded.some((b) => b.equals(small))).toBe(true);
    const xml = await zip.file("word/document.xml")!.async("string");
    // 1200 × 300 px is scaled to the 156 mm text block (589 px at 96 dpi; 9,525 EMU a pixel), keeping the 4:1 ratio; 40 × 20 stays as it is.
    expect(xml).toContain(`<wp:extent cx="${589 * 9525}" cy="${147 * 9525}"/>`);
    expect(xml).toContain(`<wp:extent cx="${40 * 9525}" cy="${20 * 9525}"/>`);
    expect(xml).toContain('descr="贫困村分布图"');
    // The WebP (not a Word image format) is named by its alt text instead.
    const { value: text } = await mammoth.extractRawText({ buffer });
    expect(text).toContain("［图：只有WebP］");
    expect(text).not.toContain("［图：贫困村分布图］");
    // Without a loader (or for an image it cannot load) the alt text stands in, as before.
    expect((await mammoth.extractRawText({ buffer: await issueDocx(withImages) })).value).toContain("［图：贫困村分布图］");
  });

  it("loads the images from the media store by their /media/{sha256} src", async () => {
    const { snapshot } = await getReaderIssue("sdtp", 2017, 88);
    const png = makePng(60, 30);
    const editor = viewerFromUser((await findUserByEmail("editor@demo.local"))!);
    const { url } = await storeMedia(editor, png);
    const withImage = structuredClone(snapshot);
    withImage.sections[0]!.articles[0]!.html = `<p><img src="${url}" alt="地图"></p>` + withImage.sections[0]!.articles[0]!.html;
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await issueDocx(withImage, { loadImage: loadMediaBySrc }));
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(Buffer.from(await zip.file(media[0]!)!.async("uint8array")).equals(png)).toBe(true);
    expect(await loadMediaBySrc("/media/" + "0".repeat(64))).toBeNull();
    expect(await loadMediaBySrc("https://example.com/x.png")).toBeNull();
  });
});
