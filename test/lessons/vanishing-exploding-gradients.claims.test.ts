/**
 * Every claim of the main lesson the engine can check, each quoted from the MDX (the test name cites
 * its line) and asserted with the settings the lesson states; then the claims it cannot check, and why.
 * Edit this file with the prose: a quote that is no longer in the lesson fails its test.
 */
import { describe, expect, it } from 'vitest';
import { componentSchemas } from '~/components/props.ts';
import { comparisonDefaults } from '~/components/run-value.ts';
import {
  binaryCrossEntropy, createTrainer, deepLinearGradients, forward, glorot, he, lecun, normal, train, varianceAtInitialization,
} from '~/engine/index.ts';
import { flowConfig, type FlowSettings } from '~/features/gradient-flow/views.ts';
import { VANISHING_BELOW } from '~/kit/chart-view.ts';
import { schemeConfig } from '~/features/init-comparison/views.ts';
import { claimTests, Lesson, lessonData, printed, run, type Claim, type Unchecked } from './support/claims.ts';
import { dW2AtStart, firstForward, linearInputs, unbalanced } from './support/engine.ts';

const lesson = new Lesson('vanishing-exploding-gradients');
const exp = (id: string) => run(lesson.experiment(id).config);
const flow = lesson.component('GradientFlow') as FlowSettings;
const flowRun = (o: Partial<FlowSettings>) => run(flowConfig({ ...flow, ...o }));
const compare = comparisonDefaults(lesson.component('InitComparison', 'five'));
// Recorded every 100 iterations, like the experiments: zeros, normal × 10 and LeCun are then the experiments' runs.
const scheme = (s: (typeof compare.schemes)[number]) => run({ ...schemeConfig(compare, s), recordEvery: 100 });
const near = (x: number, target: number, rel: number) => expect(Math.abs(x - target) / target).toBeLessThan(rel);
const { X: X2, G: G2 } = linearInputs(2, 50);

