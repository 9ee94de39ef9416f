/**
 * `npm run bench`: times the article's three 10 000-iteration runs on our engine, then the same
 * workload on TensorFlow.js (CPU backend) in this process and, if python3 with numpy and the
 * reference script are present, on numpy. Prints milliseconds per run and the ratios.
 * A benchmark, never a test: nothing here passes or fails.
 *   --runs <n>       engine repetitions per experiment (default 3; the median is compared)
 *   --numpy <path>   reference script (default ../shared/reference/numpy_reference.py)
 *   --skip-tf        leave TensorFlow.js out
 *   --only <part>    engine, site or memory (default all; site: bench-site.ts; memory: bench-memory.ts,
 *                    page heap and DOM nodes over 100 re-runs of two explorers in Chromium)
 *   --no-build       site section on dist/ as built, without the build and dev-server timings
 *   --lesson <text>  site section: time in Chromium only the lesson pages whose path contains <text>
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TRAIN_CONFIG, planar, train, type TrainConfig } from '../engine/index.ts';
import { memoryBench } from './bench-memory.ts';
import { benchSite } from './bench-site.ts';
import { benchRemedies } from './bench-remedies.ts';
import { trainWithTensorflow } from './bench-tf.ts';

const EXPERIMENTS: { name: string; numpyName: string; config: TrainConfig }[] = [
  { name: 'zeros', numpyName: 'zero', config: { ...DEFAULT_TRAIN_CONFIG, init: 'zeros' } },
  { name: 'normal ×10', numpyName: 'big', config: { ...DEFAULT_TRAIN_CONFIG, init: 'normal', scale: 10 } },
  { name: 'LeCun', numpyName: 'approp', config: { ...DEFAULT_TRAIN_CONFIG, init: 'lecun' } },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(1)} ms`);
const ratio = (slow: number | undefined, fast: number) => (slow === undefined ? '—' : `${(slow / fast).toFixed(1)}×`);

function numpyTimes(script: string): { times: Map<string, number>; note: string } {
  if (!existsSync(script)) return { times: new Map(), note: `numpy: skipped (no reference script at ${script})` };
  const out = spawnSync('python3', [script, '--time'], { encoding: 'utf8' });
  if (out.status !== 0) return { times: new Map(), note: `numpy: skipped (python3/numpy failed: ${(out.stderr || String(out.error)).trim().split('\n').at(-1)})` };
  const times = new Map<string, number>();
  for (const m of out.stdout.matchAll(/^(\w+) costs.*\| ([\d.]+) s$/gm)) times.set(m[1], Number(m[2]) * 1000);
  return { times, note: `numpy: ${script} --time (python3, separate process)` };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' }, numpy: { type: 'string' }, 'skip-tf': { type: 'boolean' },
      only: { type: 'string' }, 'no-build': { type: 'boolean' }, lesson: { type: 'string' },
    },
  });
  if (values.only === undefined || values.only === 'engine') await benchEngine(values);
  if (values.only === undefined || values.only === 'site') await benchSite({ noBuild: values['no-build'] ?? false, lesson: values.lesson });
  if (values.only === undefined || values.only === 'memory') await memoryBench();
}

async function benchEngine(values: { runs?: string; numpy?: string; 'skip-tf'?: boolean }): Promise<void> {
  const runs = Math.max(1, Number(values.runs) || 3);
  const data = planar.generate();
  console.log(`Engine: ${runs} run(s) of each 10 000-iteration experiment, [2,3,1] tanh, lr 1.2, m = 1000`);
  const engine = new Map<string, number>();
  for (const e of EXPERIMENTS) {
    const times: number[] = [];
    let final = NaN;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const run = train(data, e.config);
      times.push(performance.now() - t0);
      final = run.finalCost;
    }
    engine.set(e.name, median(times));
    console.log(`  ${e.name.padEnd(11)} ${times.map((t) => ms(t)).join(', ')}  (median ${ms(median(times))}; final cost ${final.toFixed(6)})`);
  }

  const tf = new Map<string, number>();
  if (!values['skip-tf']) {
    console.log('TensorFlow.js 4.22 (tfjs-backend-cpu, float32), same workload, same initial weights:');
    for (const e of EXPERIMENTS) {
      const r = await trainWithTensorflow(data, e.config);
      tf.set(e.name, r.milliseconds);
      console.log(`  ${e.name.padEnd(11)} ${ms(r.milliseconds)}  (final cost ${r.finalCost.toFixed(6)})`);
    }
  }

  const script = resolve(values.numpy ?? resolve(import.meta.dirname, '../../../shared/reference/numpy_reference.py'));
  const np = numpyTimes(script);
  console.log(np.note);
  for (const e of EXPERIMENTS) if (np.times.has(e.numpyName)) console.log(`  ${e.name.padEnd(11)} ${ms(np.times.get(e.numpyName))}`);

  console.log('\nSpeed-up of the engine (median run) — target ≥ 10× over numpy and over TF.js:');
  console.log(`  ${'experiment'.padEnd(11)} ${'engine'.padStart(10)} ${'numpy'.padStart(10)} ${'TF.js'.padStart(11)}  vs numpy  vs TF.js`);
  for (const e of EXPERIMENTS) {
    const ours = engine.get(e.name)!;
    const n = np.times.get(e.numpyName);
    const t = tf.get(e.name);
    console.log(`  ${e.name.padEnd(11)} ${ms(ours).padStart(10)} ${ms(n).padStart(10)} ${ms(t).padStart(11)}  ${ratio(n, ours).padStart(8)}  ${ratio(t, ours).padStart(7)}`);
  }
  benchRemedies(data, runs);
}

await main();
