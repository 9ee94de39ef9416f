/**
 * Island settings in the URL query (`?deep-linear.a=1.5&deep-linear.depth=12`), so a link restores
 * what the reader saw. The query is used, not the hash, because the hash belongs to heading anchors.
 * Reading never throws: a value that is unknown, malformed, out of range, oversized or given more
 * than once is ignored, reported in `ignored` for a visible notice, and the default is used. Only
 * known keys are read, so prototype keys (`__proto__`, `constructor`) can never reach an object.
 */

/** How one setting is read from and written to text. */
export interface ParamSpec<T> {
  /** What is allowed, for the notice, e.g. "an integer from 2 to 50". */
  readonly allowed: string;
  /** The value, or undefined if `raw` is not allowed. */
  parse(raw: string): T | undefined;
  format(value: T): string;
  /** How the control's <output> shows the value, when not as written in the URL (speed shows as "×3"). */
  display?(value: T): string;
}

/** A setting the link asked for and the island ignored. */
export interface IgnoredParam {
  readonly key: string;
  readonly raw: string;
  readonly allowed: string;
}

const MAX_RAW = 200;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const INTEGER = /^[-+]?\d+$/;

/** Whether decimal text `raw` (no exponent) writes exactly `v`, as String(v) does up to zeros: "1.20" and ".3" yes, "5000.0000000000001" no. */
function writesExactly(raw: string, v: number): boolean {
  const m = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(raw);
  if (!m || !/\d/.test(raw)) return false;
  const whole = m[2].replace(/^0+(?=\d)/, '') || '0';
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  const text = `${m[1] === '-' ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  return text === String(v) || (text === '-0' && v === 0);
}

/** Spec builders for the kinds of settings islands have. */
export const param = {
  number(min: number, max: number, options: { integer?: boolean } = {}): ParamSpec<number> {
    const allowed = `${options.integer ? 'an integer' : 'a number'} from ${min} to ${max}`;
    return {
      allowed,
      parse(raw) {
        // An integer setting takes only an integer as written: not "5000.0000000000001", which reads as 5000.
        if (!(options.integer ? INTEGER : NUMBER).test(raw)) return undefined;
        const n = Number(raw);
        if (!Number.isFinite(n) || n < min || n > max || (options.integer && !Number.isSafeInteger(n))) return undefined;
        return n === 0 ? 0 : n; // "-0" reads as 0, so links and controls never see −0
      },
      format: (v) => String(v),
    };
  },
  /** A number that must be one of `values` (a select's options), written as the number (not merely rounding to it). */
  numberChoice(values: readonly number[]): ParamSpec<number> {
    return {
      allowed: `one of ${values.join(', ')}`,
      parse: (raw) => values.find((v) => writesExactly(raw, v)),
      format: (v) => String(v),
    };
  },
  choice<T extends string>(values: readonly T[]): ParamSpec<T> {
    return { allowed: `one of ${values.join(', ')}`, parse: (raw) => values.find((v) => v === raw), format: (v) => v };
  },
  list<T extends string>(values: readonly T[], min = 1, max = values.length): ParamSpec<T[]> {
    return {
      allowed: `a comma-separated list of ${min}–${max} of ${values.join(', ')}`,
      parse(raw) {
        const items = raw.split(',').map((s) => values.find((v) => v === s.trim()));
        if (items.some((x) => x === undefined) || items.length < min || items.length > max || new Set(items).size !== items.length) return undefined;
        return items as T[];
      },
      format: (v) => v.join(','),
    };
  },
  boolean(): ParamSpec<boolean> {
    return { allowed: 'true or false', parse: (raw) => (raw === 'true' ? true : raw === 'false' ? false : undefined), format: (v) => String(v) };
  },
};

/** Specs for every setting of an island, keyed like its values. */
export type Specs<T> = { readonly [K in keyof T]: ParamSpec<T[K]> };

/**
 * Reads `prefix.key` settings from `search` (a location.search string). Unknown `prefix.*` keys are
 * reported too; keys of other islands and anything else are left alone.
 */
export function readState<T extends object>(prefix: string, specs: Specs<T>, defaults: T, search: string): { values: T; ignored: IgnoredParam[] } {
  const values = { ...defaults };
  const ignored: IgnoredParam[] = [];
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(search);
  } catch {
    return { values, ignored };
  }
  const keys = Object.keys(specs) as (keyof T & string)[];
  const mine = [...query].filter(([fullKey]) => fullKey.startsWith(`${prefix}.`));
  const times = new Map<string, number>();
  for (const [fullKey] of mine) times.set(fullKey, (times.get(fullKey) ?? 0) + 1);
  for (const [fullKey, raw] of mine) {
    const key = fullKey.slice(prefix.length + 1);
    const known = keys.find((k) => k === key);
    if (!known) {
      ignored.push({ key: fullKey, raw, allowed: `a known setting (${keys.map((k) => `${prefix}.${k}`).join(', ')})` });
      continue;
    }
    // A setting given twice is ambiguous: neither value is used, and each is reported.
    const n = times.get(fullKey)!;
    if (n > 1) {
      ignored.push({ key: fullKey, raw, allowed: `one value, not ${n}` });
      continue;
    }
    const spec = specs[known];
    const value = raw.length <= MAX_RAW ? spec.parse(raw) : undefined;
    if (value === undefined) ignored.push({ key: fullKey, raw, allowed: spec.allowed });
    else values[known] = value;
  }
  return { values, ignored };
}

/** `search` with this island's settings replaced: defaults are left out to keep links short. */
export function writeState<T extends object>(prefix: string, specs: Specs<T>, defaults: T, values: T, search: string): string {
  const query = new URLSearchParams(search);
  for (const key of [...query.keys()]) if (key.startsWith(`${prefix}.`)) query.delete(key);
  for (const key of Object.keys(specs) as (keyof T & string)[]) {
    const text = specs[key].format(values[key]);
    if (text !== specs[key].format(defaults[key])) query.set(`${prefix}.${key}`, text);
  }
  const out = query.toString();
  return out ? `?${out}` : '';
}

/** One sentence for the notice, with raw values shortened (it is set as text, never as HTML). */
export function describeIgnored(ignored: readonly IgnoredParam[]): string {
  if (ignored.length === 0) return '';
  const shown = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);
  const items = ignored.slice(0, 5).map((i) => `${shown(i.key)}=${shown(i.raw)} (expected ${i.allowed})`);
  const more = ignored.length > 5 ? ` and ${ignored.length - 5} more` : '';
  return `This link had settings this figure cannot use, so it shows its defaults for them: ${items.join('; ')}${more}.`;
}