const checked: Claim[] = [
  // The deep linear network, W[l] = a·I (engine backprop through linear units).
  { quote: 'With 30 layers it is already $1.5^{28} \\approx 85\\,000$', check: () => {
    const g = deepLinearGradients(1.5, 30, X2, G2, 2, 50);
    near(g.factor, 85_000, 0.01);
    near(g.measured[0], g.closedForm[0], 1e-9);
  } },
  { quote: 'with 30 layers $0.5^{28} \\approx 3.7 \\times 10^{-9}$', check: () => {
    const g = deepLinearGradients(0.5, 30, X2, G2, 2, 50);
    near(g.factor, 3.7e-9, 0.01);
    near(g.measured[29], g.closedForm[29], 1e-9);
  } },
  { quote: 'the same for every layer. The last line writes it the way the original did', check: () => {
    const g = deepLinearGradients(1.5, 10, X2, G2, 2, 50);
    for (const n of g.measured) near(n, g.measured[0], 1e-12);
  } },
  { quote: 'The forward pass has the same problem: $\\hat{Y} = a^{L}X$', check: () => {
    const g = deepLinearGradients(1.5, 10, X2, G2, 2, 50);
    near(g.forwardMeasured[9], g.forwardClosedForm[9], 1e-12);
    near(g.forwardMeasured[9] / g.forwardMeasured[0], 1.5 ** 9, 1e-12);
  } },
  { quote: 'with $a = -1.5$ the factor $(-1.5)^{L-2}$ changes sign with every layer added but grows exactly as fast as $1.5^{L-2}$', check: () => {
    for (const L of [11, 12]) {
      const pos = deepLinearGradients(1.5, L, X2, G2, 2, 50);
      const neg = deepLinearGradients(-1.5, L, X2, G2, 2, 50);
      expect(Math.sign(neg.factor)).toBe(L % 2 === 0 ? 1 : -1);
      for (let l = 0; l < L; l++) near(neg.measured[l], pos.measured[l], 1e-12);
    }
  } },
  { quote: 'A factor only slightly above or below 1, repeated over many layers, is enough', check: () => {
    expect(deepLinearGradients(1.1, 50, X2, G2, 2, 50).factor).toBeGreaterThan(50);
    expect(deepLinearGradients(0.9, 50, X2, G2, 2, 50).factor).toBeLessThan(0.01);
  } },
  // Variance rules.
  { quote: 'so this factor plays the role of $a^2$ in the linear network above, not of $a$', check: () => {
    // Linear units, n = 64, Var(w) = 2.25/64: the variance should grow by n·Var(w) = 2.25 = 1.5² per layer, the size by 1.5.
    const layers = [2, ...new Array<number>(8).fill(64), 1];
    const v = varianceAtInitialization(lessonData(), layers, 'linear', normal, 1.5 / 8, Array.from({ length: 16 }, (_, k) => 42 + k));
    near((v.measured[7] / v.measured[1]) ** (1 / 6), 2.25, 0.15);
  } },
  { quote: 'which has only $n^{[0]} = 2$ inputs, that is about $0.71$', check: () => near(lecun.std(2, 3, 1), 0.71, 0.005) },
  { quote: 'for a layer fed by 1000 units it is about $0.03$', check: () => near(lecun.std(1000, 1000, 1), 0.03, 0.06) },
  { quote: '$\\sqrt{1/3} \\approx 0.58$ for $W^{[2]}$, which has 3', check: () => near(lecun.std(3, 1, 1), 0.58, 0.005) },
  { quote: 'When neighbouring layers have the same width, LeCun\'s and Glorot\'s rules coincide', check: () => {
    for (const n of [1, 3, 8, 1000]) expect(glorot.std(n, n, 1)).toBeCloseTo(lecun.std(n, n, 1), 15);
  } },
  { quote: 'double the variance: $\\mathrm{Var}(W^{[l]}) = \\frac{2}{n^{[l-1]}}$. This is **He initialization**', check: () => {
    for (const n of [2, 8, 100]) near(he.std(n, 1, 1) ** 2, 2 / n, 1e-12);
  } },
  // Zero initialization.
  { quote: 'The first value is the cost at iteration 0, before any training', check: () => {
    const t = exp('large');
    expect(t.history.iterations[0]).toBe(0);
    const start = createTrainer(lessonData(), t.config);
    forward(start.params, start.activations, lessonData().X, start.workspace);
    expect(binaryCrossEntropy(start.workspace.A[2], lessonData().Y, 1000)).toBe(t.history.costs[0]);
  } },
  { quote: 'The cost never moves from <RunValue experiment="zeros" value="cost" digits={6} />, which is $\\ln 2 \\approx 0.693147$', check: () => {
    const t = exp('zeros');
    expect(new Set(t.history.costs).size).toBe(1);
    expect(t.finalCost).toBe(t.history.costs[0]);
    expect(Math.abs(t.finalCost - Math.LN2)).toBeLessThan(1e-12);
    expect(printed(t, { value: 'cost', digits: 6 })).toBe('0.693147');
  } },
  { quote: 'exactly half of them: accuracy <RunValue experiment="zeros" value="accuracy" />', check: () => {
    const t = exp('zeros');
    expect(t.predictions.every((p) => p === 0)).toBe(true);
    expect(printed(t, { value: 'accuracy' })).toBe('0.5');
  } },
  { quote: 'the reason is that **every gradient is exactly zero** from the very first iteration', check: () => {
    for (const norms of exp('zeros').history.gradientNorms) expect(norms).toEqual([0, 0]);
  } },
  { quote: 'The data has exactly 500 points of each class', check: () => {
    expect(lessonData().m).toBe(1000);
    expect(lessonData().Y.reduce((s, y) => s + y, 0)).toBe(500);
  } },
  { quote: 'after 10 000 iterations the network is exactly where it started', check: () => {
    const t = exp('zeros');
    expect(t.params.W.map((w) => [...w])).toEqual(t.initial.W.map((w) => [...w]));
    expect(t.params.b.map((b) => [...b])).toEqual(t.initial.b.map((b) => [...b]));
  } },
  { quote: 'Every output is $0.5$, which is not greater than $0.5$, so every point is predicted to be class 0', check: () => {
    const ws = firstForward(lesson.experiment('zeros').config);
    expect(ws.A[2].every((a) => a === 0.5)).toBe(true);
  } },
  // Sigmoid hidden units from zeros: as stuck as tanh (the false claim this file replaced).
  { quote: 'Its gradient $\\lVert dW^{[2]} \\rVert$ at iteration 0 is <RunValue experiment="zeros-sigmoid" value="gradientNorm" layer={2} at={0} />, exactly', check: () => {
    const { dW2, db2 } = dW2AtStart(lesson.experiment('zeros-sigmoid').config, lessonData());
    expect([...dW2]).toEqual([0, 0, 0]);
    expect([...db2]).toEqual([0]);
    expect(printed(exp('zeros-sigmoid'), { value: 'gradientNorm', layer: 2, at: 0 })).toBe('0');
  } },
  { quote: 'After 10 000 iterations the cost is still <RunValue experiment="zeros-sigmoid" value="cost" digits={6} />', check: () => {
    const t = exp('zeros-sigmoid');
    expect(t.status.state).toBe('done');
    expect(new Set(t.history.costs).size).toBe(1);
    for (const norms of t.history.gradientNorms) expect(norms).toEqual([0, 0]);
    expect(printed(t, { value: 'cost', digits: 6 })).toBe('0.693147');
    expect(printed(t, { value: 'accuracy' })).toBe('0.5');
  } },
  { quote: 'The output weights get a gradient only when the classes are unbalanced or the weights start at a non-zero constant, and even then the hidden units remain copies of each other', check: () => {
    const config = lesson.experiment('zeros-sigmoid').config;
    const few = unbalanced(lessonData(), 100);
    expect(Math.max(...dW2AtStart(config, few).dW2.map(Math.abs))).toBeGreaterThan(1e-3);
    const constant = { ...config, init: 'constant' as const, scale: 0.5, iterations: 2000 };
    expect(Math.max(...dW2AtStart(constant, lessonData()).dW2.map(Math.abs))).toBeGreaterThan(1e-3);
    for (const data of [few, lessonData()]) {
      const t = train(data, data === few ? { ...config, iterations: 2000 } : constant);
      expect(t.history.symmetry.every(([d]) => d === 0)).toBe(true);
    }
  } },
  // Large random initialization.
  { quote: 'The cost starts very high, at <RunValue experiment="large" value="cost" at={0} digits={2} />, and ends with an accuracy of only <RunValue experiment="large" value="accuracy" />', check: () => {
    const t = exp('large');
    expect(printed(t, { value: 'cost', at: 0, digits: 2 })).toBe('9.69');
    expect(printed(t, { value: 'accuracy' })).toBe('0.742');
    expect(t.report.accuracy).toBeLessThan(exp('lecun').report.accuracy);
  } },
  { quote: 'most pre-activations $Z^{[1]}$ are far beyond $\\pm 2$', check: () => {
    const Z1 = firstForward(lesson.experiment('large').config).Z[1];
    expect(Z1.filter((z) => Math.abs(z) > 2).length / Z1.length).toBeGreaterThan(0.6);
  } },
  { quote: 'a point of class 1 predicted with probability $10^{-5}$ costs $-\\ln 10^{-5} \\approx 11.5$', check: () => {
    expect(binaryCrossEntropy(new Float64Array([1e-5]), new Float64Array([1]), 1)).toBeCloseTo(11.5, 1);
  } },
  { quote: 'Hundreds of points are wrong in this way', check: () => {
    const ws = firstForward(lesson.experiment('large').config);
    const Y = lessonData().Y;
    const confidentlyWrong = [...ws.A[2]].filter((a, j) => (Y[j] === 1 ? a : 1 - a) < 1e-3).length;
    expect(confidentlyWrong).toBeGreaterThanOrEqual(200);
  } },
  { quote: 'the cost drops to about <RunValue experiment="large" value="cost" at={1000} digits={2} />', check: () => {
    expect(printed(exp('large'), { value: 'cost', at: 1000, digits: 2 })).toBe('0.44');
  } },
  { quote: 'But the hidden units stay mostly saturated, and after that the cost only creeps down', check: () => {
    const t = exp('large');
    const at1000 = t.history.iterations.indexOf(1000);
    for (const stats of t.history.activationStats.slice(at1000)) expect(stats[0].saturated).toBeGreaterThan(0.5);
    expect(t.history.costs[at1000] - t.finalCost).toBeLessThan(0.01);
  } },
  // LeCun initialization.
  { quote: 'The starting cost, <RunValue experiment="lecun" value="cost" at={0} />, is not far above $\\ln 2 \\approx 0.693$', check: () => {
    const t = exp('lecun');
    expect(printed(t, { value: 'cost', at: 0 })).toBe('0.788');
    expect(t.history.costs[0] - Math.LN2).toBeLessThan(0.1);
  } },
  { quote: 'Most pre-activations are in the range where tanh still has a useful slope', check: () => {
    expect(exp('lecun').history.activationStats[0][0].saturated).toBeLessThan(0.2);
  } },
  { quote: 'The cost falls fast, and the network ends with an accuracy of <RunValue experiment="lecun" value="accuracy" />', check: () => {
    const at1000 = (id: string) => exp(id).history.costs[exp(id).history.iterations.indexOf(1000)];
    expect(at1000('lecun')).toBeLessThan(at1000('large') - 0.1);
    expect(printed(exp('lecun'), { value: 'accuracy' })).toBe('0.924');
  } },
  { quote: 'the F1 scores are <RunValue experiment="zeros" value="f1" />, <RunValue experiment="large" value="f1" /> and <RunValue experiment="lecun" value="f1" />', check: () => {
    expect(['zeros', 'large', 'lecun'].map((id) => printed(exp(id), { value: 'f1' }))).toEqual(['0', '0.7430', '0.9231']);
  } },
  { quote: 'The accuracies it reported, 50%, 74.2% and 92.4%, were right', check: () => {
    expect(['zeros', 'large', 'lecun'].map((id) => exp(id).report.accuracy)).toEqual([0.5, 0.742, 0.924]);
  } },
  // The five schemes in lockstep, at the comparison's defaults.
  { quote: 'The cost axis is logarithmic', check: () => expect(compare.yScale).toBe('log') },
  { quote: 'the normal × 10 run\'s start at <RunValue comparison="five" scheme="normal" value="cost" at={0} digits={2} /> and the costs of the others, between 0.2 and 0.9', check: () => {
    expect(printed(scheme('normal'), { value: 'cost', at: 0, digits: 2 })).toBe('9.69');
    for (const s of ['zeros', 'lecun', 'glorot', 'he'] as const) {
      const costs = scheme(s).history.costs;
      expect(Math.min(...costs), s).toBeGreaterThanOrEqual(0.2);
      expect(Math.max(...costs), s).toBeLessThanOrEqual(0.9);
    }
  } },
  // The gradient-flow explorer, at its defaults and with the changes the text suggests.
  { quote: 'With a small fixed scale such as 0.01, the signal shrinks on its way up', check: () => {
    expect([flow.init, flow.scale]).toEqual(['normal', 0.01]);
    for (const norms of flowRun({}).history.gradientNorms) for (const g of norms) expect(g).toBeLessThan(VANISHING_BELOW);
  } },
  { quote: 'With a large scale such as 10, almost every tanh unit saturates', check: () => {
    const ws = firstForward(flowConfig({ ...flow, scale: 10 }));
    for (let l = 1; l <= flow.depth; l++) expect(ws.A[l].filter((a) => Math.abs(a) > 0.99).length / ws.A[l].length).toBeGreaterThan(0.85);
  } },
  { quote: 'rounds to exactly 0 or 1 for some points: the run diverges before its first update', check: () => {
    const out = firstForward(flowConfig({ ...flow, scale: 10 })).A[flow.depth + 1];
    expect(out.some((a) => a === 0 || a === 1)).toBe(true);
    expect(flowRun({ scale: 10 }).status).toMatchObject({ state: 'diverged', iteration: 0 });
  } },
  { quote: 'A ReLU network, which has no ceiling, does the same even at a scale of 1', check: () => {
    expect(flowRun({ hidden: 'relu', scale: 1 }).status).toMatchObject({ state: 'diverged', iteration: 0 });
  } },
  { quote: 'With LeCun\'s variance for tanh, or He\'s for ReLU, the gradients have a similar, useful size in every layer', check: () => {
    for (const t of [flowRun({ init: 'lecun' }), flowRun({ hidden: 'relu', init: 'he' })]) {
      expect(t.status.state).toBe('done');
      const g = t.history.gradientNorms[0];
      expect(Math.min(...g)).toBeGreaterThan(1e-2);
      expect(Math.max(...g) / Math.min(...g)).toBeLessThan(10);
    }
  } },
  { quote: 'The learning rate starts at 0.1 because a deep ReLU network is touchy: at 0.5 even He\'s initialization diverges after about a hundred iterations', check: () => {
    expect(flow.learningRate).toBe(0.1);
    const fast = flowRun({ hidden: 'relu', init: 'he', learningRate: 0.5 });
    expect(fast.status.state).toBe('diverged');
    expect((fast.status as { iteration: number }).iteration).toBeGreaterThanOrEqual(50);
    expect((fast.status as { iteration: number }).iteration).toBeLessThanOrEqual(200);
  } },
];

