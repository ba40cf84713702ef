import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { chooseEncoding, compressBoth, isCompressible } from "./encoding";

const both = { br: true, gzip: true };

describe("chooseEncoding", () => {
  it("prefers brotli, then gzip, then the bytes as they are", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd", both)).toBe("br");
    expect(chooseEncoding("gzip", both)).toBe("gzip");
    expect(chooseEncoding("deflate", both)).toBe("identity");
    expect(chooseEncoding(undefined, both)).toBe("identity");
    expect(chooseEncoding("", both)).toBe("identity");
  });

  it("honours weights, refusals and the wildcard", () => {
    expect(chooseEncoding("br;q=0.5, gzip", both)).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0", both)).toBe("identity");
    expect(chooseEncoding("*", both)).toBe("br");
    expect(chooseEncoding("*;q=0.2, br;q=0", both)).toBe("gzip");
    expect(chooseEncoding("br", { br: false, gzip: true })).toBe("identity");
  });
});

describe("compressed copies", () => {
  it("decompress to the very bytes", async () => {
    const body = Buffer.from("<p>山东脱贫攻坚简报</p>".repeat(500));
    const { br, gzip } = await compressBoth(body);
    expect(zlib.brotliDecompressSync(br).equals(body)).toBe(true);
    expect(zlib.gunzipSync(gzip).equals(body)).toBe(true);
    expect(br.length).toBeLessThan(gzip.length);
  });

  it("are made for text, not for small bodies or zip files", () => {
    expect(isCompressible("text/html; charset=utf-8", 5000)).toBe(true);
    expect(isCompressible("application/atom+xml; charset=utf-8", 5000)).toBe(true);
    expect(isCompressible("text/html", 100)).toBe(false);
    expect(isCompressible("application/vnd.openxmlformats-officedocument.wordprocessingml.document", 50_000)).toBe(false);
  });
});
