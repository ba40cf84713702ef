// The client's address for sign-in limits and the audit log (issue 21, item 3).
// `X-Forwarded-For` is whatever a client sends, so by default it is ignored:
// the address is the TCP peer's, which scripts/serve.ts puts in
// `x-cms-socket-address` (overwriting any such header a client sent). Behind a
// reverse proxy, configure it as trusted and the address comes from the
// `X-Forwarded-For` that proxy set:
//   TRUSTED_PROXY_HOPS=1           one proxy (nginx) in front: the last entry it appended
//   TRUSTED_PROXIES=10.0.0.5,::1   these peers are proxies: the right-most entry that is not one of them
// See docs/security.md and the reverse-proxy notes in the README.

export const SOCKET_ADDRESS_HEADER = "x-cms-socket-address";

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return (Array.isArray(v) ? v.join(",") : v) ?? undefined;
}

const normalize = (a: string) => a.trim().replace(/^::ffff:/, "");

export interface ProxyConfig {
  hops: number;
  proxies: string[];
}

export function proxyConfigFromEnv(env: Record<string, string | undefined> = process.env): ProxyConfig {
  const hops = Number(env.TRUSTED_PROXY_HOPS || 0);
  return {
    hops: Number.isInteger(hops) && hops > 0 && hops < 10 ? hops : 0,
    proxies: (env.TRUSTED_PROXIES ?? "").split(",").map(normalize).filter(Boolean),
  };
}

/** The client's address as far as it can be trusted; "unknown" when the server cannot tell (no socket header). */
export function clientAddress(headers: HeaderBag, config: ProxyConfig = proxyConfigFromEnv()): string {
  const socket = header(headers, SOCKET_ADDRESS_HEADER);
  const peer = socket ? normalize(socket) : "unknown";
  const forwarded = (header(headers, "x-forwarded-for") ?? "").split(",").map(normalize).filter(Boolean);
  if (config.hops > 0) {
    // Each trusted hop appended the address it saw: the client is `hops` from the right.
    return (forwarded.length >= config.hops ? forwarded[forwarded.length - config.hops] : forwarded[0]) ?? peer;
  }
  if (config.proxies.length && config.proxies.includes(peer)) {
    for (let i = forwarded.length - 1; i >= 0; i--) if (!config.proxies.includes(forwarded[i]!)) return forwarded[i]!;
    return forwarded[0] ?? peer;
  }
  return peer;
}

/** The user agent, capped, for the audit log. */
export function userAgentOf(headers: HeaderBag): string {
  return (header(headers, "user-agent") ?? "").replace(/\u0000/g, "").slice(0, 300);
}
