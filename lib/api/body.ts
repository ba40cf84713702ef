// Request bodies are read with a cap: a body announced larger than the cap is
// refused unread, and one without a length (chunked) is read only up to the
// cap — a 100 MB upload never sits in memory whole.
import { AppError } from "@/lib/errors";

/** The body's bytes, or `too_large` as soon as more than `maxBytes` have arrived (or are announced). */
export async function readBodyCapped(request: Request, maxBytes: number, tooLarge: () => AppError): Promise<Uint8Array<ArrayBuffer>> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("bad_request", "api.unreadableBody");
  }
  const all = new Uint8Array(new ArrayBuffer(size));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}
