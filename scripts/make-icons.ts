// Renders the reader app's icons from their one source, public/icons/icon.svg,
// with the Chromium the tests use: 192 and 512 px, and a 512 px maskable one
// (the drawing shrunk into the safe circle, on the masthead red). Run after
// changing the drawing: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const dir = path.join(process.cwd(), "public", "icons");
const svg = fs.readFileSync(path.join(dir, "icon.svg"), "utf8");
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;

async function main() {
  const browser = await chromium.launch({ executablePath: fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined, args: ["--no-sandbox"] });
  const page = await browser.newPage();
  const render = async (file: string, size: number, maskable: boolean) => {
    await page.setViewportSize({ width: size, height: size });
    // Maskable: full-bleed red, the drawing inside the central 80 % that every mask keeps.
    const inner = maskable ? Math.round(size * 0.8) : size;
    await page.setContent(
      `<html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? "#c00000" : "transparent"}">` +
        `<img src="${dataUrl}" width="${inner}" height="${inner}"></body></html>`,
    );
    await page.screenshot({ path: path.join(dir, file), omitBackground: !maskable });
  };
  await render("icon-192.png", 192, false);
  await render("icon-512.png", 512, false);
  await render("icon-maskable-512.png", 512, true);
  await render("apple-touch-icon.png", 180, true);
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
