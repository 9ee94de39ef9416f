/**
 * Island settings in the URL query (`?deep-linear.a=1.5&deep-linear.depth=12`), so a link restores
 * what the reader saw. The query is used, not the hash, because the hash belongs to heading anchors.
 * Reading never throws: a value that is unknown, malformed, out of range or oversized is ignored,
 * reported in `ignored` for a visible notice, and the default is used. Only known keys are read,
 * so prototype keys (`__proto__`, `constructor`) can never reach an object.
 */

/** How one setting is read from and written to text. */
export interface ParamSpec<T> {
  /** What is allowed, for the notice, e.g. "an integer from 2 to 50". */
  readonly allowed: string;
  /** The value, or undefined if `raw` is not allowed. */
  parse(raw: string): T | undefined;
  format(value: T): string;
}

/** A setting the link asked for and the island ignored. */
export interface IgnoredParam {
  readonly key: string;
  readonly raw: string;
  readonly allowed: string;
}

const MAX_RAW = 200;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Spec builders for the kinds of settings islands have. */
export const param = {
  number(min: number, max: number, options: { integer?: boolean } = {}): ParamSpec<number> {
    const allowed = `${options.integer ? 'an integer' : 'a number'} from ${min} to ${max}`;
    return {
      allowed,
      parse(raw) {
        if (!NUMBER.test(raw)) return undefined;
        const n = Number(raw);
        if (!Number.isFinite(n) || n < min || n > max || (options.integer && !Number.isInteger(n))) return undefined;
        return n === 0 ? 0 : n; // "-0" reads as 0, so links and controls never see −0
      },
      format: (v) => String(v),
    };
  },
  /** A number that must be one of `values` (a select's options), written as the number. */
  numberChoice(values: readonly number[]): ParamSpec<number> {
    return {
      allowed: `one of ${values.join(', ')}`,
      parse: (raw) => (NUMBER.test(raw) ? values.find((v) => v === Number(raw)) : undefined),
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
  for (const [fullKey, raw] of query) {
    if (!fullKey.startsWith(`${prefix}.`)) continue;
    const key = fullKey.slice(prefix.length + 1);
    const known = keys.find((k) => k === key);
    if (!known) {
      ignored.push({ key: fullKey, raw, allowed: `a known setting (${keys.map((k) => `${prefix}.${k}`).join(', ')})` });
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
