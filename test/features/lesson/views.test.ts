import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../../src/engine/index.ts';
import { lessonData } from '../../../src/run/memo.ts';
import { buildTimeRun } from '../../../src/prerender/build-run.ts';
import fc from 'fast-check';
import { figureView, PAGE_STATUS_BUILT, pageStatusRoom, pageStatusText, statusText, type FigureKind } from '../../../src/features/lesson/views.ts';
import type { ExperimentDecl } from '../../../src/run/experiment.ts';

const decl = (id: string, over: Partial<ExperimentDecl['config']> = {}): ExperimentDecl => ({ id, label: `${id} label`, comment: `${id} comment`, config: { ...DEFAULT_TRAIN_CONFIG, iterations: 2000, ...over } });
const data = lessonData();

const zeros = await buildTimeRun(decl('zeros', { init: 'zeros' }));
const lecun = await buildTimeRun(decl('lecun'));

describe('figure views', () => {
  it('builds a cost curve whose caption and table carry the numbers', () => {
    const v = figureView('cost-curve', [lecun], data);
    expect(v.plot).toBeDefined();
    expect(v.complete).toBe(true);
    expect(v.caption).toContain('0.788');
    expect(v.table.columns).toContain('iteration');
  });

  it('prints the training log with true iteration labels', () => {
    const v = figureView('training-log', [lecun], data);
    expect(v.html).toContain('Cost after iteration 0: 0.788206');
    expect(v.html).toContain('Cost after iteration 1000: 0.226253');
    expect(v.table.rows).toHaveLength(2);
  });

  it('prints the log at a shorter interval when asked (every={50} on a run recorded every 10)', async () => {
    const short = await buildTimeRun(decl('short', { iterations: 300, recordEvery: 10 }));
    const v = figureView('training-log', [short], data, { every: 50 });
    expect(v.table.rows.map((r) => r[0])).toEqual([0, 50, 100, 150, 200, 250]);
    expect(figureView('training-log', [short], data).table.rows.map((r) => r[0])).toEqual([0]);
  });

  it('shows the parameters before training as matrices', () => {
    const v = figureView('parameters', [zeros], data, { at: 'initial' });
    expect(v.caption).toBe('Every weight and bias is exactly 0.');
    expect(v.html).toContain('W[1] (3\u00a0×\u00a02)');
    expect(v.table.rows).toHaveLength(13);
  });

  it('reports accuracy and the correct F1', () => {
    const v = figureView('metrics', [zeros], data);
    expect(v.html).toContain('<dd>0.5</dd>');
    expect(v.caption).toContain('F1 for class 1 0.0000');
    // Zero initialization predicts 0 everywhere: precision is 0/0, shown as undefined beside the 0 it counts as.
    expect(v.caption).toContain('(precision 0.0000 (undefined, no point predicted 1; counted as 0), recall 0.0000)');
    expect(v.html).toContain('<dd>0.0000 (0/0)</dd>');
    const good = figureView('metrics', [lecun], data);
    expect(good.caption).toMatch(/\(precision 0\.\d{4}, recall 0\.\d{4}\)/);
  });

  it('summarizes several runs in the order given', () => {
    const v = figureView('summary-table', [zeros, lecun], data);
    expect(v.table.rows.map((r) => r[0])).toEqual(['2/3/1 network, zeros label', '2/3/1 network, lecun label']);
    expect(v.check).toMatch(/^zeros:0\.693147:0\.5:500,0,500,0 lecun:/);
    expect(figureView('summary-figure', [zeros, lecun], data).caption).toContain('3 panels');
  });

  it('keeps what a diverged run computed and says where it diverged', async () => {
    const run = await buildTimeRun(decl('wild', { init: 'normal', scale: 3, hidden: 'relu', learningRate: 1000, iterations: 500, recordEvery: 10 }));
    expect(run.status.state).toBe('diverged');
    for (const kind of ['cost-curve', 'training-log', 'parameters', 'scatter', 'metrics', 'summary-table'] as FigureKind[]) {
      const v = figureView(kind, [run], data, { every: 10 });
      expect(v.complete).toBe(true);
      expect(v.caption.length).toBeGreaterThan(10);
    }
    expect(figureView('training-log', [run], data, { every: 10 }).html).toContain(run.status.message);
    expect(run.status.message).toMatch(/^diverged at iteration \d+$/);
    expect(statusText([run], true)).toContain('diverged at iteration');
  });

  it('escapes labels', async () => {
    const evil = await buildTimeRun({ ...decl('x'), label: '<img src=x onerror=alert(1)>' });
    const v = figureView('summary-table', [evil], data);
    expect(v.html).not.toContain('<img');
    expect(v.html).toContain('&lt;img');
  });

  it('rejects unknown kinds and empty run lists', () => {
    expect(() => figureView('pie' as FigureKind, [lecun], data)).toThrow(/unknown figure kind "pie"/);
    expect(() => figureView('cost-curve', [], data)).toThrow(/at least one experiment/);
  });
});

describe('pageStatusText', () => {
  it('says what the page shows before, during and after the browser recomputes it', () => {
    expect(pageStatusText(17, 0, 0, 0)).toBe('The figures show the numbers computed when the site was built; your browser recomputes the 17 experiment figures as you scroll to them.');
    expect(pageStatusText(17, 6, 4, 0)).toBe('Recomputing in your browser as you read: 4 of 17 experiment figures done, matching the build so far.');
    expect(pageStatusText(17, 17, 17, 0)).toBe('Your browser recomputed all 17 experiment figures on this page: the numbers match the build.');
  });

  it('counts the figures that differ from the build', () => {
    expect(pageStatusText(3, 3, 3, 1)).toBe('Your browser recomputed all 3 experiment figures on this page: 1 differ from the build and say how.');
    expect(pageStatusText(1, 1, 0, 0)).toContain('0 of 1 experiment figure done');
  });

  it('keeps room for every text it takes while the numbers match, on a page of up to 99 figures', () => {
    const room = pageStatusRoom();
    expect(room[0]).toBe(PAGE_STATUS_BUILT);
    // Each text shares its words with one room text of its kind (same words, counts of at most two digits), so it wraps to no more lines.
    const kind = (t: string) => t.replace(/\d+/g, '#').replace(/figures/g, 'figure');
    const widest = new Map(room.map((t) => [kind(t), t.length]));
    fc.assert(fc.property(fc.integer({ min: 1, max: 99 }).chain((total) => fc.tuple(fc.constant(total), fc.integer({ min: 0, max: total }), fc.integer({ min: 0, max: total })))
      .map(([total, a, b]) => [total, Math.max(a, b), Math.min(a, b)] as const), ([total, started, done]) => {
      const text = pageStatusText(total, started, done, 0);
      expect(widest.has(kind(text)), text).toBe(true);
      expect(text.length).toBeLessThanOrEqual(widest.get(kind(text))!);
    }));
  });
});
