import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
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
          ],
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
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db", "@/db/*"], allowTypeImports: true, message: "Only lib/ reads and writes the database." },
            { regex: "^@/app/(?!actions/)(?!.*/actions$)", message: "components/ may import only server actions from app/." },
          ],
        },
      ],
    },
  },
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "drizzle/**", "next-env.d.ts"] },
];

export default config;
