/**
 * Helpers of the lessons' claims tests: read a lesson, find where a quoted claim is (so the test
 * names cite the real line, and fail when the quote is gone), read the settings the lesson states
 * in its components' props, and train those settings once per file with the engine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { componentSchemas, parseProps } from '~/components/props.ts';
import { parseExperiment, type ExperimentDecl } from '~/run/experiment.ts';
import { formatRunValue, readRunValue, type ValueSource } from '~/components/run-value.ts';
import { getInitializer, planar, train, type Dataset, type Trainer, type TrainConfig, type TrainSummary } from '~/engine/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A claim the engine checks: a short quote of the MDX source and the assertion. */
export interface Claim {
  readonly quote: string;
  readonly check: () => void;
}

/** A claim the engine cannot check, and why. */
export interface Unchecked {
  readonly quote: string;
  readonly reason: string;
}

/** A lesson's MDX source, with quotes located by line. */
export class Lesson {
  readonly path: string;
  readonly text: string;
  private readonly flat: string;
  private readonly lineAt: number[] = [];

  constructor(slug: string) {
    this.path = `content/lessons/${slug}.mdx`;
    this.text = readFileSync(`${root}${this.path}`, 'utf8');
    // Whitespace (line breaks included) collapses to one space, so a quote may span source lines.
    let flat = '';
    let line = 1;
    for (const ch of this.text) {
      if (ch === '\n') line++;
      if (/\s/.test(ch)) {
        if (!flat.endsWith(' ')) {
          flat += ' ';
          this.lineAt.push(line);
        }
      } else {
        flat += ch;
        this.lineAt.push(line);
      }
    }
    this.flat = flat;
  }

  /** The line where `quote` starts, or null if it is not in the lesson. @throws if it occurs twice (the citation would be ambiguous). */
  lineOf(quote: string): number | null {
    const q = quote.replace(/\s+/g, ' ').trim();
    const i = this.flat.indexOf(q);
    if (i < 0) return null;
    if (this.flat.indexOf(q, i + 1) >= 0) throw new Error(`"${quote}" occurs more than once in ${this.path}: quote more of it`);
    return this.lineAt[i];
  }

  /** The props written on every `<name …/>` of the lesson (literal strings and {numbers}), in order. */
  props(name: string): Record<string, unknown>[] {
    const tags = [...this.text.matchAll(new RegExp(`<${name}\\b([^>]*?)/>`, 'g'))];
    return tags.map(([, attrs]) => {
      const props: Record<string, unknown> = {};
      for (const [, key, str, expr] of attrs.matchAll(/(\w+)(?:="([^"]*)"|=\{([^}]*)\})?/g)) {
        props[key] = str ?? (expr === undefined ? true : Number(expr));
      }
      return props;
    });
  }

  /** The `<Experiment id=…>` the lesson declares, as the build parses it. */
  experiment(id: string): ExperimentDecl {
    const props = this.props('Experiment').find((p) => p.id === id);
    if (!props) throw new Error(`${this.path} declares no <Experiment id="${id}">`);
    return parseExperiment(props);
  }

  /** The props of the lesson's only (or its `id`) `<component>`, with the component's defaults filled in. */
  component<N extends keyof typeof componentSchemas>(name: N, id?: string) {
    const all = this.props(name).filter((p) => id === undefined || p.id === id);
    if (all.length !== 1) throw new Error(`${this.path} has ${all.length} <${name}${id ? ` id="${id}"` : ''}>, expected one`);
    return parseProps(name, all[0]);
  }
}

/**
 * Registers one test per claim, named "file:line "quote"", plus the tripwires: every quote (checked
 * or not) must still be in the lesson, and there must be at least `min` checked claims.
 */
export function claimTests(lesson: Lesson, checked: readonly Claim[], unchecked: readonly Unchecked[], min: number): void {
  for (const c of checked) {
    let line: number | null | string;
    try {
      line = lesson.lineOf(c.quote);
    } catch (e) {
      line = (e as Error).message;
    }
    it(`${lesson.path}:${line ?? 'MISSING'} "${c.quote}"`, () => {
      expect(line, `the claim "${c.quote}" is no longer in ${lesson.path}: edit this test with the prose`).toBeTypeOf('number');
      c.check();
    });
  }
  it(`lists at least ${min} checked claims, and the unchecked ones are still in the lesson, each with a reason`, () => {
    expect(checked.length).toBeGreaterThanOrEqual(min);
    for (const u of unchecked) {
      expect(lesson.lineOf(u.quote), `unchecked claim "${u.quote}" is no longer in ${lesson.path}`).toBeTypeOf('number');
      expect(u.reason.length).toBeGreaterThan(20);
    }
  });
}

let data: Dataset | undefined;
/** The planar dataset every lesson trains on. */
export const lessonData = (): Dataset => (data ??= planar.generate());

const runs = new Map<string, Trainer & TrainSummary>();
/**
 * `config` trained to the end with the engine, once per config in this test file (configs that differ
 * only in a scale their initializer ignores are the same run).
 */
export function run(config: TrainConfig): Trainer & TrainSummary {
  const key = JSON.stringify({ ...config, scale: getInitializer(config.init).usesScale ? config.scale : null });
  if (!runs.has(key)) runs.set(key, train(lessonData(), config));
  return runs.get(key)!;
}

/** A trained run as <RunValue> reads it. */
export const source = (t: Trainer & TrainSummary): ValueSource => ({
  name: 'run', status: t.status, iterations: t.history.iterations, costs: t.history.costs, gradientNorms: t.history.gradientNorms,
  finalCost: t.finalCost, accuracy: t.report.accuracy, f1: t.report.f1,
});

/** What `<RunValue value=… at=… digits=…>` prints for run `t`: the component's own reading and formatting. */
export function printed(t: Trainer & TrainSummary, p: { value: 'cost' | 'accuracy' | 'f1' | 'divergedAt' | 'gradientNorm'; at?: number; layer?: number; digits?: number; percent?: boolean }): string {
  return formatRunValue(readRunValue(source(t), p), { percent: false, ...p });
}
