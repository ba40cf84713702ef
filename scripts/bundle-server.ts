// Bundles the server process (scripts/serve.ts and the reader front it
// imports) into one CommonJS file for plain node: .next/cms-serve.cjs.
// Packages stay outside (required from node_modules at run time, the same
// copies Next uses). Running it through tsx's loader instead cost about
// 110 MB more memory (the loader's thread and transform cache) and a
// quarter of the front's throughput. Takes a few tens of milliseconds, so
// every start makes it afresh.
import path from "node:path";
import { buildSync } from "esbuild";

export const SERVE_BUNDLE = path.join(".next", "cms-serve.cjs");

export function bundleServer(root = process.cwd()) {
  bundleScript(path.join(root, "scripts", "serve.ts"), path.join(root, SERVE_BUNDLE), root);
}

/**
 * One of our TypeScript entry points bundled into a CommonJS file for plain
 * node, packages left outside: `outfile` must be inside the project, where
 * they resolve from its node_modules. Also the CLI the tests run
 * (testing/cli-bundle.setup.ts). `alias` replaces more imports, as a test's
 * stand-in for a server does for `server-only` (testing/crash-safety.db.test.ts).
 */
export function bundleScript(entry: string, outfile: string, root = process.cwd(), alias: Record<string, string> = {}) {
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    alias: { "@": root, ...alias },
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
    legalComments: "none",
  });
}
