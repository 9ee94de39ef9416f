/**
 * The engine computes the same bits in the reader's Chromium as in Node at build time: the site's own
 * training worker, driven directly, trains the remedies explorer's default runs, the main lesson's
 * large-init run and a deep-linear computation, and every number that comes back equals Node's.
 * (Before the engine had its own exp table, sin/cos, log and a^n, the batch-normalized run's layer
 * spread was 72.7 at build time and 165.2 live; now it is 126.0 in both.)
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRAIN_CONFIG, deepLinearGradients, planar, train, trainRemedies, type TrainConfig,
} from '../../src/engine/index.ts';
import { DEFAULT_REMEDIES_SETTINGS, layerSpread, variantConfig, type RemedyVariant } from '../../src/features/remedies/settings.ts';
import type { FromWorker, ToWorker } from '../../src/run/protocol.ts';
import { openPage } from './support/browser.ts';
import { distDir } from './support/paths.ts';
import { serveDist } from './support/site.ts';

const site = serveDist();
const VARIANTS: RemedyVariant[] = ['plain', 'residual', 'batchnorm', 'adam'];
const BIG: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, init: 'normal', scale: 10 };

/** What the worker sent back, per run: its recorded costs and ‖dW[l]‖, and the computation's result. */
interface Collected {
  runs: Record<string, { costs: number[]; gradientNorms: number[][] }>;
  deepLinear: { measured: number[]; forwardClosedForm: number[]; backwardClosedForm: number[]; factor: number };
}

/** Sends `messages` to a fresh training worker from the built site and collects every record until all runs are done. */
async function inChromium(messages: ToWorker[], runs: number): Promise<Collected> {
  const script = readdirSync(join(distDir, '_astro')).find((f) => /^worker.*\.js$/.test(f));
  expect(script, 'the built worker script').toBeDefined();
  const { page, close } = await openPage(`${site.url}lessons/beyond-initialization/`, { javaScriptEnabled: true });
  try {
    return await page.evaluate(({ url, messages, runs }) => new Promise<Collected>((resolve, reject) => {
      const out: Collected = { runs: {}, deepLinear: null! };
      let done = 0;
      const w = new Worker(url, { type: 'module' });
      w.onerror = (e) => reject(new Error(e.message));
      w.onmessage = ({ data }: MessageEvent<FromWorker>) => {
        if (data.type === 'error') reject(new Error(data.message));
        if (data.type === 'computed') out.deepLinear = data.result as Collected['deepLinear'];
        if (data.type === 'progress' || data.type === 'done') {
          const r = (out.runs[data.runId] ??= { costs: [], gradientNorms: [] });
          r.costs.push(...data.history.costs);
          r.gradientNorms.push(...data.history.gradientNorms);
          if (data.type === 'done') done++;
        }
        if (done === runs && out.deepLinear) {
          w.terminate();
          resolve(out);
        }
      };
      for (const m of messages) w.postMessage(m);
    }), { url: `/_astro/${script}`, messages, runs });
  } finally {
    await close();
  }
}

describe('engine parity between Node and Chromium', () => {
  it('the worker in Chromium gives Node\'s bits: remedies defaults, the large-init seed run, the deep-linear closed forms', async () => {
    const pace = { chunk: 1000, delayMs: 0 };
    const messages: ToWorker[] = [
      ...VARIANTS.map((v) => ({ type: 'train' as const, runId: v, job: 1, config: variantConfig(DEFAULT_REMEDIES_SETTINGS, v), dataset: { name: 'planar' as const }, pace })),
      { type: 'train', runId: 'big', job: 1, config: BIG, dataset: { name: 'planar' }, pace },
      { type: 'compute', requestId: 'deep-linear', task: { kind: 'deep-linear', a: 0.9, L: 30 } },
    ];
    const live = await inChromium(messages, VARIANTS.length + 1);

    const data = planar.generate();
    const same = (a: number[], b: number[], what: string) => {
      expect(a.length, what).toBe(b.length);
      const differing = a.flatMap((x, i) => (Object.is(x, b[i]) ? [] : [`${what}[${i}]: Chromium ${x}, Node ${b[i]}`]));
      expect(differing.slice(0, 5), what).toEqual([]);
    };
    for (const v of VARIANTS) {
      const h = trainRemedies(data, variantConfig(DEFAULT_REMEDIES_SETTINGS, v)).history;
      same(live.runs[v].costs, h.costs, `${v} costs`);
      same(live.runs[v].gradientNorms.flat(), h.gradientNorms.flat(), `${v} ‖dW[l]‖`);
      if (v === 'residual') expect(Math.max(...layerSpread(live.runs[v]))).toBeLessThan(100); // the lesson's claim, live
    }
    same(live.runs.big.costs, train(data, BIG).history.costs, 'large-init costs');
    const dl = deepLinearGradients(0.9, 30, data.X, data.X, 2, data.m);
    same(live.deepLinear.measured, dl.measured, 'deep-linear ‖dW[l]‖');
    same(live.deepLinear.forwardClosedForm, dl.forwardClosedForm, 'deep-linear a^l·‖X‖');
    same(live.deepLinear.backwardClosedForm, dl.backwardClosedForm, 'deep-linear a^(L−l)·‖G‖');
    expect(live.deepLinear.factor).toBe(dl.factor);
  });
});
