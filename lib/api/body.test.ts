import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readBodyCapped } from "./body";

const tooLarge = () => new AppError("too_large", "api.bodyTooLarge");

/** A chunked body of `chunks` × 64 KiB that counts how much of it was pulled. */
function streamed(chunks: number) {
  const pulled = { chunks: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.chunks >= chunks) return controller.close();
      pulled.chunks++;
      controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
    },
  });
  // No content-length: as a chunked upload arrives.
  const request = new Request("http://localhost/x", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled };
}

describe("readBodyCapped", () => {
  it("reads a body within the cap whole", async () => {
    const { request } = streamed(4);
    expect((await readBodyCapped(request, 1024 * 1024, tooLarge)).byteLength).toBe(4 * 64 * 1024);
  });

  it("stops reading a chunked 100 MB body just past the cap", async () => {
    const { request, pulled } = streamed(1600); // 100 MiB
    await expect(readBodyCapped(request, 1024 * 1024, tooLarge)).rejects.toMatchObject({ code: "too_large" });
    // A little read-ahead, never the whole body.
    expect(pulled.chunks).toBeLessThan(40);
  });

  it("refuses a body announced too large without reading it", async () => {
    const { request, pulled } = streamed(1600);
    const announced = new Request(request, { headers: { "content-length": String(100 * 1024 * 1024) } });
    await expect(readBodyCapped(announced, 1024 * 1024, tooLarge)).rejects.toMatchObject({ code: "too_large" });
    expect(pulled.chunks).toBeLessThan(3);
  });
});
