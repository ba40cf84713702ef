import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { PASSWORD_COST, TEST_SERVER_PASSWORD_COST, passwordCost, verifyPassword } from "./passwords";

describe("password hashing", () => {
  it("uses cost 10 unless the process is an end-to-end test server (CMS_E2E_HOOK_TOKEN) or Vitest's (VITEST)", () => {
    expect(PASSWORD_COST).toBe(10);
    expect(passwordCost({})).toBe(10);
    expect(passwordCost({ CMS_E2E_HOOK_TOKEN: "" })).toBe(10);
    expect(passwordCost({ NODE_ENV: "production", DATABASE_URL: "postgres://x" })).toBe(10);
    expect(passwordCost({ CMS_E2E_HOOK_TOKEN: "e2e-hook-token-0123456789" })).toBe(TEST_SERVER_PASSWORD_COST);
    expect(passwordCost({ VITEST: "" })).toBe(10);
    expect(passwordCost({ VITEST: "true" })).toBe(TEST_SERVER_PASSWORD_COST);
    expect(passwordCost()).toBe(TEST_SERVER_PASSWORD_COST); // this very process
  });

  it("verifies a hash of any cost by the cost it carries", async () => {
    for (const cost of [TEST_SERVER_PASSWORD_COST, PASSWORD_COST]) {
      const hash = await bcrypt.hash("简报-password-1", cost);
      expect(hash).toMatch(new RegExp(`^\\$2[aby]\\$${String(cost).padStart(2, "0")}\\$`));
      expect(await verifyPassword("简报-password-1", hash)).toBe(true);
      expect(await verifyPassword("简报-password-2", hash)).toBe(false);
    }
  });
});
