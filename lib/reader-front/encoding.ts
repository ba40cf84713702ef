// Compressed copies of a reader response, made once when it is cached, and
// the choice among them by the request's Accept-Encoding.
import { promisify } from "node:util";
import zlib from "node:zlib";

export type Encoding = "br" | "gzip" | "identity";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Bodies smaller than this are sent as they are: compressing them saves less than it costs. */
export const MIN_COMPRESS_BYTES = 860;

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|atom\+xml|rss\+xml|javascript|manifest\+json)\b|image\/svg\+xml)/i;

export function isCompressible(contentType: string | null | undefined, bytes: number): boolean {
  return bytes >= MIN_COMPRESS_BYTES && COMPRESSIBLE.test(contentType ?? "");
}

/**
 * The encoding to send, from what the client accepts (RFC 9110 §12.5.3):
 * brotli before gzip when both are acceptable with the same weight, and
 * identity when neither is, or none is offered. `q=0` refuses a coding.
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: { br: boolean; gzip: boolean }): Encoding {
  if (!acceptEncoding) return "identity";
  let best: Encoding = "identity";
  let bestQ = 0;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.find((p) => p.trim().startsWith("q="));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    weights.set(name.trim(), Number.isFinite(q) ? q : 0);
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get("*") ?? 0;
  for (const name of ["br", "gzip"] as const) {
    if (!available[name]) continue;
    const q = weightOf(name);
    if (q > bestQ) {
      best = name;
      bestQ = q;
    }
  }
  return best;
}

/** The brotli (quality 11: made once per page and version) and gzip (level 9) copies. */
export async function compressBoth(body: Buffer): Promise<{ br: Buffer; gzip: Buffer }> {
  const [br, gz] = await Promise.all([
    brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzip(body, { level: 9 }),
  ]);
  return { br, gzip: gz };
}

/** One copy for a response that is not cached (a 404, a search): cheap settings, only the coding asked for. */
export async function compressOnce(body: Buffer, encoding: Exclude<Encoding, "identity">): Promise<Buffer> {
  return encoding === "br" ? brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzip(body, { level: 6 });
}
