/**
 * Build-time logic of <RunValue>: find the run a number comes from (a declared <Experiment>, or one
 * scheme of an <InitComparison>) in the same build-time memo the figures draw from, read the value
 * and format it. Prose and figure then print the same training, so they cannot disagree.
 */
import { fmtInt } from '../charts/browser.ts';
import type { ComparisonSettings, SchemeRun } from '../features/init-comparison/views.ts';
import { buildTimeRun } from '../prerender/build-run.ts';
import type { RunSnapshot } from '../run/run.ts';
import { cachedJob } from '../prerender/run-cache.ts';
import { resolveExperiments } from '../features/lesson/figure-props.ts';
import { PropError } from '../kit/props.ts';
import { componentSchemas, parseProps, RUN_VALUES } from './props.ts';
import type { z } from 'astro/zod';

type RunValueProps = z.output<typeof componentSchemas.RunValue>;
type ComparisonProps = z.output<typeof componentSchemas.InitComparison>;

/** The settings an <InitComparison> starts from (and prerenders): its props plus the display defaults. */
export function comparisonDefaults(p: ComparisonProps): ComparisonSettings {
  return {
    schemes: [...p.schemes] as ComparisonSettings['schemes'], hidden: p.hidden, width: p.width, learningRate: p.learningRate,
    iterations: p.iterations, scale: p.scale, seed: p.seed, yScale: p.yScale, threshold: 0.25, speed: 3,
  };
}

/** The comparison's runs trained to the end: the build's cached job, shared with the figure. */
export function prerenderedComparison(settings: ComparisonSettings): Promise<SchemeRun[]> {
  return cachedJob('comparison', settings);
}

/** What a value is read from, whichever component trained the run. */
export interface ValueSource {
  /** How errors and the tooltip name the run, e.g. 'experiment "he"'. */
  readonly name: string;
  readonly status: RunSnapshot['status'];
  readonly iterations: readonly number[];
  readonly costs: readonly number[];
  readonly gradientNorms?: readonly (readonly number[])[];
  readonly finalCost?: number;
  readonly accuracy?: number;
  readonly f1?: number;
}

export const experimentSource = (run: RunSnapshot): ValueSource => ({
  name: `experiment "${run.id}"`, status: run.status, iterations: run.history.iterations, costs: run.history.costs,
  gradientNorms: run.history.gradientNorms, finalCost: run.result?.finalCost, accuracy: run.result?.report.accuracy, f1: run.result?.report.f1,
});

export const comparisonSource = (comparison: string, run: SchemeRun): ValueSource => ({
  name: `scheme "${run.scheme}" of comparison "${comparison}"`, status: run.status, iterations: run.iterations, costs: run.costs,
  finalCost: run.finalCost, accuracy: run.accuracy,
});

type Spec = Pick<RunValueProps, 'value' | 'at' | 'layer'> & { readonly __source?: string };

/** The record index of iteration `at`, or a PropError listing what was recorded. */
function recordAt(s: ValueSource, at: number, source?: string): number {
  const i = s.iterations.indexOf(at);
  if (i >= 0) return i;
  const its = s.iterations;
  const recorded = its.length === 0 ? 'none (the run recorded nothing)' : its.length > 6 ? `${its.slice(0, 3).join(', ')}, …, ${its.at(-1)}` : its.join(', ');
  throw new PropError('RunValue', 'at', `an iteration ${s.name} recorded (${recorded})`, at, source);
}

