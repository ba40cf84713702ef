// Integration (issue 21 item 6, 三权分立): with CMS_SEPARATION_OF_DUTIES=strict
// administrator accounts are made, changed and reset only through the CLI,
// `admin` is granted to no one, and each administrator reaches only their own
// part — on PGlite and PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries } from "@/lib/audit/audit-log";
import { exportAuditCsv } from "@/lib/audit/export";
import { systemViewer, type Viewer } from "@/lib/auth/permissions";
import { viewerFromUser } from "@/lib/auth/viewer";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { createUserWithOneTimePassword, listManagedUsers, resetUserPassword, unlockUser, updateManagedUser } from "./manage";
import { createUser, findUserByEmail } from "./users";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb?.drop());
afterEach(() => {
  delete process.env.CMS_SEPARATION_OF_DUTIES;
});

const cli = systemViewer("cli");
async function account(role: "admin" | "sysadmin" | "secadmin" | "auditadmin" | "editor", email: string): Promise<Viewer & { kind: "user" }> {
  await createUser(cli, { email, name: `${role}账户`, role, password: "Duty-Split-2026" });
  return viewerFromUser((await findUserByEmail(email))!) as Viewer & { kind: "user" };
}

describe("separation of duties (三权分立)", () => {
  it("off by default: admin does everything and may grant the administrator roles", async () => {
    const admin = await account("admin", "a0@x.cn");
    const made = await createUserWithOneTimePassword(admin, { email: "aud0@x.cn", name: "审计", role: "auditadmin" });
    expect(made.user.role).toBe("auditadmin");
    expect((await listAuditEntries(admin, { limit: 1 })).entries).toHaveLength(1);
  });

  it("strict: each administrator reaches only their own part, and administrator accounts are the CLI's", async () => {
    const sys = await account("sysadmin", "sys@x.cn");
    const sec = await account("secadmin", "sec@x.cn");
    const aud = await account("auditadmin", "aud@x.cn");
    const admin = await account("admin", "a1@x.cn");
    const editor = await account("editor", "ed@x.cn");
    process.env.CMS_SEPARATION_OF_DUTIES = "strict";

    // admin holds nothing any more.
    await expect(listManagedUsers(admin)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAuditEntries(admin, {})).rejects.toMatchObject({ code: "forbidden" });
    // The system administrator runs ordinary accounts, not the log, and no administrator account.
    const made = await createUserWithOneTimePassword(sys, { email: "new-ed@x.cn", name: "新编辑", role: "editor" });
    expect(made.user.role).toBe("editor");
    await expect(listAuditEntries(sys, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(createUserWithOneTimePassword(sys, { email: "x1@x.cn", name: "再一个", role: "auditadmin" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateManagedUser(sys, sys.id, { role: "auditadmin" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateManagedUser(sys, editor.id, { role: "secadmin" })).rejects.toMatchObject({ code: "forbidden" });
    // Resetting the auditor's password would let him sign in as the auditor.
    await expect(resetUserPassword(sys, aud.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateManagedUser(sys, aud.id, { active: false })).rejects.toMatchObject({ code: "forbidden" });
    // No one, the CLI included, is given `admin`.
    await expect(createUser(cli, { email: "x2@x.cn", name: "超级", role: "admin", password: "Duty-Split-2026" })).rejects.toMatchObject({ code: "invalid" });
    await createUser(cli, { email: "aud2@x.cn", name: "审计二", role: "auditadmin", password: "Duty-Split-2026" });

    // The security administrator sees the accounts and lifts locks, but changes none.
    expect((await listManagedUsers(sec)).users.length).toBeGreaterThan(0);
    await unlockUser(sec, editor.id);
    await expect(updateManagedUser(sec, editor.id, { name: "改名" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAuditEntries(sec, {})).rejects.toMatchObject({ code: "forbidden" });
    // The audit administrator reads and exports the log, nothing else — and is in it.
    const log = await listAuditEntries(aud, { limit: 200 });
    expect(log.entries.map((e) => e.action)).toEqual(expect.arrayContaining(["user.create", "user.unlock"]));
    expect((await exportAuditCsv(aud, {})).rows).toBeGreaterThan(0);
    await expect(listManagedUsers(aud)).rejects.toMatchObject({ code: "forbidden" });
    const own = await listAuditEntries(aud, { action: "audit.export" });
    expect(own.entries[0]).toMatchObject({ actorId: aud.id });
  });
});
