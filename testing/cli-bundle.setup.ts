// Vitest globalSetup of the `db` project: the operator's CLI (scripts/cms.ts,
// `npm run cms`) bundled once per run by esbuild into one CommonJS file, which
// the CLI tests run with plain node. The same code tsx would run; tsx's own
// start-up and transforms cost about a second per invocation under load, and
// the CLI tests make dozens of them. One test still goes through `npm run cms`
// itself (backup-cli-refusals.db.test.ts).
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { bundleScript } from "../scripts/bundle-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The bundled CLI, to run with `node`. */
    cmsCli: string;
  }
}

export default function setup(project: TestProject) {
  const root = process.cwd();
  // Inside the project, so that the packages left outside resolve from its node_modules.
  const dir = fs.mkdtempSync(path.join(root, "node_modules", ".cms-cli-"));
  const outfile = path.join(dir, "cms.cjs");
  bundleScript(path.join(root, "scripts", "cms.ts"), outfile, root);
  project.provide("cmsCli", outfile);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
