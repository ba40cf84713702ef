import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { anonymous, authorize, can, systemViewer, type Viewer } from "./permissions";

const user = (role: "admin" | "editor" | "signer" | "contributor"): Viewer => ({ kind: "user", id: 1, role, unitId: role === "contributor" ? 1 : null, name: "x", email: "x@x" });

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
});
