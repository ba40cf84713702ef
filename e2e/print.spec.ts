// The printed 简报 form: the print view in the browser, its PDF (checked with
// poppler's pdftotext), and the Word export read back with mammoth.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, createUser } from "./fixtures";
import { seedContentLines } from "../lib/seed/parse-seed";
import { firstMissingInOrder, printedSeedLines } from "../testing/printed-lines";

const seedText = fs.readFileSync(path.join(__dirname, "../db/seed/shandong-2017-88.txt"), "utf8");
const printedLines = printedSeedLines(seedContentLines(seedText));
const shots = "test-results/screenshots";

/** The text lines of each page of a PDF with their vertical position (pt from the top), from pdftotext -bbox-layout. */
function pdfLines(file: string): { page: number; lines: { text: string; yMin: number; yMax: number; xMin: number }[] }[] {
  const xml = pdftotext(file, ["-bbox-layout"]);
  return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((m, i) => ({
    page: i + 1,
    lines: [...m[1]!.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((l) => ({
      xMin: Number(l[1]),
      yMin: Number(l[2]),
      yMax: Number(l[3]),
      text: [...l[4]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(""),
    })),
  }));
}

async function printPdf(page: import("@playwright/test").Page, url: string, file: string) {
  await page.goto(url);
  await page.emulateMedia({ media: "print" });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
}

// A4 is 842 pt high; the text block ends 35 mm (99 pt) above the bottom edge; a body line is 28 pt.
const TEXT_BOTTOM = 842 - (35 / 25.4) * 72;
const LINE = 28;

function pdftotext(file: string, args: string[] = []): string {
  try {
    return execFileSync("pdftotext", [...args, file, "-"], { encoding: "utf8" });
  } catch (e) {
    throw new Error(`pdftotext failed (apt-get install poppler-utils): ${(e as Error).message}`);
  }
}

test.describe("print view", () => {
  test("shows the printed form: red masthead, number line, issuing body and date, rule, 版记", async ({ page }) => {
    const response = await page.goto("/p/sdtp/2017/88/print");
    expect(response?.status()).toBe(200);
    const masthead = page.getByRole("heading", { level: 1 });
    await expect(masthead).toHaveText("山东脱贫攻坚简报");
    expect(await masthead.evaluate((h) => getComputedStyle(h).color)).toBe("rgb(192, 0, 0)");
    expect(await masthead.evaluate((h) => getComputedStyle(h).textAlign)).toBe("center");
    await expect(page.getByText("第88期（总第225期）")).toBeVisible();
    const issueLine = page.locator(".print-issue-line");
    await expect(issueLine).toHaveText(/^宣传信息组\s*2017年8月17日$/);
    // Issuing body at the left, date at the right, on one line.
    const [left, right] = await issueLine.locator("span").evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect()));
    expect(Math.abs(left!.top - right!.top)).toBeLessThan(2);
    expect(right!.left).toBeGreaterThan(left!.right + 100);
    await expect(page.locator(".print-red-rule")).toHaveCSS("border-top-color", "rgb(192, 0, 0)");
    await expect(page.getByText("本期目录")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "【向深度贫困进军】" })).toBeVisible();
    await expect(page.getByText("编辑:刘栋")).toBeVisible();
    await expect(page.getByText("印发：宣传信息组")).toBeVisible();
    expect(firstMissingInOrder(await page.locator("main").innerText(), printedLines)).toBeNull();
    await page.screenshot({ path: `${shots}/print-view.png`, fullPage: true });

    await page.goto("/p/sdtp/2017/88/print?toc=0");
    await expect(page.getByText("本期目录")).toHaveCount(0);
  });

  test("prints to an A4 PDF with the masthead on page one and every title kept with its text", async ({ page }) => {
    await page.goto("/p/sdtp/2017/88/print");
    await page.emulateMedia({ media: "print" });
    const file = `${shots}/issue-print.pdf`;
    fs.mkdirSync(shots, { recursive: true });
    fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));

    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);

    const first = pdftotext(file, ["-f", "1", "-l", "1"]);
    for (const text of ["山东脱贫攻坚简报", "第88期（总第225期）", "宣传信息组", "2017年8月17日", "本期目录"]) {
      expect(first.replace(/\s+/g, ""), text).toContain(text);
    }
    // The toolbar is not printed.
    expect(first).not.toContain("下载 Word 版");
    // Every line of the seed, in order, page numbers left out.
    expect(firstMissingInOrder(pdftotext(file).replace(/^\s*—\s*\d+\s*—\s*$/gm, ""), printedLines)).toBeNull();

    // No page break between an article's title and its first paragraph.
    const seedArticles = [
      ["集中优势兵力重点突破", "聊城市认真贯彻落实全省"],
      ["扎实推进“八个精准”要求落实落地", "威海市围绕全省脱贫攻坚"],
      ["省司法厅发挥职能优势服务困难群众", "全省司法行政系统深入"],
    ];
    const pageTexts = Array.from({ length: pages }, (_, i) =>
      pdftotext(file, ["-f", String(i + 1), "-l", String(i + 1)]).replace(/\s+/g, ""),
    );
    for (const [title, opening] of seedArticles) {
      const at = pageTexts.findIndex((t) => t.includes(opening!));
      expect(at, opening).toBeGreaterThanOrEqual(0);
      expect(pageTexts[at], `${title} is on the page of its first paragraph`).toContain(title);
    }

    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "2", file, `${shots}/issue-print-page`]);
  });

  test("numbers the pages — 1 — under the text block, fills page 2 and leaves no character alone on a contents line", async ({ page }) => {
    const file = `${shots}/issue-print-numbered.pdf`;
    await printPdf(page, "/p/sdtp/2017/88/print", file);
    const pages = pdfLines(file);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const { page: n, lines } of pages) {
      const last = lines.reduce((a, b) => (b.yMin > a.yMin ? b : a));
      expect(last.text.replace(/\s+/g, ""), `page ${n}`).toBe(`—${n}—`);
      // GB/T 9704: the number's line starts 7 mm (20 pt) under the text block.
      const middle = (last.yMin + last.yMax) / 2;
      expect(middle, `page ${n}`).toBeGreaterThan(TEXT_BOTTOM + 20);
      expect(middle, `page ${n}`).toBeLessThan(TEXT_BOTTOM + 45);
    }
    // Page 2 is full: its text runs to within two lines of the bottom of the text block.
    const body2 = pages[1]!.lines.filter((l) => l.yMax < TEXT_BOTTOM + 5);
    expect(Math.max(...body2.map((l) => l.yMax))).toBeGreaterThan(TEXT_BOTTOM - 2 * LINE);
    // The contents: no line of one character (「地」 under 「…要求落实落」).
    const first = pages[0]!.lines.map((l) => l.text);
    const contents = first.slice(first.indexOf("本期目录") + 1, first.lastIndexOf("【向深度贫困进军】"));
    expect(contents.length).toBeGreaterThanOrEqual(4);
    for (const line of contents) expect(line.length, line).toBeGreaterThan(1);
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "2", "-l", "2", file, `${shots}/issue-print-page2`]);
  });

  test("a paragraph ending in its attribution keeps its lines evenly set, in print and on the web", async ({ page }) => {
    for (const url of ["/p/sdtp/2017/88/print", "/p/sdtp/2017/88"]) {
      await page.goto(url);
      // The widest Han character on the lines of such a paragraph, in ems: justification adds its spread to each character's box.
      const widest = await page.evaluate(() => {
        let worst = 0;
        for (const span of document.querySelectorAll(".attribution")) {
          const p = span.parentElement!;
          const size = parseFloat(getComputedStyle(p).fontSize);
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            for (let i = 0; i < n.textContent!.length; i++) {
              if (!/[\u4e00-\u9fff]/.test(n.textContent![i]!)) continue;
              const r = document.createRange();
              r.setStart(n, i);
              r.setEnd(n, i + 1);
              worst = Math.max(worst, r.getBoundingClientRect().width / size);
            }
          }
        }
        return worst;
      });
      // Justified CJK text spreads a line by a fraction of an em; an attribution that wrapped as one block spread the line before it to 1.6 em a character (1.19 as set now).
      expect(widest, url).toBeLessThan(1.4);
    }
  });

  test("indents body paragraphs only: not table cells, list items or a title's last line", async ({ page, request }) => {
    const { url } = await publishedIssueWithTableAndList(request);
    const file = `${shots}/print-table-list.pdf`;
    await printPdf(page, `${url}/print`, file);
    // What the browser lays out for print: no first-line indent in cells and items, 2em in body paragraphs.
    const indents = await page.evaluate(() => {
      const of = (sel: string) => getComputedStyle(document.querySelector(sel)!).textIndent;
      return { th: of(".article-body th p"), td: of(".article-body td p"), li: of(".article-body li p"), body: of(".article-body > p") };
    });
    expect(indents).toMatchObject({ th: "0px", td: "0px", li: "0px" });
    expect(indents.body).not.toBe("0px");
    const lines = pdfLines(file).flatMap((p) => p.lines);
    const left = (text: string) => lines.find((l) => l.text.includes(text))!.xMin;
    // A cell's text starts at the cell's padding, next to the left edge of the text block (28 mm), not 2em further in.
    expect(left("冠县")).toBeLessThan((28 / 25.4) * 72 + 14);
    // A list item's text follows its bullet closely (no 2em gap), level with the next item's.
    expect(Math.abs(left("第一项措施") - left("第二项措施"))).toBeLessThan(2);
    expect(left("第一项措施") - left("正文第一段")).toBeLessThan(20);
    // A long title wraps without leaving one character on its last line.
    // (The body's title, 18 pt, not its entry in the contents, 14 pt.)
    const titleLines = lines.filter((l) => TITLE.includes(l.text) && l.text.length > 0 && l.yMax - l.yMin > 44);
    expect(titleLines.map((l) => l.text).join("")).toBe(TITLE);
    expect(Math.min(...titleLines.map((l) => l.text.length))).toBeGreaterThan(1);
  });
});

