// The <script> tag of public/reader.js, the reader pages' one script. Its URL
// carries a hash of the file's content, so a browser never runs a stale copy
// from its cache (and the service worker may keep it for good). `data-reader`
// marks it as the script the reader front keeps when it strips Next's.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

let version: string | undefined;

/** The first 12 characters of the file's SHA-256 (base64url), read once per process. */
export function readerScriptVersion(): string {
  version ??= createHash("sha256")
    .update(readFileSync(path.join(process.cwd(), "public", "reader.js")))
    .digest("base64url")
    .slice(0, 12);
  return version;
}

/** With `app`, the reader app too: the service worker and the new-issues notice, in these words. */
export function ReaderScript({ app }: { app?: { newIssues: string; dismiss: string } }) {
  return <script src={`/reader.js?v=${readerScriptVersion()}`} defer data-reader="" data-app={app ? "" : undefined} data-new-issues={app?.newIssues} data-dismiss={app?.dismiss} />;
}
