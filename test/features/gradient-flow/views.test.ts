import { beforeAll, describe, expect, it } from 'vitest';
import { componentSchemas } from '../../../src/components/props.ts';
import { getInitializer, planar, predictedPreactivationVariance, secondMoment, type Dataset } from '../../../src/engine/index.ts';
import { buildFlowSnapshot, flowConfig, flowStatus, flowView, flowViews, histogramBins, recordEvery, varianceSeeds, type FlowSettings, type FlowSnapshot } from '../../../src/features/gradient-flow/views.ts';
import { EXPLODING_ABOVE, VANISHING_BELOW } from '../../../src/kit/chart-view.ts';

let data: Dataset;
beforeAll(() => {
  data = planar.generate();
});

const small: FlowSettings = { depth: 3, width: 8, hidden: 'tanh', init: 'lecun', scale: 1, learningRate: 0.5, iterations: 100, seed: 42 };
const gap = (a: readonly number[], b: readonly number[]) => Math.max(...a.map((v, i) => Math.abs(v / b[i] - 1)));

describe('settings → training config', () => {
  it('builds depth hidden layers of width units between 2 inputs and 1 output, about 30 records per run', () => {
    expect(flowConfig({ ...small, depth: 6, width: 16, iterations: 600 })).toEqual({
      layers: [2, 16, 16, 16, 16, 16, 16, 1], hidden: 'tanh', init: 'lecun', scale: 1, learningRate: 0.5, iterations: 600, seed: 42, recordEvery: 20,
    });
    expect([100, 600, 5000].map(recordEvery)).toEqual([3, 20, 167]);
  });

  it('has fixed histogram bins per activation', () => {
    expect(histogramBins('tanh')).toEqual({ bins: 40, lo: -1, hi: 1 });
    expect(histogramBins('sigmoid')).toEqual({ bins: 40, lo: 0, hi: 1 });
    expect(histogramBins('relu')).toEqual({ bins: 40, lo: 0, hi: 5 });
  });

  it('averages the variance over this seed and the next 15, wrapping at 2³²', () => {
    expect(varianceSeeds(42)).toEqual(Array.from({ length: 16 }, (_, k) => 42 + k));
    expect(varianceSeeds(0xffffffff).slice(0, 3)).toEqual([0xffffffff, 0, 1]);
  });

  it('takes its defaults from componentSchemas.GradientFlow: a 6 × 16 tanh network, normal × 0.01, 600 updates', () => {
    const d = componentSchemas.GradientFlow.parse({});
    expect(d).toMatchObject({ depth: 6, width: 16, hidden: 'tanh', init: 'normal', scale: 0.01, iterations: 600, learningRate: 0.1, seed: 42 });
  });
});

