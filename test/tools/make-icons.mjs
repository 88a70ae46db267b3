// Draws Sparekey's icon (a white key on a teal rounded square) into public/icon/{16,32,48,128}.png.
// Pure Node (zlib) so it runs anywhere; run it again only when the design changes.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const OUT = new URL('../../public/icon/', import.meta.url);
const BG = [15, 118, 110];
const FG = [255, 255, 255];

// Shapes in a 0..1 unit square; each returns true when the point is inside.
const roundedSquare = (x, y, r = 0.2) => {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
};
const disc = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const key = (x, y) => {
  const bow = disc(x, y, 0.33, 0.5, 0.17) && !disc(x, y, 0.33, 0.5, 0.07);
  const shaft = rect(x, y, 0.45, 0.455, 0.84, 0.545);
  const tooth1 = rect(x, y, 0.7, 0.545, 0.76, 0.66);
  const tooth2 = rect(x, y, 0.8, 0.545, 0.84, 0.62);
  return bow || shaft || tooth1 || tooth2;
};

function render(size) {
  const ss = 8; // supersampling per axis for smooth edges
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++) {
      let bg = 0, fg = 0;
      for (let sj = 0; sj < ss; sj++)
        for (let si = 0; si < ss; si++) {
          const x = (i + (si + 0.5) / ss) / size;
          const y = (j + (sj + 0.5) / ss) / size;
          if (!roundedSquare(x, y)) continue;
          if (key(x, y)) fg++; else bg++;
        }
      const n = ss * ss, a = (bg + fg) / n;
      const o = (j * size + i) * 4;
      for (let c = 0; c < 3; c++) px[o + c] = a ? Math.round((BG[c] * bg + FG[c] * fg) / (bg + fg)) : 0;
      px[o + 3] = Math.round(a * 255);
    }
  return png(size, px);
}

function png(size, rgba) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) { c ^= b; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); }
  return ~c >>> 0;
}

mkdirSync(OUT, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`${size}.png`, OUT), render(size));
