// Screenshots for docs/user-guide.md, taken from a running demo server.
// Not a test. Start a server with the demo and a known password first:
//
//   PORT=3360 DATA_DIR=/tmp/docs-data DEMO_PASSWORD=demo-pass-123 npm start
//   DOCS_BASE_URL=http://127.0.0.1:3360 DEMO_PASSWORD=demo-pass-123 npx tsx scripts/docs-screenshots.ts
//
// It adds a little content through the API (a submitted and an accepted
// article, an issue being assembled, a 约稿 one unit answered) so the desks are not empty, signs in
// through /login as each demo account, and writes PNGs to docs/images/.
// Run it against a throwaway DATA_DIR: it writes to the database.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";

const base = process.env.DOCS_BASE_URL || "http://127.0.0.1:3360";
const password = process.env.DEMO_PASSWORD || "demo-pass-123";
const outDir = path.join(process.cwd(), "docs", "images");
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

async function api<T>(method: string, url: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(base + url, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

const tokenFor = async (email: string) => (await api<{ token: string }>("POST", "/api/v1/auth/token", null, { email, password })).token;

/** A submitted article, an accepted one and an issue laid out with it. */
async function addContent() {
  const contributor = await tokenFor("liaocheng@demo.local");
  const editor = await tokenFor("editor@demo.local");
  const make = async (title: string, html: string) => {
    const a = await api<{ id: number }>("POST", "/api/v1/articles", contributor, { title, html });
    await api("POST", `/api/v1/articles/${a.id}/submit`, contributor, {});
    return a.id;
  };
  await make("聊城市开展扶贫资金专项检查", "<p>为确保扶贫资金安全高效使用,聊城市对各县(市、区)扶贫资金使用情况开展专项检查。</p>");
  const accepted = await make(
    "聊城市推进产业扶贫\n带动贫困户稳定增收",
    "<p>聊城市把产业扶贫作为稳定脱贫的根本之策,因地制宜发展特色种养业,带动贫困户稳定增收。</p>",
  );
  await api("POST", `/api/v1/articles/${accepted}/accept`, editor, {});
  const issue = await api<{ id: number }>("POST", "/api/v1/issues", editor, { publication: "sdtp" });
  await api("PUT", `/api/v1/issues/${issue.id}/layout`, editor, { sections: [{ heading: "产业扶贫", articleIds: [accepted] }] });
  // 约稿 to the three demo units, due in three days: 省司法厅 has answered it; 聊城 sees it on the desk.
  const units = await api<{ units: { id: number; name: string }[] }>("GET", "/api/v1/units", await tokenFor("admin@demo.local"));
  const commission = await api<{ id: number }>("POST", "/api/v1/commissions", editor, {
    title: "关于报送冬季困难群众帮扶工作信息的约稿",
    brief: "<p>请报送本地做好冬季困难群众帮扶、防止返贫的主要做法和成效，突出特色和数据，1500 字以内。</p>",
    deadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    unitIds: units.units.map((u) => u.id),
    publication: "sdtp",
  });
  const sft = await tokenFor("sft@demo.local");
  const answer = await api<{ id: number }>("POST", "/api/v1/articles", sft, {
    title: "省司法厅为困难群众开通法律援助绿色通道",
    html: "<p>入冬以来，省司法厅为困难群众开通法律援助绿色通道，做到应援尽援。</p>",
    commissionId: commission.id,
  });
  await api("POST", `/api/v1/articles/${answer.id}/submit`, sft, {});
  return { issueId: issue.id, commissionId: commission.id };
}

async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(base + "/login");
  await page.getByLabel(/邮箱|E-mail/).fill(email);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return page;
}

async function shot(page: Page, url: string, name: string) {
  await page.goto(base + url);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(outDir, name) });
  console.log(`docs/images/${name} ← ${url}`);
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const { issueId, commissionId } = await addContent();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    const reader = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" })).newPage();
    await shot(reader, "/p/sdtp/2017/88", "reader-issue.png");
    await shot(reader, "/p/sdtp/2017/88/print", "reader-print.png");

    const contributor = await signIn(browser, "liaocheng@demo.local");
    await shot(contributor, "/workspace", "contributor-desk.png");
    await shot(contributor, "/workspace/articles/new", "contributor-new-article.png");

    const editor = await signIn(browser, "editor@demo.local");
    await shot(editor, "/workspace", "editor-inbox.png");
    await shot(editor, `/workspace/issues/${issueId}`, "editor-issue-board.png");
    await shot(editor, `/workspace/commissions/${commissionId}`, "editor-commission.png");

    const admin = await signIn(browser, "admin@demo.local");
    await shot(admin, "/workspace/admin", "admin-users.png");
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
