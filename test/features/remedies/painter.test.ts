import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { planar } from '../../../src/engine/index.ts';
import { RemediesPainter } from '../../../src/features/remedies/painter.ts';
import { DEFAULT_REMEDIES_SETTINGS, type RemediesSettings } from '../../../src/features/remedies/settings.ts';
import { buildRemediesSnapshot, type RemediesSnapshot, type VariantRun } from '../../../src/features/remedies/views.ts';

const figure = (name: string) => `<figure data-chart="${name}"><div class="figure-title"></div><div class="figure-body"><p>prerendered</p></div>`
  + '<figcaption class="figure-caption"></figcaption><div class="figure-table"></div></figure>';
const page = () => {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${['gradients-0', 'gradients-1', 'gradients-2', 'gradients-3', 'costs', 'summary'].map(figure).join('')}</div></body></html>`);
  return document.getElementById('root') as unknown as HTMLElement;
};

const settings: RemediesSettings = { ...DEFAULT_REMEDIES_SETTINGS, depth: 4, iterations: 20, variants: ['plain', 'residual'] };
const done = buildRemediesSnapshot(settings, planar.generate());
/** The finished runs cut back to their first `n` records, still running: what a report mid-run brings. */
const at = (n: number): RemediesSnapshot => ({
  settings,
  runs: done.runs.map((r): VariantRun => ({
    ...r, iteration: n, status: { state: 'running', message: 'running' },
    history: { iterations: r.history.iterations.slice(0, n), costs: r.history.costs.slice(0, n), gradientNorms: r.history.gradientNorms.slice(0, n), globalNorms: [] },
  })),
});
/** Every job the painter hands out for snapshot `s` until the page is current, by piece. */
const drain = (p: RemediesPainter, s: RemediesSnapshot): string[] => {
  const pieces: string[] = [];
  for (let job = p.next(s, 400); job; job = p.next(s, 400)) {
    job.commit();
    pieces.push(job.piece);
  }
  return pieces;
};

describe('RemediesPainter', () => {
  it('keeps the charts shown while the runs have no record yet, and updates only the summary', () => {
    const root = page();
    const p = new RemediesPainter(root);
    expect(drain(p, at(0))).toEqual(['gradients-2', 'gradients-3', 'summary']);
    expect(root.querySelector('[data-chart="gradients-0"] .figure-body')!.textContent).toBe('prerendered');
    expect((root.querySelector('[data-chart="gradients-2"]') as HTMLElement).hidden).toBe(true);
  });

  it('keeps the build\'s charts when the runs stop before a record (a failed worker), but says so for a divergence', () => {
    const stopped = (state: 'cancelled' | 'diverged'): RemediesSnapshot => ({
      ...at(0), runs: at(0).runs.map((r) => ({ ...r, status: { state, iteration: 0, message: state === 'diverged' ? 'diverged at iteration 1' : 'failed: the training worker failed to load' } })),
    });
    const root = page();
    expect(drain(new RemediesPainter(root), stopped('cancelled'))).toEqual(['gradients-2', 'gradients-3', 'summary']);
    for (const chart of ['gradients-0', 'gradients-1', 'costs']) expect(root.querySelector(`[data-chart="${chart}"] .figure-body`)!.textContent).toBe('prerendered');
    const diverged = page();
    expect(drain(new RemediesPainter(diverged), stopped('diverged'))).toContain('gradients-0');
    expect(diverged.querySelector('[data-chart="gradients-0"] .figure-body')!.textContent).toBe('This run diverged at iteration 1, before its first record.');
  });

  it('draws a chart as soon as its run has one record, and marks it as a chart', () => {
    const p = new RemediesPainter(page());
    const job = p.next(at(1), 400)!;
    expect(job).toMatchObject({ piece: 'gradients-0', chart: true });
  });

  it('gives every chart its turn while the runs stream, instead of redrawing the first one', () => {
    const p = new RemediesPainter(page());
    const order: string[] = [];
    // One piece per report, as renders do while runs play: each report changes every run's history.
    for (let n = 1; n <= 6; n++) {
      const job = p.next(at(n), 400);
      job?.commit();
      order.push(job?.piece ?? 'none');
    }
    expect(order).toEqual(['gradients-0', 'gradients-1', 'gradients-2', 'gradients-3', 'costs', 'summary']);
    expect(p.shown('costs')?.table.rows).toHaveLength(5);
  });

  it('warms up on a run without touching the page, and leaves the next job unchanged', () => {
    const root = page();
    const before = root.innerHTML;
    const p = new RemediesPainter(root);
    p.warm(at(1).runs[0], 400)();
    expect(root.innerHTML).toBe(before);
    expect(p.next(at(1), 400)).toMatchObject({ piece: 'gradients-0', chart: true });
  });

  it('has nothing left to do once the page shows the snapshot', () => {
    const p = new RemediesPainter(page());
    drain(p, done);
    expect(p.next(done, 400)).toBeNull();
    expect(p.next(done, 300)?.piece).toBe('gradients-0');
  });
});
