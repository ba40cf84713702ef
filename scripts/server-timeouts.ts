// Timeouts of the HTTP server (`next start --keepAliveTimeout`, from
// scripts/start.ts, the e2e servers and the benchmarks). The keep-alive idle
// timeout must be longer than that of anything in front reusing connections
// (load balancers commonly keep 60 s), or the server closes a connection the
// proxy is about to reuse. (Node's headers timeout only runs while a
// request's headers arrive, not while a connection waits idle.)
import { z } from "zod";

const ms = z.coerce.number().int().min(1_000).max(3_600_000);

export const serverTimeoutsSchema = z.object({
  CMS_KEEP_ALIVE_TIMEOUT_MS: ms.default(65_000),
  CMS_REQUEST_TIMEOUT_MS: ms.default(300_000),
});

export interface ServerTimeouts {
  keepAliveTimeout: number;
  headersTimeout: number;
  requestTimeout: number;
}

/** The server's timeouts from the environment; an invalid value stops the start with a clear message. */
export function serverTimeouts(env: Record<string, string | undefined>): ServerTimeouts {
  const parsed = serverTimeoutsSchema.safeParse({
    CMS_KEEP_ALIVE_TIMEOUT_MS: env.CMS_KEEP_ALIVE_TIMEOUT_MS || undefined,
    CMS_REQUEST_TIMEOUT_MS: env.CMS_REQUEST_TIMEOUT_MS || undefined,
  });
  if (!parsed.success) {
    const fields = Object.keys(z.flattenError(parsed.error).fieldErrors).join(", ");
    throw new Error(`${fields}: a whole number of milliseconds from 1000 to 3600000`);
  }
  const keepAliveTimeout = parsed.data.CMS_KEEP_ALIVE_TIMEOUT_MS;
  const headersTimeout = keepAliveTimeout + 1_000;
  // Node requires the request timeout to be at least the headers timeout.
  const requestTimeout = Math.max(parsed.data.CMS_REQUEST_TIMEOUT_MS, headersTimeout);
  return { keepAliveTimeout, headersTimeout, requestTimeout };
}
