import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { BASE_CSP } from "./lib/security/csp";
import { SIGNED_IN_ROOTS } from "./lib/security/signed-in-paths";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];
// Pages get their Content-Security-Policy (with a script nonce) from proxy.ts;
// what proxy.ts does not see gets the base policy (lib/security/csp.ts).
const baseCsp = [{ key: "Content-Security-Policy", value: BASE_CSP }];

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Turbopack keeps a build cache in .next/cache (≈ 230 MB) that makes the next
  // build after a change about twice as fast (measured here: 54 s → 24 s). A CI
  // clone builds once and is thrown away, so CI does not write it: ≈ 13 s of
  // CPU of a 100 s build (bench/results/2026-12-03-tests-s11.md).
  experimental: { turbopackFileSystemCacheForBuild: !process.env.CI },
  // `npm test` type-checks the whole project first (tsc --noEmit, tests
  // included); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // proxy.ts must see client-side navigation requests as they are (the RSC
  // header and the _rsc query) to keep them out of the reader cache.
  skipProxyUrlNormalize: true,
  // Reader pages are documents with no framework script: <title> and the
  // description must be in <head> for every user agent, not streamed into
  // <body> for browsers (Next 16 streams metadata to all but a list of bots).
  htmlLimitedBots: /.*/,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      ...["/api/:path*", "/media/:path*", "/_next/:path*", "/withdrawn-notice/:path*"].map((source) => ({ source, headers: baseCsp })),
      // Desks and sign-in pages hold what only the signed-in may see: never stored by a browser or a proxy (issue 21).
      ...SIGNED_IN_ROOTS.flatMap((root) => [root, `${root}/:path*`]).map((source) => ({
        source,
        headers: [{ key: "Cache-Control", value: "private, no-store" }],
      })),
    ];
  },
};

export default withNextIntl(nextConfig);
