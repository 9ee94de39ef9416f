/**
 * The building blocks of prop schemas (zod, the one Astro ships) and the one way props are parsed.
 * Numbers may be written as strings ("1.2"), layers as "2,3,1". A bad prop fails the build with one
 * message:  content/lessons/x.mdx:42: <CostCurve> prop "yScale" must be one of linear, log; got "cubic"
 */
import { z } from 'astro/zod';
import { parseNumber } from '../engine/index.ts';
import { accepts, allowed, type Setting, type Settings, type Values } from './settings.ts';

/** A prop error, formatted as one line that names file, component, prop and what is allowed. */
export class PropError extends Error {
  constructor(readonly component: string, readonly prop: string, readonly allowed: string, readonly value: unknown, readonly source?: string) {
    super(`${source ? `${source}: ` : ''}<${component}> prop "${prop}" must be ${allowed}; got ${describe(value)}`);
    this.name = 'PropError';
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const oneOf = (values: readonly string[]) => `one of ${values.join(', ')}`;
export const idPattern = /^[a-z][a-z0-9-]{0,39}$/;

/** An enum prop whose error lists the allowed values. */
export const choice = <T extends string>(values: readonly [T, ...T[]]) => z.enum(values, { error: () => oneOf(values) });
/** A number prop that may be written as a string; `allowed` describes the range in errors. */
export const number = (allowed: string, ok: (n: number) => boolean) =>
  z.union([z.number(), z.string()], { error: () => allowed })
    .transform((v) => parseNumber(v))
    .refine((n) => Number.isFinite(n) && ok(n), { error: () => allowed });
export const integer = (lo: number, hi: number) => number(`an integer from ${lo} to ${hi}`, (n) => Number.isInteger(n) && n >= lo && n <= hi);
/** A comma-separated list ("a, b") or an array, as trimmed, non-empty strings. */
export const splitList = (v: string | string[]): string[] => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
export const list = (error: string) => z.union([z.string(), z.array(z.string())], { error: () => error }).transform(splitList);
export const text = (max = 200) => z.string({ error: () => `text of at most ${max} characters` }).max(max, { error: () => `text of at most ${max} characters` });
export const experimentId = z.string({ error: () => 'an experiment id' }).regex(idPattern, { error: () => 'an experiment id of lowercase letters, digits and dashes' });
export const experimentList = list('a comma-separated list of experiment ids')
  .refine((ids) => ids.length >= 1 && ids.length <= 8 && ids.every((id) => idPattern.test(id)), { error: () => 'a comma-separated list of 1–8 experiment ids' });

/** The hidden props the remark plugin adds: where the element stands, and the page's experiments. */
export const base = { __source: z.string().optional(), __experiments: z.string().optional() };

/** A component's prop schema: a strict zod object (unknown props are errors). */
export type PropSchema = z.ZodType<unknown, Record<string, unknown>> & { readonly shape: Record<string, unknown> };

/**
 * Validates the props of `component` with its `schema` and returns them with defaults and numbers parsed.
 * @throws PropError for the first bad prop.
 */
export function parseWith<S extends z.ZodType>(component: string, schema: S, props: Record<string, unknown>): z.output<S> {
  const source = typeof props.__source === 'string' ? props.__source : undefined;
  const result = schema.safeParse(props);
  if (result.success) return result.data as z.output<S>;
  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys' && (schema as { readerOnly?: readonly string[] }).readerOnly?.includes(issue.keys[0])) {
    throw new PropError(component, issue.keys[0], 'left out: the reader sets it with the figure\'s own control (it is not a prop)', props[issue.keys[0]], source);
  }
  if (issue.code === 'unrecognized_keys') {
    const allowed = Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape).filter((k) => !k.startsWith('__'));
    throw new PropError(component, issue.keys[0], `one of the known props (${allowed.join(', ')})`, props[issue.keys[0]], source);
  }
  const prop = String(issue.path[0] ?? '?');
  throw new PropError(component, prop, issue.message, props[prop], source);
}

/**
 * The prop schema of an explorer declared with kit/settings.ts: each setting optional with its
 * default and checked against its bounds (a select's number within min–max, a list as "a, b"),
 * plus the props in `extra` that are not settings (an id); reader-only settings are not props;
 * unknown props are errors.
 */
export function propSchema<S extends Settings, E extends Record<string, z.ZodType> = Record<never, never>>(settings: S, extra?: E) {
  const prop = (s: Setting): z.ZodType => {
    const ok = (v: unknown) => accepts(s.kind === 'number' ? { ...s, options: undefined } : s, v);
    if (s.kind === 'choice') return choice(s.values as [string, ...string[]]).default(s.default);
    if (s.kind === 'list') return list(allowed(s)).refine(ok, { error: () => allowed(s) }).default([...s.default]);
    return number(allowed(s), ok).default(s.default);
  };
  const shape = Object.fromEntries(Object.entries(settings).filter(([, s]) => !s.readerOnly).map(([k, s]) => [k, prop(s)]));
  type Props = { [K in keyof S as S[K] extends { readerOnly: true } ? never : K]: z.ZodType<Values<S>[K]> };
  const readerOnly = Object.keys(settings).filter((k) => settings[k].readerOnly);
  return Object.assign(z.object({ ...base, ...shape, ...extra } as typeof base & Props & E).strict(), { readerOnly });
}