/** The number `spec` asks for. @throws PropError when the run does not have it (diverged, not recorded, no such layer). */
export function readRunValue(s: ValueSource, spec: Spec): number {
  const src = spec.__source;
  const missing = (what: string): never => {
    throw new PropError('RunValue', 'value', `a value ${s.name} has: it ${what}`, spec.value, src);
  };
  switch (spec.value) {
    case 'cost': {
      if (spec.at !== undefined) return s.costs[recordAt(s, spec.at, src)];
      if (s.finalCost === undefined || !Number.isFinite(s.finalCost)) missing(`has no finite final cost (${s.status.message})`);
      return s.finalCost!;
    }
    case 'accuracy':
    case 'f1': {
      const v = s[spec.value];
      if (v === undefined) missing(`does not report ${spec.value === 'f1' ? 'an F1 score' : 'an accuracy'}`);
      return v!;
    }
    case 'divergedAt':
      if (s.status.state !== 'diverged') missing(`did not diverge (${s.status.message})`);
      return (s.status as { iteration: number }).iteration;
    case 'gradientNorm': {
      if (!s.gradientNorms) missing('does not record gradient norms (only experiments do)');
      const norms = s.gradientNorms![recordAt(s, spec.at ?? 0, src)];
      const l = spec.layer!;
      if (l > norms.length) throw new PropError('RunValue', 'layer', `a layer of ${s.name}, 1 to ${norms.length}`, l, src);
      return norms[l - 1];
    }
  }
  throw new PropError('RunValue', 'value', `one of ${RUN_VALUES.join(', ')}`, spec.value, src);
}

/**
 * The value as prose prints it. With `digits`, that many decimals; else cost 3, F1 4, accuracy up to
 * 3 (0.5, 0.742), iterations as integers, ‖dW‖ 3 significant digits; exactly 0 prints "0".
 * `percent` prints 100·v with `digits` (default 0) decimals and " %".
 */
export function formatRunValue(v: number, p: Pick<RunValueProps, 'value' | 'digits' | 'percent'>): string {
  if (p.percent) return `${(100 * v).toFixed(p.digits ?? 0)} %`;
  if (p.digits !== undefined) return v.toFixed(p.digits);
  if (v === 0) return '0';
  switch (p.value) {
    case 'cost': return v.toFixed(3);
    case 'f1': return v.toFixed(4);
    case 'accuracy': return String(Number(v.toFixed(3)));
    case 'divergedAt': return fmtInt(v);
    default: return Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4 ? v.toExponential(2) : String(Number(v.toPrecision(3)));
  }
}

/** Words for the tooltip: what the number is and where it comes from. */
function describeValue(p: RunValueProps, s: ValueSource): string {
  const what = { cost: p.at === undefined ? 'final cost' : `cost at iteration ${p.at}`, accuracy: 'accuracy', f1: 'F1 score', divergedAt: 'iteration of divergence', gradientNorm: `‖dW[${p.layer}]‖ at iteration ${p.at ?? 0}` }[p.value];
  return `${what} of ${s.name}, computed by the engine when the site was built`;
}

/**
 * Validates <RunValue> props (with the experiments and comparison the remark plugin attached) and
 * returns the text to print and its description. @throws PropError naming the prop.
 */
export async function renderRunValue(props: Record<string, unknown>): Promise<{ text: string; title: string }> {
  const p = parseProps('RunValue', props);
  const src = p.__source;
  let s: ValueSource;
  if (p.experiment !== undefined) {
    const [decl] = resolveExperiments('RunValue', props, [p.experiment], 'experiment');
    s = experimentSource(await buildTimeRun(decl));
  } else {
    let attached: Record<string, unknown> | undefined;
    try {
      attached = p.__comparison ? JSON.parse(p.__comparison) : undefined;
    } catch {
      attached = undefined;
    }
    if (!attached) throw new PropError('RunValue', 'comparison', 'the id of an <InitComparison id="…"> in the same MDX file', p.comparison, src);
    const settings = comparisonDefaults(parseProps('InitComparison', { ...attached, __source: src }));
    const run = (await prerenderedComparison(settings)).find((r) => r.scheme === p.scheme);
    if (!run) throw new PropError('RunValue', 'scheme', `one of the schemes of comparison "${p.comparison}" (${settings.schemes.join(', ')})`, p.scheme, src);
    s = comparisonSource(p.comparison!, run);
  }
  const v = readRunValue(s, p);
  return { text: formatRunValue(v, p), title: describeValue(p, s) };
}
