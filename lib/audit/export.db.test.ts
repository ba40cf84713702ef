// Integration (issue 21 item 7): the audit export — who may, what the CSV
// holds, and that the export is itself audited — on PGlite and PostgreSQL.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { systemViewer, type Viewer } from "@/lib/auth/permissions";
import { viewerFromUser } from "@/lib/auth/viewer";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { createUser, findUserByEmail } from "@/lib/users/users";
import { recordAudit } from "./audit";
import { AUDIT_CSV_HEADERS, csvCell, exportAuditCsv } from "./export";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb?.drop());

const system = systemViewer("test");
async function viewerOf(role: "admin" | "editor"): Promise<Viewer> {
  const email = `export-${role}@x.cn`;
  await createUser(system, { email, name: `导出${role}`, role, password: "Export-Check-2026" });
  return viewerFromUser((await findUserByEmail(email))!);
}

describe("audit export", () => {
  it("never writes a cell a spreadsheet would run", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell(null)).toBe("");
  });

  it("gives an administrator every matching entry as CSV, oldest first with the chain, and records the export; an editor gets 403", async () => {
    const admin = await viewerOf("admin");
    const editor = await viewerOf("editor");
    const db = await getDb();
    await recordAudit(db, system, { action: "security.policy", targetType: "security_settings", targetId: "two_factor_roles", ip: "198.51.100.5", details: { note: "=1+1", userAgent: "UA/1" } });
    await expect(exportAuditCsv(editor, {})).rejects.toMatchObject({ code: "forbidden" });

    const { csv, rows } = await exportAuditCsv(admin, { action: "security." }, { ip: "198.51.100.9", userAgent: "exporter" });
    expect(rows).toBe(1);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString("utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe(AUDIT_CSV_HEADERS.join(","));
    expect(lines).toHaveLength(2);
    const cells = lines[1]!.split(",");
    expect(cells[4]).toBe("security.policy");
    expect(cells[7]).toBe("198.51.100.5");
    expect(cells[8]).toBe("UA/1");
    expect(lines[1]).toMatch(/,[0-9a-f]{64}$/); // the row's hash closes the line

    const [exported] = await db.select().from(auditLog).where(eq(auditLog.action, "audit.export"));
    expect(exported).toMatchObject({ actorId: admin.kind === "user" ? admin.id : -1, ip: "198.51.100.9", details: { rows: 1, filter: { action: "security." }, userAgent: "exporter" } });
  });
});
