/**
 * A minimal PNG encoder (8-bit RGBA, no interlace) and a canvas stand-in built on it, so
 * Plot.raster can render at build time under linkedom, which has no canvas of its own.
 */

/** Compresses bytes into a zlib stream (RFC 1950); e.g. node:zlib's deflateSync. */
export type Deflate = (bytes: Uint8Array) => Uint8Array;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zlib stream of uncompressed ("stored") deflate blocks: valid everywhere, needs no library. */
export function storedZlib(bytes: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(bytes.length / 65535));
  const out = new Uint8Array(2 + bytes.length + blocks * 5 + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let o = 2;
  for (let b = 0; b < blocks; b++) {
    const start = b * 65535;
    const len = Math.min(65535, bytes.length - start);
    out[o++] = b === blocks - 1 ? 1 : 0;
    out[o++] = len & 255;
    out[o++] = len >>> 8;
    out[o++] = ~len & 255;
    out[o++] = (~len >>> 8) & 255;
    out.set(bytes.subarray(start, start + len), o);
    o += len;
  }
  let a = 1;
  let s = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    s = (s + a) % 65521;
  }
  const adler = ((s << 16) | a) >>> 0;
  out[o++] = adler >>> 24;
  out[o++] = (adler >>> 16) & 255;
  out[o++] = (adler >>> 8) & 255;
  out[o++] = adler & 255;
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/**
 * Encodes width × height RGBA pixels (row-major, top row first, 4 bytes per pixel) as a PNG file.
 * @throws RangeError if the sizes are not positive integers or `rgba` has the wrong length.
 */
export function encodePng(width: number, height: number, rgba: ArrayLike<number>, deflate: Deflate = storedZlib): Uint8Array {
  if (!(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0) || rgba.length !== width * height * 4) {
    throw new RangeError(`encodePng needs positive integer sizes and width·height·4 bytes, got ${width} × ${height} and ${rgba.length}`);
  }
  const stride = width * 4 + 1;
  const raw = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter type 0: bytes as they are
    for (let i = 0; i < width * 4; i++) raw[y * stride + 1 + i] = rgba[y * width * 4 + i];
  }
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, colour type 6 (RGBA), default compression/filter, no interlace
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflate(raw)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Base64 of bytes (btoa exists in browsers and in Node ≥ 16). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The part of ImageData that Plot.raster uses. */
interface PixelImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/**
 * Just enough of HTMLCanvasElement for Plot.raster: a 2-D context with createImageData and
 * putImageData, and toDataURL returning a PNG data URL.
 */
export class PngCanvas {
  width = 300;
  height = 150;
  private pixels: Uint8ClampedArray | null = null;
  constructor(private readonly deflate: Deflate = storedZlib) {}

  getContext(type: string) {
    if (type !== '2d') return null;
    return {
      createImageData: (w: number, h: number): PixelImage => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
      putImageData: (image: PixelImage) => {
        this.pixels = new Uint8ClampedArray(this.width * this.height * 4);
        for (let y = 0; y < Math.min(image.height, this.height); y++) {
          const row = image.data.subarray(y * image.width * 4, (y * image.width + Math.min(image.width, this.width)) * 4);
          this.pixels.set(row, y * this.width * 4);
        }
      },
    };
  }

  toDataURL(): string {
    const pixels = this.pixels ?? new Uint8ClampedArray(this.width * this.height * 4);
    return `data:image/png;base64,${toBase64(encodePng(this.width, this.height, pixels, this.deflate))}`;
  }
}
