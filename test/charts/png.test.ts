import { inflateSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PngCanvas, encodePng, storedZlib, toBase64 } from '../../src/charts/png.ts';

/** Reads the chunks of a PNG file: type, data, and whether the CRC is present (length check). */
function chunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; data: Uint8Array }[] = [];
  for (let o = 8; o < png.length;) {
    const len = view.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    out.push({ type, data: png.subarray(o + 8, o + 8 + len) });
    o += 12 + len;
  }
  return out;
}

const pixels = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 40]);

describe('encodePng', () => {
  for (const [name, deflate] of [['stored blocks', storedZlib], ['node:zlib', (b: Uint8Array) => new Uint8Array(deflateSync(b))]] as const) {
    it(`writes a valid RGBA PNG whose pixels read back (${name})`, () => {
      const png = encodePng(2, 2, pixels, deflate);
      expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      const c = chunks(png);
      expect(c.map((x) => x.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
      const ihdr = new DataView(c[0].data.buffer, c[0].data.byteOffset);
      expect([ihdr.getUint32(0), ihdr.getUint32(4), c[0].data[8], c[0].data[9]]).toEqual([2, 2, 8, 6]);
      const raw = inflateSync(c[1].data);
      expect([...raw]).toEqual([0, ...pixels.subarray(0, 8), 0, ...pixels.subarray(8)]);
    });
  }

  it('splits long data into several stored blocks that inflate back', () => {
    const big = new Uint8Array(70_000).map((_, i) => i % 251);
    expect([...inflateSync(storedZlib(big))].every((v, i) => v === big[i])).toBe(true);
  });

  it('rejects wrong sizes', () => {
    expect(() => encodePng(0, 1, [])).toThrow(RangeError);
    expect(() => encodePng(2, 2, pixels.subarray(0, 12))).toThrow(RangeError);
  });
});

describe('PngCanvas', () => {
  it('takes image data through a 2-D context and returns a PNG data URL', () => {
    const canvas = new PngCanvas();
    canvas.width = 2;
    canvas.height = 2;
    const ctx = canvas.getContext('2d')!;
    const image = ctx.createImageData(2, 2);
    image.data.set(pixels);
    ctx.putImageData(image);
    const url = canvas.toDataURL();
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const png = Uint8Array.from(atob(url.slice(22)), (ch) => ch.charCodeAt(0));
    expect([...inflateSync(chunks(png)[1].data)].filter((_, i) => i % 9 !== 0)).toEqual([...pixels]);
    expect(canvas.getContext('webgl')).toBeNull();
  });

  it('encodes base64 like Buffer does', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
