import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects: `unit` — pure logic and renderers, no database, seconds; and
// `db` — integration tests of lib/ against a fresh database each (PGlite, or
// PostgreSQL when DATABASE_URL is set), named *.db.test.ts. A unit test that
// opens a database fails (testing/test-db.ts refuses under CMS_TEST_PROJECT=unit),
// so a misnamed integration test cannot silently skip the PostgreSQL pass.
// Both projects run without isolation: the files of a worker share one module
// graph, which cuts the import time of happy-dom, Tiptap and docx from ~45 s to
// ~5 s. So a test file must leave no global state behind: restore what it
// changes on process.env or globals in afterAll/afterEach, and a db file
// installs its own database handle (createTestDb) in beforeAll.
const here = (file: string) => path.resolve(import.meta.dirname, file);
const alias = [
  { find: /^@\//, replacement: `${here(".")}/` },
  // `server-only` throws outside Next's server bundles; in tests the modules that import it run on the server anyway.
  { find: /^server-only$/, replacement: here("node_modules/server-only/empty.js") },
  // Server components rendered in tests (testing/render-page.ts) use next-intl's server API, as Next's
  // react-server build would give them; next-intl/config is the request config Next's plugin points it to.
  { find: /^next-intl\/server$/, replacement: here("node_modules/next-intl/dist/esm/development/server.react-server.js") },
  { find: /^next-intl\/config$/, replacement: here("i18n/request.ts") },
  { find: /^next-intl$/, replacement: here("testing/next-intl-render.ts") },
];
const exclude = ["node_modules/**", ".next/**", "e2e/**", "data/**"];
/**
 * `db` files whose outcome does not depend on the database engine: the XSS
 * corpus through every input and page, rendered in process — how pages show
 * stored text — and CLI tests that never use DATABASE_URL's server. They run
 * once: `npm test -- --db-only` (CI's PostgreSQL pass) sets CMS_DB_ONLY and
 * leaves them out, as playwright.config.ts does with ENGINE_INDEPENDENT_SPECS
 * (a single test in a file: `it.skipIf(process.env.CMS_DB_ONLY)`). Storing
 * and searching every payload runs on both engines
 * (lib/articles/xss-storage.db.test.ts).
 */
const ENGINE_INDEPENDENT_DB_TESTS = [
  "testing/xss-corpus.db.test.ts",
  "testing/xss-inputs.db.test.ts",
  "testing/xss-inputs-people.db.test.ts",
  // The CLI's refusals: bad arguments, and a PGlite data directory held or missing — never DATABASE_URL's server.
  "lib/backup/backup-cli-refusals.db.test.ts",
  // The user commands, on a PGlite data directory of the test's own.
  "lib/users/users-cli.db.test.ts",
];

export default defineConfig({
  resolve: { alias },
  test: {
    pool: "forks",
    server: { deps: { inline: ["next-intl", "use-intl"] } },
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", isolate: false, include: ["**/*.test.ts"], exclude: [...exclude, "**/*.db.test.ts"], env: { CMS_TEST_PROJECT: "unit" } },
      },
      {
        extends: true,
        test: {
          name: "db",
          isolate: false,
          include: ["**/*.db.test.ts"],
          exclude: process.env.CMS_DB_ONLY ? [...exclude, ...ENGINE_INDEPENDENT_DB_TESTS] : exclude,
          globalSetup: ["testing/db-template.setup.ts", "testing/cli-bundle.setup.ts"],
          // Next's request storage, for the tests that run server actions (testing/next-request.ts).
          setupFiles: ["testing/next-globals.setup.ts"],
        },
      },
    ],
  },
});