// 25 characters at 18 pt on a 156 mm line: one character too many for one line.
const TITLE = "聊城市扎实推进扶贫车间建设带动贫困群众就近就业增收";

async function publishedIssueWithTableAndList(request: APIRequestContext) {
  const bearer = async (role: "admin" | "editor" | "contributor", unit?: string) => {
    const user = await createUser(role, unit ? { unit } : {});
    const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
    return { authorization: `Bearer ${(await res.json()).token}` };
  };
  const [admin, editor, contributor] = [await bearer("admin"), await bearer("editor"), await bearer("contributor", "聊城市扶贫办")];
  const slug = `pr${Date.now().toString(36)}`;
  expect((await request.post("/api/v1/publications", { headers: admin, data: { slug, name: "打印测试简报", issuingBody: "宣传信息组", requiresSignoff: false } })).status()).toBe(201);
  const html =
    "<p>正文第一段，首行缩进两个字。</p>" +
    "<table><tbody><tr><th><p>县区名称</p></th><th><p>贫困户数</p></th></tr><tr><td><p>冠县</p></td><td><p>1208</p></td></tr></tbody></table>" +
    "<ul><li><p>第一项措施：建设扶贫车间。</p></li><li><p>第二项措施：开展技能培训。</p></li></ul><p>正文最后一段。</p>";
  const created = await request.post("/api/v1/articles", { headers: contributor, data: { title: TITLE, html } });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  expect((await request.post(`/api/v1/articles/${id}/submit`, { headers: contributor })).status()).toBe(200);
  expect((await request.post(`/api/v1/articles/${id}/accept`, { headers: editor })).status()).toBe(200);
  const issue = await (await request.post("/api/v1/issues", { headers: editor, data: { publication: slug } })).json();
  const laid = await request.put(`/api/v1/issues/${issue.id}/layout`, { headers: editor, data: { sections: [{ heading: "工作动态", articleIds: [id] }] } });
  expect((await request.patch(`/api/v1/issues/${issue.id}`, { headers: editor, data: { version: (await laid.json()).version, editorName: "刘栋" } })).status()).toBe(200);
  expect((await request.post(`/api/v1/issues/${issue.id}/publish`, { headers: editor })).status()).toBe(200);
  return { url: `/p/${slug}/${issue.year}/${issue.number}` };
}

test.describe("Word export", () => {
  test("downloads the issue as .docx with a UTF-8 file name, holding every content line in order", async ({ request }) => {
    const response = await request.get("/p/sdtp/2017/88/issue.docx");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const disposition = response.headers()["content-disposition"]!;
    expect(disposition).toContain('attachment; filename="sdtp-2017-88.docx"');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent("山东脱贫攻坚简报2017年第88期(总第225期).docx")}`);
    const buffer = Buffer.from(await response.body());
    const { value: text } = await mammoth.extractRawText({ buffer });
    expect(firstMissingInOrder(text, printedLines)).toBeNull();
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain("<strong>一、及时召开系列会议,抓落实。</strong>");
  });

  test("answers 404 for an issue that is not published", async ({ request }) => {
    expect((await request.get("/p/sdtp/2017/89/issue.docx")).status()).toBe(404);
    expect((await request.get("/p/sdtp/2017/89/print")).status()).toBe(404);
  });
});