const unchecked: Unchecked[] = [
  { quote: 'Real networks use nonlinear activations, but the multiplication of weight matrices we are about to see is exactly the same in them', reason: 'a statement about the structure of backpropagation in general; the engine checks the linear case above' },
  { quote: 'This is **LeCun initialization** (LeCun et al., 1998); many course notes call it Xavier initialization', reason: 'attribution and naming, not something a run computes' },
  { quote: 'the original concludes that the network can then do no more than a linear classifier', reason: 'reports what the original article says' },
  { quote: 'A network whose hidden units are all the same has a straight decision boundary', reason: 'a geometric argument (the output is a monotone function of one linear projection); the engine checks that the units stay identical' },
  { quote: 'but its loop added 1000 to the iteration number when printing', reason: 'about the original\'s Python code; shared/reference reproduces it, the engine does not run it' },
  { quote: 'Python reads that as `(hidden_activation == \'sigmoid\') or \'tanh\'`', reason: 'Python semantics, outside the engine' },
  { quote: 'Activations that do not saturate, normalization layers and residual connections are the other tools deep networks rely on', reason: 'the engine has none of these remedies, so nothing to run' },
];

describe('vanishing-exploding-gradients: claims checked by the engine', { timeout: 600_000 }, () => {
  claimTests(lesson, checked, unchecked, 25);

  it('He + ReLU at the gradient-flow explorer\'s defaults (its prop schema) trains without diverging', () => {
    const defaults = componentSchemas.GradientFlow.parse({}) as FlowSettings;
    const t = run(flowConfig({ ...defaults, hidden: 'relu', init: 'he' }));
    expect(t.status).toMatchObject({ state: 'done' });
    expect(t.finalCost).toBeLessThan(t.history.costs[0]);
  });
});
