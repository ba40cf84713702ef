// The end-to-end tests' clock for 约稿 (commission) status: a request that
// carries the hook's secret (`x-e2e-token`, only when the server was started
// with CMS_E2E_HOOK_TOKEN — never in production) may say what time it is
// (`x-e2e-now`, ISO 8601), so a test moves past a deadline without sleeping.
// Only the commission service and the statistics (which count commissions)
// read it, through the `now` their callers pass;
// per request, so tests running side by side never see each other's clock.
import { timingSafeEqual } from "node:crypto";

interface HeaderSource {
  get(name: string): string | null;
}

function hookTokenMatches(given: string | null): boolean {
  const expected = process.env.CMS_E2E_HOOK_TOKEN;
  if (!expected || expected.length < 16 || !given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** Now, for the commission service: the real time, unless an end-to-end test set the request's clock. */
export function commissionNow(headers: HeaderSource): Date {
  const at = headers.get("x-e2e-now");
  if (at && hookTokenMatches(headers.get("x-e2e-token"))) {
    const d = new Date(at);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}