describe('the default run (normal × 0.01): every gradient vanishes', () => {
  let snap: FlowSnapshot;
  beforeAll(() => {
    const d = componentSchemas.GradientFlow.parse({});
    snap = buildFlowSnapshot({ ...d, init: d.init as FlowSettings['init'] }, data);
  }, 60_000); // 600 updates of a 6 × 16 network: a few seconds, more on a busy machine

  it('trains to the end and records every 20 iterations', () => {
    expect(snap.status).toEqual({ state: 'done', message: 'done: 600 iterations' });
    expect(snap.history.iterations.length).toBe(30);
    expect(snap.history.iterations.at(-1)).toBe(580);
    expect(flowStatus(snap)).toBe('Done: 600 iterations · last recorded cost 0.693147 (iteration 580)');
  });

  it('keeps all 7 gradient norms between 10⁻¹⁰ and the vanishing threshold, and says so', () => {
    for (const row of snap.history.gradientNorms) for (const v of row) expect(v).toBeGreaterThan(1e-10), expect(v).toBeLessThan(VANISHING_BELOW);
    const view = flowView('gradients', snap);
    expect(view.plot).toBeDefined();
    expect(view.caption).toMatch(/the vanishing range \(below 10⁻⁶\) holds every layer and the exploding range \(above 1,000\) holds no layer/);
    expect(view.caption).toMatch(/even 5,000 updates at learning rate 1 move a layer by less than 0\.005/);
    expect(view.table.columns).toEqual(['iteration', ...[1, 2, 3, 4, 5, 6, 7].map((l) => `‖dW[${l}]‖`)]);
    expect(view.table.rows.length).toBe(30);
  });

  it('shows histograms of the 6 hidden layers over [−1, 1], all near 0', () => {
    const view = flowView('histograms', snap);
    expect(view.table.columns).toEqual(['bin from', 'bin to', ...[1, 2, 3, 4, 5, 6].map((l) => `layer ${l} (%)`)]);
    expect(view.table.rows.length).toBe(40);
    expect(view.table.rows[0].slice(0, 2)).toEqual([-1, -0.95]);
    // The two middle bins around 0 hold every value of layer 6.
    expect(Number(view.table.rows[19][7]) + Number(view.table.rows[20][7])).toBeCloseTo(100, 6);
    expect(view.caption).toMatch(/^At iteration 600: Activations of 6 layers/);
    // The spread is the values' own, which the bins (0.05 wide) cannot show: layer 6's is about 3 × 10⁻⁹, as Var(z[6]) ≈ 10⁻¹⁷ says.
    expect(view.caption).toContain('the standard deviation goes from about 0.0265 in layer 1 to about 3.22 × 10⁻⁹ in layer 6');
  });

  it('measures this network from its first record and predicts from the same record', () => {
    const first = snap.history.activationStats[0];
    const measured = first.map((s) => s.zStd ** 2);
    // The first record is exactly the one-draw profile the worker computes.
    measured.forEach((v, l) => expect(v).toBeCloseTo(snap.single!.measured[l], 15));
    const predicted = predictedPreactivationVariance(snap.config.layers, getInitializer('normal'), 0.01, first, secondMoment(data.X));
    const view = flowView('network', snap);
    expect(view.table.rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(view.table.rows.map((r) => r[1])).toEqual(measured.slice(0, 6).map((v) => Number(v.toPrecision(4))));
    expect(view.table.rows.map((r) => r[2])).toEqual(predicted.slice(0, 6).map((v) => Number(v.toPrecision(4))));
    expect(view.caption).toMatch(/^One draw of the weights \(seed 42\)/);
    expect(view.caption).toMatch(/largest gap at layer \d/);
    expect(view.caption).toMatch(/The output layer is left out/);
  });

  it('sits within 20 % of the rule on average over 16 draws, while one draw misses by more', () => {
    const avg = snap.average!;
    const one = gap(snap.single!.measured.slice(0, 6), snap.single!.predicted.slice(0, 6));
    const many = gap(avg.measured.slice(0, 6), avg.predicted.slice(0, 6));
    expect(many).toBeLessThan(0.2);
    expect(one).toBeGreaterThan(many);
    expect(one).toBeGreaterThan(0.2);
    const view = flowView('average', snap);
    expect(view.caption).toMatch(/^Average over 16 draws \(seeds 42–57\)/);
    expect(view.caption).toContain(`within ${Number((many * 100).toPrecision(3))} % of the prediction`);
  });
});

describe('other runs', () => {
  it('LeCun + tanh keeps every layer out of both shaded ranges', () => {
    const snap = buildFlowSnapshot(small, data);
    const last = snap.history.gradientNorms.at(-1)!;
    for (const v of last) expect(v).toBeGreaterThan(VANISHING_BELOW), expect(v).toBeLessThan(EXPLODING_ABOVE);
    expect(flowView('gradients', snap).caption).toMatch(/vanishing range \(below 10⁻⁶\) holds no layer and the exploding range \(above 1,000\) holds no layer/);
  });

  it('ReLU uses [0, 5] bins and says where larger values go', () => {
    const snap = buildFlowSnapshot({ ...small, hidden: 'relu', init: 'he', learningRate: 0.05 }, data);
    const view = flowView('histograms', snap);
    expect(view.table.rows[0].slice(0, 2)).toEqual([0, 0.125]);
    expect(view.caption).toMatch(/Values above 5 are counted in the last bin\.$/);
  });

  it('a run that diverges before its first record still shows its variance at initialization', () => {
    // ReLU, normal × 1, 6 × 16: the output saturates to exactly 1 in the first forward pass.
    const snap = buildFlowSnapshot({ ...small, depth: 6, width: 16, hidden: 'relu', init: 'normal', scale: 1 }, data);
    expect(snap.status.state).toBe('diverged');
    expect(snap.history.iterations).toEqual([]);
    const views = flowViews(snap);
    expect(views.gradients.plot).toBeUndefined();
    expect(views.gradients.caption).toMatch(/^The run diverged at iteration 0, before its first record\./);
    expect(views.network.plot).toBeDefined();
    expect(views.network.table.rows.map((r) => r[1])).toEqual(snap.single!.measured.slice(0, 6).map((v) => Number(v.toPrecision(4))));
    expect(views.status).toBe('Diverged at iteration 0');
  });

  it('a run that has not recorded yet shows placeholders, not empty charts', () => {
    const config = flowConfig(small);
    const s: FlowSnapshot = {
      config, status: { state: 'running', message: 'running' }, iteration: 0,
      history: { iterations: [], costs: [], gradientNorms: [], activationStats: [], symmetry: [] }, inputSecondMoment: 4,
    };
    const views = flowViews(s);
    for (const name of ['gradients', 'histograms', 'network', 'average'] as const) expect(views[name].plot).toBeUndefined();
    expect(views.gradients.caption).toMatch(/^No gradient recorded yet\./);
    expect(views.histograms.caption).toBe('No forward pass yet.');
    expect(views.average.caption).toBe('Computing…');
    expect(views.status).toBe('Iteration 0 of 100');
  });
});
