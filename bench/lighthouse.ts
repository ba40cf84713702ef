// Lighthouse (mobile defaults) on the reader's issue page, home and archive of
// a running server: `npm start` in one terminal, then
//   npm run bench:lighthouse -- [--base http://localhost:3000] [--runs 3]
// Lighthouse is fetched by npx on first use (it is not a dependency of the
// app); Chromium is Debian's (/usr/bin/chromium, or CHROME_PATH). Prints each
// page's four category scores per run and keeps the JSON reports in
// bench/results/lighthouse/ for opening.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const LIGHTHOUSE = "lighthouse@13.5.0";
const PAGES = { issue: "/p/sdtp/2017/88", home: "/", archive: "/p/sdtp" };
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

const args = z
  .object({ base: z.string().url().default("http://localhost:3000"), runs: z.coerce.number().int().min(1).max(10).default(3) })
  .parse(Object.fromEntries(process.argv.slice(2).flatMap((a, i, all) => (a.startsWith("--") ? [[a.slice(2), all[i + 1]]] : []))));

const report = z.object({ categories: z.record(z.string(), z.object({ score: z.number().nullable() })) });
const outDir = path.join("bench", "results", "lighthouse");
fs.mkdirSync(outDir, { recursive: true });
const chrome = process.env.CHROME_PATH || "/usr/bin/chromium";

console.log(`page     run  ${CATEGORIES.join("  ")}`);
for (const [name, pathname] of Object.entries(PAGES)) {
  for (let run = 1; run <= args.runs; run++) {
    const file = path.join(outDir, `${name}-${run}.json`);
    const result = spawnSync(
      "npx",
      ["--yes", LIGHTHOUSE, args.base + pathname, "--quiet", "--output=json", `--output-path=${file}`, "--chrome-flags=--headless=new --no-sandbox"],
      { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, CHROME_PATH: chrome } },
    );
    if (result.status !== 0) throw new Error(`lighthouse failed on ${pathname} (exit ${result.status})`);
    const scores = report.parse(JSON.parse(fs.readFileSync(file, "utf8"))).categories;
    console.log(`${name.padEnd(8)} ${String(run).padEnd(4)} ${CATEGORIES.map((c) => (scores[c]?.score ?? NaN).toFixed(2).padStart(c.length)).join("  ")}`);
  }
}
