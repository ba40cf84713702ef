import { describe, expect, it } from "vitest";
import { isSignedInPath } from "./signed-in-paths";

describe("isSignedInPath", () => {
  it("takes the desks and the sign-in pages, with or without a query or fragment", () => {
    for (const path of ["/workspace", "/workspace/articles/3", "/workspace?status=submitted", "/workspace/articles/3#instruction-2", "/login", "/change-password", "/two-factor", "/setup"]) {
      expect(isSignedInPath(path), path).toBe(true);
    }
  });
  it("leaves out the reader site, the API and paths that only begin with the same letters", () => {
    for (const path of ["/", "/p/sdtp/2017/88", "/p/sdtp/2017/88/a/1", "/search?q=x", "/api/v1/issues", "/workspaces", "/login-help", "/setup.txt"]) {
      expect(isSignedInPath(path), path).toBe(false);
    }
  });
});
