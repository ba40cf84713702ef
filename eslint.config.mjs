import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Signed-in pages are dynamic: a prefetch only renders the target's layout again (components/workspace/desk-link.tsx).
const NO_NEXT_LINK = { name: "next/link", message: "Use DeskLink (components/workspace/desk-link.tsx): next/link without prefetching." };

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  // Reader pages are documents without framework JavaScript (issue 17): their
  // links are plain <a>, each page loading whole (and its public/reader.js
  // running); next/link would only add client-side navigation they do not have.
  {
    files: ["app/(reader)/**/*.tsx", "app/(print)/p/**/*.tsx", "app/not-found.tsx", "components/reader/**/*.tsx"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  // The house's boundaries (docs/architecture.md), kept by the linter:
  // only lib/ (and scripts, benchmarks, tests) talks to the database; lib/ never
  // reaches up into components/ or app/; components/ import from app/ only
  // server actions (app/**/actions.ts, app/actions/*).
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "i18n/**/*.ts", "proxy.ts", "instrumentation.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/*", "**/db/index", "**/db/schema"],
              allowTypeImports: true,
              message: "Only lib/ reads and writes the database: call a lib/<domain> service (types may be imported).",
            },
            { group: ["@/testing/*", "**/testing/*"], message: "testing/ is test support: the app never imports it." },
          ],
          paths: [NO_NEXT_LINK],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/components/*", "@/app/*", "**/components/*", "**/app/*"], message: "lib/ is the service layer: it never imports components/ or app/." }] },
      ],
    },
  },
  // Test support stays out of what ships: lib/ (but its tests) never imports testing/.
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/components/*", "@/app/*", "**/components/*", "**/app/*"], message: "lib/ is the service layer: it never imports components/ or app/." },
            { group: ["@/testing/*", "**/testing/*"], message: "testing/ is test support: the app never imports it." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db", "@/db/*"], allowTypeImports: true, message: "Only lib/ reads and writes the database." },
            { regex: "^@/app/(?!actions/)(?!.*/actions$)", message: "components/ may import only server actions from app/." },
            { group: ["@/testing/*", "**/testing/*"], message: "testing/ is test support: the app never imports it." },
          ],
          paths: [NO_NEXT_LINK],
        },
      ],
    },
  },
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "drizzle/**", "next-env.d.ts"] },
];

export default config;
