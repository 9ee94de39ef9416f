/**
 * Lossless text form of build-time results for the disk cache: JSON, except that typed arrays keep
 * their type and every bit (base64 of their bytes), and NaN, ±Infinity and −0 survive (plain JSON
 * turns them into null and 0, which would change a diverged run's numbers).
 */

const TYPED = {
  Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray,
} as const;
type TypedName = keyof typeof TYPED;

/** Encodes `value` (plain objects, arrays, strings, booleans, null, numbers, typed arrays). @throws TypeError for anything else. */
export function encode(value: unknown): string {
  return JSON.stringify(value, function replacer(this: unknown, key: string, v: unknown) {
    // JSON.stringify has already turned -0 into 0 in `v`; read the holder's own value.
    const raw = (this as Record<string, unknown>)[key];
    if (typeof raw === 'number') {
      if (Number.isNaN(raw) || !Number.isFinite(raw) || Object.is(raw, -0)) return { $n: Object.is(raw, -0) ? '-0' : String(raw) };
      return raw;
    }
    if (ArrayBuffer.isView(raw) && !(raw instanceof DataView)) {
      const name = raw.constructor.name as TypedName;
      if (!(name in TYPED)) throw new TypeError(`encode: unsupported typed array ${name} at "${key}"`);
      return { $t: name, $b: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') };
    }
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.getPrototypeOf(raw) !== Object.prototype) {
      throw new TypeError(`encode: unsupported ${raw.constructor?.name ?? 'object'} at "${key}"`);
    }
    if (typeof raw === 'function' || typeof raw === 'bigint' || typeof raw === 'symbol') throw new TypeError(`encode: unsupported ${typeof raw} at "${key}"`);
    return v;
  });
}

/** Inverse of `encode`. */
export function decode<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as { $n?: string; $t?: TypedName; $b?: string };
    if (typeof o.$n === 'string' && Object.keys(o).length === 1) return o.$n === '-0' ? -0 : Number(o.$n);
    if (typeof o.$t === 'string' && typeof o.$b === 'string' && Object.keys(o).length === 2) {
      const bytes = Buffer.from(o.$b, 'base64');
      const Ctor = TYPED[o.$t];
      const copy = new Uint8Array(bytes.byteLength);
      copy.set(bytes);
      return new Ctor(copy.buffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
    }
    return v;
  }) as T;
}
