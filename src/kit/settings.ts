/**
 * An explorer's settings, declared once with their bounds (features/<name>/schema.ts): the URL specs
 * (browser), the prop schema (kit/props.ts `propSchema`, build time), the sliders' min/max and the
 * log sliders' ranges all derive from it. Plain data, no zod, so an island can import it without
 * growing its bundle.
 */
import type { LogRange } from './log-slider.ts';
import { param, type ParamSpec, type Specs } from './url-state.ts';

/** Who sets a setting: both by default; `readerOnly` is not an MDX prop, `authorOnly` is not in links. */
interface Audience {
  readonly readerOnly?: boolean;
  readonly authorOnly?: boolean;
}

/** A number between `min` and `max` (an integer if `integer`), moved in steps of `step`. */
export interface NumberSetting extends Audience {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
  readonly integer?: boolean;
  /** Set on a log-scale slider (it moves log10 of the value): significant digits a position gives. */
  readonly logDigits?: number;
  /** Set when a select offers only these values: a link may ask for one of them or for the page's own default. */
  readonly options?: readonly number[];
}

/** One of `values`. */
export interface ChoiceSetting<T extends string = string> extends Audience {
  readonly kind: 'choice';
  readonly values: readonly T[];
  readonly default: T;
}

/** One of the numbers `values` (a select), e.g. a mini-batch size. */
export interface NumberChoiceSetting extends Audience {
  readonly kind: 'number-choice';
  readonly values: readonly number[];
  readonly default: number;
}

/** Between `min` and `max` distinct items of `values` (checkboxes), written "a,b,c". */
export interface ListSetting<T extends string = string> extends Audience {
  readonly kind: 'list';
  readonly values: readonly T[];
  readonly min: number;
  readonly max: number;
  readonly default: readonly T[];
}

export type Setting = NumberSetting | ChoiceSetting | NumberChoiceSetting | ListSetting;
export type Settings = Readonly<Record<string, Setting>>;

/** The value type of one setting. */
export type ValueOf<S extends Setting> = S extends ChoiceSetting<infer T> ? T : S extends ListSetting<infer T> ? T[] : number;
/** The values a declaration describes: a number, one of the choice's strings, or a list of them. */
export type Values<S extends Settings> = { -readonly [K in keyof S]: ValueOf<S[K]> };

/** A bound as the lesson's text writes it: a minus sign, not a hyphen. */
const signed = (n: number): string => (n < 0 ? `−${-n}` : String(n));

/** What a setting allows, in the words errors and notices use: "a number from 1 to 10", "one of tanh, relu". */
export function allowed(s: Setting): string {
  switch (s.kind) {
    case 'choice':
    case 'number-choice': return `one of ${s.values.join(', ')}`;
    case 'list': return `a comma-separated list of ${s.min}–${s.max} of ${s.values.join(', ')}, each at most once`;
    default: return `${s.integer ? 'an integer' : 'a number'} from ${signed(s.min)} to ${signed(s.max)}`;
  }
}

/** The defaults of every setting. */
export function defaultsOf<S extends Settings>(settings: S): Values<S> {
  return Object.fromEntries(Object.entries(settings).map(([k, s]) => [k, Array.isArray(s.default) ? [...s.default] : s.default])) as Values<S>;
}

/** The values with each setting's bounds checked: what a link, a prop or a test may give. */
export function accepts(s: Setting, value: unknown): boolean {
  switch (s.kind) {
    case 'choice': return (s.values as readonly unknown[]).includes(value);
    case 'number-choice': return s.values.includes(value as number);
    case 'list': return Array.isArray(value) && value.length >= s.min && value.length <= s.max && new Set(value).size === value.length
      && value.every((v) => (s.values as readonly unknown[]).includes(v));
    default: return typeof value === 'number' && value >= s.min && value <= s.max && (!s.integer || Number.isInteger(value));
  }
}

/**
 * The URL spec of one setting (url-state.ts), with the same bounds. A setting with `options` takes
 * one of them, or `pageDefault` (what the page's props chose, which its select offers too).
 */
export function urlSpec(s: Setting, pageDefault?: number): ParamSpec<unknown> {
  switch (s.kind) {
    case 'choice': return param.choice(s.values);
    case 'number-choice': return param.numberChoice(s.values);
    case 'list': return { ...param.list(s.values, s.min, s.max), allowed: allowed(s) };
    default:
      if (s.options) return param.numberChoice(withOption(s.options, pageDefault ?? s.default));
      return { ...param.number(s.min, s.max, { integer: s.integer }), allowed: allowed(s) };
  }
}

/**
 * The URL specs of every setting a link may carry (not the author-only ones); `defaults` (the page's
 * props) extend the options of select settings.
 */
export function urlSpecs<S extends Settings>(settings: S, defaults?: Partial<Values<S>>): Specs<Values<S>> {
  const inLinks = Object.entries(settings).filter(([, s]) => !s.authorOnly);
  return Object.fromEntries(inLinks.map(([k, s]) => [k, urlSpec(s, defaults?.[k] as number | undefined)])) as unknown as Specs<Values<S>>;
}

/** `options` with `value` added in order when it is not one of them (a page's own default). */
export function withOption(options: readonly number[], value: number): number[] {
  return options.includes(value) ? [...options] : [...options, value].sort((a, b) => a - b);
}

/** The log sliders' ranges (kit/log-slider.ts), keyed like the settings that have `logDigits`. */
export function logRanges(settings: Settings): Record<string, LogRange> {
  const out: Record<string, LogRange> = {};
  for (const [k, s] of Object.entries(settings)) if (s.kind === 'number' && s.logDigits) out[k] = { min: s.min, max: s.max, digits: s.logDigits };
  return out;
}

/** A slider's attributes for a number setting: linear (min, max, step), or log10 of them for a log slider. */
export function sliderRange(s: NumberSetting): { min: number; max: number; step: number } {
  return s.logDigits ? { min: Math.log10(s.min), max: Math.log10(s.max), step: 0.1 } : { min: s.min, max: s.max, step: s.step };
}
