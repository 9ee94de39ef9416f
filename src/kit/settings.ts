/**
 * An explorer's settings, declared once with their bounds: the URL specs (browser), the prop
 * schema (kit/props.ts `propSchema`, build time) and the sliders' min/max all derive from it.
 * Plain data, no zod, so an island can import it without growing its bundle.
 */
import { param, type ParamSpec, type Specs } from './url-state.ts';

/** A number between `min` and `max` (an integer if `integer`), moved in steps of `step`. */
export interface NumberSetting {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
  readonly integer?: boolean;
}

/** One of `values`. */
export interface ChoiceSetting<T extends string = string> {
  readonly kind: 'choice';
  readonly values: readonly T[];
  readonly default: T;
}

export type Setting = NumberSetting | ChoiceSetting;
export type Settings = Readonly<Record<string, Setting>>;

/** The values a declaration describes: a number, or one of the choice's strings. */
export type Values<S extends Settings> = { -readonly [K in keyof S]: S[K] extends ChoiceSetting<infer T> ? T : number };

/** What a setting allows, in the words errors and notices use: "a number from 1 to 10", "one of tanh, relu". */
export function allowed(s: Setting): string {
  return s.kind === 'choice' ? `one of ${s.values.join(', ')}` : `${s.integer ? 'an integer' : 'a number'} from ${s.min} to ${s.max}`;
}

/** The defaults of every setting. */
export function defaultsOf<S extends Settings>(settings: S): Values<S> {
  return Object.fromEntries(Object.entries(settings).map(([k, s]) => [k, s.default])) as Values<S>;
}

/** The URL specs of every setting (url-state.ts): the same bounds, read from the declaration. */
export function urlSpecs<S extends Settings>(settings: S): Specs<Values<S>> {
  const spec = (s: Setting): ParamSpec<unknown> => (s.kind === 'choice' ? param.choice(s.values) : param.number(s.min, s.max, { integer: s.integer }));
  return Object.fromEntries(Object.entries(settings).map(([k, s]) => [k, spec(s)])) as unknown as Specs<Values<S>>;
}
