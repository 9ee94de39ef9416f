/**
 * The page's elementary functions in Python (template-page-math.ts), bit for bit against the engine:
 * exp (fast-math.ts), log (precise-log.ts), the normal draws (random.ts) and sin, cos (precise-trig.ts),
 * and the flower data drawn with them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom, planar, standardNormal } from '../../src/engine/index.ts';
import { expFast } from '../../src/engine/fast-math.ts';
import { preciseLog } from '../../src/engine/precise-log.ts';
import { preciseCos, preciseSin } from '../../src/engine/precise-trig.ts';
import { PYTHON_IMPORTS, pythonPlanarDataset } from '../../src/python/template.ts';
import { PYTHON_PAGE_MATH } from '../../src/python/template-page-math.ts';
import { runPython, scratchDir } from './support/run.ts';

async function python(code: string, input: unknown): Promise<any> {
  const data = pythonPlanarDataset({ seed: 'page_seed', randn: 'page_randn', sin: 'page_sin', cos: 'page_cos' });
  const dir = scratchDir();
  writeFileSync(join(dir, 'in.json'), JSON.stringify(input));
  const program = `import decimal\n${PYTHON_IMPORTS}${PYTHON_PAGE_MATH}${data}\nARGS = json.load(open(sys.argv[1]))\n${code}`;
  const out = await runPython(['-c', program, join(dir, 'in.json')], dir);
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout);
}

/** Arguments where the last bit is at stake: random ones over the range, the range's edges, specials as strings. */
function args(n: number, lo: number, hi: number, seed: number): number[] {
  const rng = createRandom(seed);
  return Array.from({ length: n }, () => {
    let u = 0;
    for (let k = 0; k < 2; k++) u = (u + standardNormal(rng)) / 2;
    return lo + (hi - lo) * ((Math.tanh(u) + 1) / 2);
  });
}

const bits = (xs: number[]) => xs.map((x) => (Number.isFinite(x) ? x : String(x)));

describe('the page\'s functions in Python', () => {
  it('exp gives expFast\'s bits, from underflow to overflow', async () => {
    const xs = [...args(20_000, -40, 40, 1), ...args(2000, -1500, 1500, 2), 700, -700, 1400, -1400, 699.9999, -1399.5, 0, -0, 1e-300];
    const got: (number | string)[] = await python('print(json.dumps([v if math.isfinite(v) else str(v) for v in exp(np.array(ARGS)).tolist()]))', xs);
    expect(got).toEqual(bits(xs.map(expFast)).map((v) => (v === 'Infinity' ? 'inf' : v)));
  }, 60_000);

  it('page_log, page_sin and page_cos give preciseLog\'s, preciseSin\'s and preciseCos\'s bits', async () => {
    const logs = args(5000, 1e-6, 1, 3);
    const angles = args(5000, -30, 30, 4);
    const [l, s, c] = await python('print(json.dumps([[page_log(v) for v in ARGS[0]], page_sin(np.array(ARGS[1])).tolist(), page_cos(np.array(ARGS[1])).tolist()]))', [logs, angles]);
    expect(l).toEqual(logs.map(preciseLog));
    expect(s).toEqual(angles.map(preciseSin));
    expect(c).toEqual(angles.map(preciseCos));
  }, 60_000);

  it('page_randn draws standardNormal\'s numbers, keeping the second of a pair across calls', async () => {
    const got = await python('page_seed(ARGS); print(json.dumps(page_randn(3, 5).ravel().tolist() + page_randn(7).tolist()))', 11);
    const rng = createRandom(11);
    expect(got).toEqual(Array.from({ length: 22 }, () => standardNormal(rng)));
  }, 60_000);

  it('the flower data drawn with them is the page\'s, bit for bit', async () => {
    const [X, Y] = await python('X, Y = planar_dataset(); print(json.dumps([X.ravel().tolist(), Y.ravel().tolist()]))', null);
    const data = planar.generate();
    expect(X).toEqual(Array.from(data.X));
    expect(Y).toEqual(Array.from(data.Y));
  }, 60_000);
});
