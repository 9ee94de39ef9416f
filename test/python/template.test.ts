/**
 * The template's numpy functions, piece by piece against the engine: the flower data, every
 * initializer's draw (bit for bit: same MT19937 stream), and one forward and backward pass.
 */
import { describe, expect, it } from 'vitest';
import {
  backward, createWorkspace, forward, getActivation, initializers, initializeSeeded, planar, sigmoid, type InitializerName,
} from '../../src/engine/index.ts';
import { PYTHON_CORE, PYTHON_DATA, PYTHON_IMPORTS, PYTHON_INIT, PYTHON_WEIGHT_STD, pythonPlanarDataset, pythonSigmoidTanh } from '../../src/python/template.ts';
import { runPython, scratchDir } from './support/run.ts';

async function python(code: string): Promise<any> {
  const out = await runPython(['-c', `${PYTHON_IMPORTS}${PYTHON_CORE}\n${code}`], scratchDir());
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout);
}

const layers = [2, 5, 4, 1];

describe('the numpy template', () => {
  it('makes the engine\'s flower data (to the last bits sin and cos may differ in)', async () => {
    const [X, Y] = await python('X, Y = planar_dataset(); print(json.dumps([X.ravel().tolist(), Y.ravel().tolist()]))');
    const data = planar.generate();
    expect(Y).toEqual(Array.from(data.Y));
    X.forEach((x: number, i: number) => expect(Math.abs(x - data.X[i])).toBeLessThanOrEqual(1e-14));
  }, 60_000);

  it('draws the engine\'s initial weights bit for bit, for every initializer', async () => {
    const names = Object.keys(initializers) as InitializerName[];
    const drawn = await python(`print(json.dumps({name: {k: v.ravel().tolist() for k, v in initialize_parameters(${JSON.stringify(layers)}, name, -0.3 if name == "constant" else 2.5, 7).items()} for name in ${JSON.stringify(names)}}))`);
    for (const name of names) {
      const p = initializeSeeded(layers, initializers[name], 7, name === 'constant' ? -0.3 : 2.5);
      for (let l = 1; l < layers.length; l++) {
        expect(drawn[name][`W${l}`], `${name} W${l}`).toEqual(Array.from(p.W[l]));
        expect(drawn[name][`b${l}`], `${name} b${l}`).toEqual(Array.from(p.b[l]));
      }
    }
  }, 60_000);

  for (const hidden of ['tanh', 'relu', 'sigmoid', 'leaky-relu', 'linear'] as const) {
    it(`computes the engine's forward and backward pass (${hidden})`, async () => {
      const data = planar.generate({ m: 998 }); // m not a multiple of 4: the tail of the four partial sums
      const got = await python(`X, Y = planar_dataset(m=998)
p = initialize_parameters(${JSON.stringify(layers)}, "lecun", 1.0, 3)
AL, cache = forward_propagation(X, p, "${hidden}")
g = backward_propagation(AL - Y, cache, p, "${hidden}")
print(json.dumps({"AL": AL.ravel().tolist(), "cost": compute_cost(AL, Y), **{k: v.ravel().tolist() for k, v in g.items() if k[:2] in ("dW", "db")}}))`);
      const p = initializeSeeded(layers, initializers.lecun, 3);
      const ws = createWorkspace(layers, data.m);
      const g = { hidden: getActivation(hidden), output: sigmoid };
      forward(p, g, data.X, ws);
      backward(p, g, data.Y, ws);
      const close = (a: number, b: number, what: string) => expect(Math.abs(a - b), what).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
      got.AL.forEach((a: number, j: number) => close(a, ws.A[3][j], `A3[${j}]`));
      for (let l = 1; l < layers.length; l++) {
        got[`dW${l}`].forEach((v: number, i: number) => close(v, ws.dW[l][i], `dW${l}[${i}]`));
        got[`db${l}`].forEach((v: number, i: number) => close(v, ws.db[l][i], `db${l}[${i}]`));
      }
    }, 60_000);
  }
});

describe('the template\'s pieces', () => {
  it('compose the plain core, which draws with numpy\'s own functions', () => {
    expect(PYTHON_DATA).toBe(pythonPlanarDataset());
    expect(PYTHON_DATA).toContain('np.random.seed(seed)');
    expect(PYTHON_DATA).toContain('r * np.cos(t)');
    expect(PYTHON_CORE).toContain(`${PYTHON_DATA}${PYTHON_INIT}${pythonSigmoidTanh('np.exp')}`);
    expect(PYTHON_INIT.startsWith(PYTHON_WEIGHT_STD)).toBe(true);
  });

  it('take other functions by name (the remedies scripts use the page\'s)', () => {
    const data = pythonPlanarDataset({ seed: 'page_seed', randn: 'page_randn', sin: 'page_sin', cos: 'page_cos' });
    expect(data).toContain('page_randn(n) * noise');
    expect(data).not.toMatch(/np\.(sin|cos|random)/);
    expect(pythonSigmoidTanh('exp')).toContain('e_pos, e_neg = exp(Z), exp(-Z)');
  });
});
