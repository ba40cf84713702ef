// The printed 简报 form: the print view in the browser, its PDF (checked with
// poppler's pdftotext), and the Word export read back with mammoth.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import { test, expect } from "./fixtures";
import { seedContentLines } from "../lib/seed/parse-seed";
import { firstMissingInOrder, printedSeedLines } from "../lib/testing/printed-lines";

const seedText = fs.readFileSync(path.join(__dirname, "../db/seed/shandong-2017-88.txt"), "utf8");
const printedLines = printedSeedLines(seedContentLines(seedText));
const shots = "test-results/screenshots";

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
    expect(firstMissingInOrder(pdftotext(file), printedLines)).toBeNull();

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
});

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
