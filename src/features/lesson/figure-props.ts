/**
 * Build-time preparation shared by the experiment figure components: validate props, resolve
 * the experiments the remark plugin attached, train them (cached on disk) and compute the view.
 */
import { lessonData } from '../../run/memo.ts';
import { buildTimeRun } from '../../prerender/build-run.ts';
import type { RunSnapshot } from '../../run/run.ts';
import { figureView, type FigureKind, type FigureOptions, type FigureView } from './views.ts';
import { PropError } from '../../kit/props.ts';
import { componentSchemas, parseProps } from '../../components/props.ts';
import type { ExperimentDecl } from '../../run/experiment.ts';

/**
 * Width in CSS px the build draws lesson charts at: the text column (`--prose: 42rem` in
 * styles/global.css, at the default 16 px) that a lesson figure fills on any laptop or wider
 * screen. There the live page keeps the prerender instead of drawing every chart again.
 */
export const PROSE_CHART_WIDTH = 42 * 16;

/** What Figure.astro needs to prerender a figure and hand it to the live island. */
export interface PreparedFigure {
  readonly kind: FigureKind;
  readonly decls: ExperimentDecl[];
  /** The experiments' build-time runs, in the order of `decls`. */
  readonly runs: RunSnapshot[];
  readonly options: FigureOptions;
  readonly view: FigureView;
}

/** The experiments a figure refers to, in the order written, from the remark plugin's `__experiments`. */
export function resolveExperiments(component: string, props: Record<string, unknown>, ids: string[], prop: string): ExperimentDecl[] {
  const source = typeof props.__source === 'string' ? props.__source : undefined;
  let declared: ExperimentDecl[] = [];
  try {
    declared = JSON.parse(typeof props.__experiments === 'string' ? props.__experiments : '[]');
  } catch {
    // Not written by the remark plugin: every id is then reported as undeclared.
  }
  return ids.map((id) => {
    const decl = declared.find((d) => d.id === id);
    if (!decl) {
      const known = declared.map((d) => d.id);
      throw new PropError(component, prop, known.length ? `one of the experiments declared in this lesson (${known.join(', ')})` : 'an experiment declared with <Experiment id="…"> earlier in the same MDX file', id, source);
    }
    return decl;
  });
}

/** Validates `props` of `component` and prepares figure `kind`. @throws PropError for a bad prop. */
export async function prepareFigure(component: keyof typeof componentSchemas, kind: FigureKind, props: Record<string, unknown>): Promise<PreparedFigure> {
  const p = parseProps(component, props) as Record<string, unknown>;
  const list = Array.isArray(p.experiments) ? (p.experiments as string[]) : [];
  const ids = typeof p.experiment === 'string' ? [p.experiment, ...list] : list;
  if (ids.length === 0) throw new PropError(component, 'experiment', 'an experiment id (or experiments="a,b")', undefined, p.__source as string | undefined);
  const decls = resolveExperiments(component, props, ids, typeof p.experiment === 'string' ? 'experiment' : 'experiments');
  const options: FigureOptions = {
    title: p.title as string | undefined, yScale: p.yScale as FigureOptions['yScale'], threshold: p.threshold as number | undefined,
    every: p.every as number | undefined, at: p.at as FigureOptions['at'],
  };
  const runs = await Promise.all(decls.map(buildTimeRun));
  return { kind, decls, runs, options, view: figureView(kind, runs, lessonData(), { ...options, width: PROSE_CHART_WIDTH }) };
}
