// The client's address for sign-in limits and the audit log (issue 21, item 3).
//
// What reaches us under `next start`: the TCP peer in `x-cms-socket-address`,
// written by scripts/socket-address.cjs (preloaded into the server process,
// overwriting any such header a client sent), and `x-forwarded-for`, which
// Next fills in from the socket only when it is absent
// (`headers['x-forwarded-for'] ??= socket.remoteAddress`, base-server.js) —
// a value the client sent is kept as it is. So X-Forwarded-For alone proves
// nothing, and by default it is ignored: the address is the socket's.
//
// Behind a reverse proxy, name it as trusted and the address comes from the
// X-Forwarded-For that proxy set. The chain is X-Forwarded-For's entries
// followed by the socket's address; from the right:
//   TRUSTED_PROXY_HOPS=n         skip n entries (the socket and n-1 more): one
//                                nginx in front is n=1, its own entry is the client
//   TRUSTED_PROXIES=10.0.0.5,…   skip entries that are listed proxies, starting
//                                with the socket: the first other one is the client
// If every entry is skipped, the left-most one is the client. See
// docs/operations.md ("Client address").

export const SOCKET_ADDRESS_HEADER = "x-cms-socket-address";

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return (Array.isArray(v) ? v.join(",") : v) ?? undefined;
}

/** One address as written in headers: trimmed, IPv4-mapped IPv6 as IPv4, at most 64 characters. */
const normalize = (a: string) => a.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").slice(0, 64);

export interface ProxyConfig {
  hops: number;
  proxies: string[];
}

export function proxyConfigFromEnv(env: Record<string, string | undefined> = process.env): ProxyConfig {
  const raw = env.TRUSTED_PROXY_HOPS?.trim();
  const hops = raw ? Number(raw) : 0;
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, not "${raw}"`);
  return { hops, proxies: (env.TRUSTED_PROXIES ?? "").split(",").map(normalize).filter(Boolean) };
}

let warnedNoSocket = false;

/** The client's address as far as it can be trusted; "unknown" when the server cannot tell (started without the preload). */
export function clientAddress(headers: HeaderBag, config: ProxyConfig = proxyConfigFromEnv()): string {
  const socket = header(headers, SOCKET_ADDRESS_HEADER);
  if (!socket) {
    if (!warnedNoSocket && headers) {
      warnedNoSocket = true;
      console.warn("[cms] No x-cms-socket-address on a request: start the server with `npm start` (it preloads scripts/socket-address.cjs). Client addresses are recorded as \"unknown\".");
    }
    return "unknown";
  }
  const peer = normalize(socket);
  if (config.hops === 0 && config.proxies.length === 0) return peer;
  const forwarded = (header(headers, "x-forwarded-for") ?? "").split(",").map(normalize).filter(Boolean);
  const chain = [...forwarded, peer];
  if (config.hops > 0) return chain[Math.max(0, chain.length - 1 - config.hops)]!;
  for (let i = chain.length - 1; i >= 0; i--) if (!config.proxies.includes(chain[i]!)) return chain[i]!;
  return chain[0]!;
}

/** The user agent, capped, for the audit log. */
export function userAgentOf(headers: HeaderBag): string {
  return (header(headers, "user-agent") ?? "").replace(/\u0000/g, "").slice(0, 300);
}
