// The demo: the real published issue 山东脱贫攻坚简报 2017年第88期, read from
// the seed file, with its publication, units and the demo accounts.
import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/db";
import { eq, inArray } from "drizzle-orm";
import { articleEvents, articleRevisions, articles, issueEvents, issues, placements, publications, sections, units, users } from "@/db/schema";
import { systemViewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { publishIssueInTx } from "@/lib/issues/publish";
import { recordSignatureInTx } from "@/lib/issues/signoff";
import { articleDocument, parseSeed } from "@/lib/seed/parse-seed";
import { parseChinaDateTime } from "@/lib/format";
import { hashPassword, randomPassword } from "@/lib/users/passwords";
import { countUsers } from "@/lib/users/users";

export const SEED_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "seed", "shandong-2017-88.txt");

/** The demo accounts (contract: fixed e-mails). */
export const DEMO_ACCOUNTS = [
  { email: "admin@demo.local", name: "系统管理员", role: "admin", unit: null },
  { email: "editor@demo.local", name: "刘栋", role: "editor", unit: null },
  // 签发人: the office's leader; the seed issue was signed by them.
  { email: "leader@demo.local", name: "王建国", role: "signer", unit: null },
  { email: "liaocheng@demo.local", name: "聊城市扶贫办供稿人", role: "contributor", unit: "聊城市扶贫办" },
  { email: "weihai@demo.local", name: "威海市扶贫办供稿人", role: "contributor", unit: "威海市扶贫办" },
  { email: "sft@demo.local", name: "省司法厅供稿人", role: "contributor", unit: "省司法厅" },
] as const;

const SHORT_NAMES: Record<string, string> = { 聊城市扶贫办: "聊城", 威海市扶贫办: "威海", 省司法厅: "司法厅" };

export interface DemoCredentials {
  email: string;
  role: string;
  password: string;
}

/** Loads the demo into an empty database. Returns the sign-ins, or null when the database already has users. */
export async function loadDemo(options: { password?: string } = {}): Promise<DemoCredentials[] | null> {
  if ((await countUsers()) > 0) return null;
  const seed = parseSeed(fs.readFileSync(SEED_FILE, "utf8"));
  const system = systemViewer("demo");
  // One password given for every account (DEMO_PASSWORD, tests) is hashed once:
  // bcrypt is the loader's main cost, and the accounts share it anyway.
  const shared = options.password ? { password: options.password, hash: await hashPassword(options.password) } : null;
  const credentials = await Promise.all(
    DEMO_ACCOUNTS.map(async (a) => {
      if (shared) return { ...a, ...shared };
      const password = randomPassword();
      return { ...a, password, hash: await hashPassword(password) };
    }),
  );
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [publication] = await tx
      .insert(publications)
      .values({ slug: "sdtp", name: seed.publicationName, issuingBody: seed.source })
      .returning();
    const unitIds = new Map<string, number>();
    for (const a of seed.sections.flatMap((s) => s.articles)) {
      if (unitIds.has(a.attribution)) continue;
      const [u] = await tx.insert(units).values({ name: a.attribution, shortName: SHORT_NAMES[a.attribution] ?? null }).returning();
      unitIds.set(a.attribution, u!.id);
    }
    const userIds = new Map<string, number>();
    for (const c of credentials) {
      const [u] = await tx
        .insert(users)
        .values({ email: c.email, name: c.name, role: c.role, unitId: c.unit ? unitIds.get(c.unit)! : null, passwordHash: c.hash })
        .returning();
      userIds.set(c.unit ?? c.role, u!.id);
    }
    const editorId = userIds.get("editor")!;
    const publishedAt = parseChinaDateTime(seed.publishedAtLocal);
    const [issue] = await tx
      .insert(issues)
      .values({
        publicationId: publication!.id,
        year: seed.year,
        number: seed.number,
        totalNumber: seed.totalNumber,
        source: seed.source,
        editorName: seed.editor,
        publishedAt,
      })
      .returning();
    let position = 0;
    for (const [sectionIndex, section] of seed.sections.entries()) {
      const sectionId = section.heading
        ? (await tx.insert(sections).values({ issueId: issue!.id, position: sectionIndex, heading: section.heading }).returning())[0]!.id
        : null;
      for (const a of section.articles) {
        const title = a.titleLines.join("\n");
        const body = articleDocument(a.paragraphs);
        const authorId = userIds.get(a.attribution)!;
        const [article] = await tx
          .insert(articles)
          .values({
            unitId: unitIds.get(a.attribution)!,
            authorId,
            publicationId: publication!.id,
            title,
            body,
            attribution: a.attribution,
            status: "accepted",
            submittedAt: publishedAt,
            createdAt: publishedAt,
            updatedAt: publishedAt,
          })
          .returning();
        await tx.insert(articleRevisions).values({ articleId: article!.id, version: 1, title, body, attribution: a.attribution, authorId });
        await tx.insert(articleEvents).values([
          { articleId: article!.id, type: "submitted", fromStatus: "draft", toStatus: "submitted", actorId: authorId, createdAt: publishedAt },
          { articleId: article!.id, type: "accepted", fromStatus: "submitted", toStatus: "accepted", actorId: editorId, createdAt: publishedAt },
        ]);
        await tx.insert(placements).values({ issueId: issue!.id, sectionId, articleId: article!.id, position: position++ });
      }
    }
    // 签发 before publishing, as the demo publication requires.
    await recordSignatureInTx(tx, system, issue!.id, userIds.get("signer")!, publishedAt);
    await publishIssueInTx(tx, system, issue!.id);
    // The demo reads as published on the seed's date, not on the day it was loaded: the articles' 更新时间, their
    // 刊用 events and the issue's 签发记录 carry that time. The audit log keeps when the demo was loaded.
    const placed = tx.select({ id: placements.articleId }).from(placements).where(eq(placements.issueId, issue!.id));
    await tx.update(articles).set({ updatedAt: publishedAt }).where(inArray(articles.id, placed));
    await tx.update(articleEvents).set({ createdAt: publishedAt }).where(inArray(articleEvents.articleId, placed));
    await tx.update(issueEvents).set({ createdAt: publishedAt }).where(eq(issueEvents.issueId, issue!.id));
    await tx.update(issues).set({ updatedAt: publishedAt }).where(eq(issues.id, issue!.id));
    await recordAudit(tx, system, { action: "demo.load", details: { issue: issue!.id } });
  });
  return credentials.map(({ email, role, password }) => ({ email, role, password }));
}
