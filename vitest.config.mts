import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects: `unit` — pure logic and renderers, no database, seconds; and
// `db` — integration tests of lib/ against a fresh database each (PGlite, or
// PostgreSQL when DATABASE_URL is set), named *.db.test.ts. A unit test that
// opens a database fails (lib/testing/test-db.ts refuses under CMS_TEST_PROJECT=unit),
// so a misnamed integration test cannot silently skip the PostgreSQL pass.
const alias = { "@": path.resolve(import.meta.dirname) };
const exclude = ["node_modules/**", ".next/**", "e2e/**", "data/**"];

export default defineConfig({
  resolve: { alias },
  test: {
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["**/*.test.ts"], exclude: [...exclude, "**/*.db.test.ts"], env: { CMS_TEST_PROJECT: "unit" } },
      },
      {
        resolve: { alias },
        test: { name: "db", include: ["**/*.db.test.ts"], exclude, testTimeout: 60_000, hookTimeout: 180_000 },
      },
    ],
  },
});
