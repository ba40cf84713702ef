import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Role } from "@/db/schema";
import { anonymous, authorize, can, PERMISSIONS, strictSeparation, systemViewer, type Permission, type Viewer } from "./permissions";

const user = (role: Role): Viewer => ({ kind: "user", id: 1, role, unitId: role === "contributor" ? 1 : null, name: "x", email: "x@x" });

describe("permissions", () => {
  it("lets readers read published issues and nothing else", () => {
    expect(can(anonymous, "read:issue:published")).toBe(true);
    expect(can(anonymous, "read:issue:any")).toBe(false);
    expect(can(anonymous, "read:article:any")).toBe(false);
  });
  it("keeps contributors to their own unit and off the editorial actions", () => {
    expect(can(user("contributor"), "read:article:own-unit")).toBe(true);
    expect(can(user("contributor"), "read:article:any")).toBe(false);
    expect(can(user("contributor"), "publish:issue:any")).toBe(false);
    expect(can(user("contributor"), "manage:user:any")).toBe(false);
  });
  it("gives editors the editorial actions but not administration", () => {
    expect(can(user("editor"), "publish:issue:any")).toBe(true);
    expect(can(user("editor"), "manage:user:any")).toBe(false);
    expect(can(user("admin"), "manage:user:any")).toBe(true);
    expect(can(systemViewer("test"), "manage:user:any")).toBe(true);
  });
  it("lets signers read and sign issues but never edit or publish them", () => {
    const signer = user("signer");
    expect(can(signer, "read:issue:any")).toBe(true);
    expect(can(signer, "signoff:issue:any")).toBe(true);
    for (const p of ["manage:issue:any", "publish:issue:any", "request-signoff:issue:any", "update:article:any", "review:article:any", "read:article:any"] as const) {
      expect(can(signer, p), p).toBe(false);
    }
    expect(can(user("editor"), "signoff:issue:any")).toBe(false);
    expect(can(user("editor"), "request-signoff:issue:any")).toBe(true);
    expect(can(user("admin"), "signoff:issue:any")).toBe(true);
    expect(can(user("contributor"), "signoff:issue:any")).toBe(false);
  });
  it("answers 401 to the signed-out and 403 to the signed-in", () => {
    expect(() => authorize(anonymous, "publish:issue:any")).toThrow(expect.objectContaining({ code: "unauthorized" }));
    expect(() => authorize(user("contributor"), "publish:issue:any")).toThrow(AppError);
    expect(() => authorize(user("contributor"), "publish:issue:any")).toThrow(expect.objectContaining({ code: "forbidden" }));
  });

  it("splits administration three ways (三权分立): system, security and audit administrators hold disjoint powers", () => {
    const holds = (role: Role) => (Object.keys(PERMISSIONS) as Permission[]).filter((p) => p !== "read:issue:published" && p !== "manage:token:own" && p !== "manage:session:own" && can(user(role), p)).sort();
    expect(holds("sysadmin")).toEqual(["manage:publication:any", "manage:unit:any", "manage:user:any", "read:user:any"]);
    expect(holds("secadmin")).toEqual(["manage:security:any", "manage:token:any", "read:user:any"]);
    expect(holds("auditadmin")).toEqual(["export:audit:any", "read:audit:any"]);
    // Only seeing the accounts is shared (the security administrator lifts their locks).
    expect(holds("sysadmin").filter((p) => holds("auditadmin").includes(p) || (p !== "read:user:any" && holds("secadmin").includes(p)))).toEqual([]);
    // None of them edits, publishes or signs.
    for (const role of ["sysadmin", "secadmin", "auditadmin"] as const) {
      for (const p of ["read:article:any", "publish:issue:any", "signoff:issue:any", "read:issue:any"] as const) expect(can(user(role), p), `${role} ${p}`).toBe(false);
    }
  });
  it("keeps admin's powers by default, and takes them all in strict mode", () => {
    expect(strictSeparation({})).toBe(false);
    expect(strictSeparation({ CMS_SEPARATION_OF_DUTIES: "strict" })).toBe(true);
    expect(() => strictSeparation({ CMS_SEPARATION_OF_DUTIES: "yes" })).toThrow(/CMS_SEPARATION_OF_DUTIES/);
    expect(can(user("admin"), "read:audit:any")).toBe(true);
    process.env.CMS_SEPARATION_OF_DUTIES = "strict";
    try {
      for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(can(user("admin"), p), p).toBe(p === "read:issue:published");
      expect(can(user("auditadmin"), "read:audit:any")).toBe(true);
      expect(can(user("sysadmin"), "manage:user:any")).toBe(true);
      expect(can(systemViewer("cli"), "manage:user:any")).toBe(true);
    } finally {
      delete process.env.CMS_SEPARATION_OF_DUTIES;
    }
  });
});
