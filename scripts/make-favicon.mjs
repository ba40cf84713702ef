// node scripts/make-favicon.mjs app/favicon.ico /tmp/preview.png — the site icon, drawn without an image library.
// The ICO holds 16, 32 and 48 px PNGs; app/icon.svg is the same drawing for browsers that take SVG.
import fs from "node:fs";
import zlib from "node:zlib";
const RED = [0xc0, 0x00, 0x00];
function shape(x, y, n) {
  // Coordinates in a 32-unit box.
  const u = (v) => (v * 32) / n;
  const X = u(x + 0.5), Y = u(y + 0.5);
  const r = 6, inside = (() => {
    const cx = Math.min(Math.max(X, r), 32 - r), cy = Math.min(Math.max(Y, r), 32 - r);
    return (X - cx) ** 2 + (Y - cy) ** 2 <= r * r;
  })();
  if (!inside) return null;
  const bar = (y0, y1, x0, x1) => Y >= y0 && Y < y1 && X >= x0 && X < x1;
  if (bar(7, 12, 7, 25) || bar(15, 17, 7, 25) || bar(20, 22, 7, 25) || bar(25, 27, 7, 19)) return [255, 255, 255];
  return RED;
}
function png(n) {
  const raw = Buffer.alloc(n * (n * 4 + 1));
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0;
    for (let x = 0; x < n; x++) {
      const c = shape(x, y, n);
      const o = y * (n * 4 + 1) + 1 + x * 4;
      if (c) { raw[o] = c[0]; raw[o + 1] = c[1]; raw[o + 2] = c[2]; raw[o + 3] = 255; }
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(zlib.crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(n, 0); ihdr.writeUInt32BE(n, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}
const images = [16, 32, 48].map((n) => ({ n, data: png(n) }));
const header = Buffer.alloc(6); header.writeUInt16LE(0, 0); header.writeUInt16LE(1, 2); header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = images.map(({ n, data }) => {
  const e = Buffer.alloc(16); e[0] = n; e[1] = n; e[2] = 0; e[3] = 0; e.writeUInt16LE(1, 4); e.writeUInt16LE(32, 6); e.writeUInt32LE(data.length, 8); e.writeUInt32LE(offset, 12);
  offset += data.length; return e;
});
fs.writeFileSync(process.argv[2], Buffer.concat([header, ...entries, ...images.map((i) => i.data)]));
fs.writeFileSync(process.argv[3], images[2].data);
