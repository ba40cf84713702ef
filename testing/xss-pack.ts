// Packing the XSS corpus into fields, for the XSS tests in Vitest
// (testing/xss-corpus.db.test.ts, testing/xss-inputs.db.test.ts) and
// Playwright (e2e/xss.spec.ts, e2e/xss-inputs.spec.ts).
import { XSS_PAYLOADS } from "./xss-payloads";
import { normalizeText } from "./xss-static";

/** Runs `fn` over `items`, at most `n` at a time; the results in order. */
export async function pool<T, R>(items: readonly T[], n: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

/** Packs payloads from `queue` (taken from the front) into at most `lines` lines of at most `max` characters together. */
export function pack(queue: string[], max: number, lines: number): string[] {
  const out: string[] = [];
  let used = 0;
  while (queue.length && out.length < lines && used + queue[0]!.replace(/\s+/g, " ").trim().length <= max) {
    const next = queue.shift()!;
    used += next.replace(/\s+/g, " ").trim().length;
    out.push(next);
  }
  return out;
}

/**
 * Groups of payloads that, joined by `sep`, are each at most `max`
 * characters: first-fit by decreasing length, so the fewest fields (and
 * publications, users, requests) hold the whole corpus.
 */
export function chunkGroups(max: number, sep = " ", payloads: readonly string[] = XSS_PAYLOADS): string[][] {
  const bins: { items: string[]; length: number }[] = [];
  for (const p of [...payloads].sort((a, b) => b.length - a.length)) {
    const bin = bins.find((b) => b.length + sep.length + p.length <= max);
    if (bin) {
      bin.items.push(p);
      bin.length += sep.length + p.length;
    } else bins.push({ items: [p], length: p.length });
  }
  return bins.map((b) => b.items);
}

/** Chunks of payloads joined by a separator, each at most `max` characters. */
export function chunks(max: number, sep = " ", payloads: readonly string[] = XSS_PAYLOADS): string[] {
  return chunkGroups(max, sep, payloads).map((group) => group.join(sep));
}

/** Texts missing from `text` (both compared as normalizeText does). */
export function missingFrom(text: string, shows: readonly string[]): string[] {
  return shows.filter((s) => !text.includes(normalizeText(s)));
}

/** What the helpers below need of an HTTP client: Playwright's request context, or the app in process (testing/xss-in-process.ts). */
export interface Poster {
  post(url: string, options: { headers?: Record<string, string>; data?: unknown }): Promise<{ status(): number; text(): Promise<string>; json(): Promise<any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- as Playwright's
}

const htmlOf = (paragraphs: readonly string[]) => paragraphs.map((p) => `<p>${p}</p>`).join("");

/** The answer's JSON when its status is `status`; otherwise an error naming both. */
async function expectStatus(res: Awaited<ReturnType<Poster["post"]>>, ...statuses: number[]) {
  if (!statuses.includes(res.status())) throw new Error(`expected ${statuses.join(" or ")}, got ${res.status()}: ${await res.text()}`);
  return res;
}

/**
 * The payloads the API takes as HTML (`<p>payload</p>` in a new article):
 * an article of the whole group is created (with `data`, and `lead` before
 * the payloads); when that is refused (422, e.g. a link still unsafe after
 * sanitizing), the group is split and tried in halves until each refused
 * payload stands alone, and the article is made of the rest. Every payload is
 * sent; probe drafts are left behind like the old one-by-one probes.
 */
export async function createWithHtml(request: Poster, auth: Record<string, string>, payloads: readonly string[], data: Record<string, unknown> = { title: "探测" }, lead: string[] = []) {
  const create = (group: readonly string[], d = data) => request.post("/api/v1/articles", { headers: auth, data: { ...d, html: htmlOf([...lead, ...group]) } });
  const split = async (group: readonly string[]): Promise<{ kept: string[]; refused: string[] }> => {
    const res = await expectStatus(await create(group, { title: "探测" }), 201, 422);
    if (res.status() === 201) return { kept: [...group], refused: [] };
    if (group.length === 1) return { kept: [], refused: [...group] };
    const half = Math.ceil(group.length / 2);
    const [a, b] = [await split(group.slice(0, half)), await split(group.slice(half))];
    return { kept: [...a.kept, ...b.kept], refused: [...a.refused, ...b.refused] };
  };
  const first = await expectStatus(await create(payloads), 201, 422);
  if (first.status() === 201) return { ...((await first.json()) as { id: number; version: number }), kept: [...payloads], refused: [] as string[] };
  const half = Math.ceil(payloads.length / 2);
  const [a, b] = [await split(payloads.slice(0, half)), await split(payloads.slice(half))];
  const kept = [...a.kept, ...b.kept];
  const made = await expectStatus(await create(kept), 201);
  return { ...((await made.json()) as { id: number; version: number }), kept, refused: [...a.refused, ...b.refused] };
}
