/**
 * The Save bars' "Python" button in headless Chromium: it downloads `<figure>.py` with the
 * figure's current settings, and the downloaded script, run with python3, prints the engine's numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activationScript, symmetryScript } from '../../src/python/figures.ts';
import { compare, engineOutput, type ScriptOutput } from '../python/support/engine.ts';
import { artifactPath } from './support/artifacts.ts';
import { saveDownload } from './support/exports.ts';
import { openPage } from './support/browser.ts';
import { LESSON_PATH, openIsland, setValue } from './support/island.ts';
import { serveDist } from './support/site.ts';

const site = serveDist();

/** Runs a downloaded script with --json in a scratch directory. */
function runScript(name: string, body: Buffer): ScriptOutput {
  const dir = mkdtempSync(join(tmpdir(), 'python-download-'));
  writeFileSync(join(dir, name), body);
  return JSON.parse(execFileSync('python3', [name, '--json'], { cwd: dir, env: { ...process.env, OPENBLAS_NUM_THREADS: '1' }, maxBuffer: 1 << 26 }).toString());
}

describe('Python export', () => {
  it('downloads the symmetry meter\'s script with the settings on screen, and it reproduces the engine', async () => {
    const { page, close } = await openIsland(site.url, 'symmetry-meter', '?symmetry.init=constant&symmetry.value=-0.7');
    try {
      const button = page.locator('symmetry-meter button[data-export="python"]');
      await setValue(page.locator('symmetry-meter [data-param="width"]'), 6, ['input']);
      await page.waitForFunction(() => new URL(location.href).searchParams.get('symmetry.width') === '6');
      const file = await saveDownload(page, button);
      expect(file.name).toBe('symmetry-chart.py');
      const script = file.body.toString('utf8');
      expect(script).toMatch(/^ {4}dict\(label="constant init", layers=\[2, 6, 1\], hidden="tanh", init="constant", scale=-0\.7,$/m);
      expect(script).toContain('Exported from "');
      expect(script).toContain(`(${site.url}lessons/vanishing-exploding-gradients/)`);
      const figure = { ...symmetryScript({ init: 'constant', value: -0.7, width: 6, seed: 42 }, 1000), name: 'symmetry-chart' };
      expect(compare(figure, runScript(file.name, file.body), engineOutput(figure))).toEqual([]);
      // Another setting, another script.
      await setValue(page.locator('symmetry-meter [data-param="init"]'), 'lecun', ['input']);
      const lecun = (await saveDownload(page, button)).body.toString('utf8');
      expect(lecun).toMatch(/layers=\[2, 6, 1\], hidden="tanh", init="lecun"/);
    } finally {
      await close();
    }
  }, 300_000);

  it('saves the guide\'s activation explorer at the settings on screen: its CSV, and a script that reproduces the engine', async () => {
    const { page, close } = await openPage(`${site.url}guide/?activation.activation=relu`, { viewport: { width: 390, height: 844 } });
    try {
      const explorer = page.locator('activation-explorer');
      await explorer.scrollIntoViewIfNeeded();
      await page.waitForSelector('activation-explorer[data-ready="true"]');
      await setValue(explorer.locator('[data-param="range"]'), 3, ['input']);
      await page.waitForFunction(() => new URL(location.href).searchParams.get('activation.range') === '3');
      const csv = (await saveDownload(page, explorer.locator('button[data-export="csv"]'))).body.toString('utf8');
      expect(csv.split('\r\n').slice(0, 3)).toEqual(['z,g(z),g′(z)', '-3,0,0', '-2.25,0,0']);
      const svg = await saveDownload(page, explorer.locator('button[data-export="svg"]'));
      expect(svg.name).toBe('activation-chart.svg');
      expect(svg.body.toString('utf8')).toContain('aria-label="ReLU(z) and its derivative for z from −3 to 3"');
      const file = await saveDownload(page, explorer.locator('button[data-export="python"]'));
      expect(file.name).toBe('activation-chart.py');
      expect(file.body.toString('utf8')).toContain('ACTIVATION = dict(name="relu", range=3.0, points=161)');
      const figure = { ...activationScript({ activation: 'relu', range: 3 }), name: 'activation-chart' };
      expect(compare(figure, runScript(file.name, file.body), engineOutput(figure))).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it('downloads a lesson figure\'s script, headed by its section, with its experiment', async () => {
    const { page, close } = await openPage(`${site.url}${LESSON_PATH}`, { viewport: { width: 1280, height: 900 } });
    try {
      const figure = page.locator('lesson-figure.kind-cost-curve').nth(2);
      await figure.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => !document.querySelectorAll('lesson-figure.kind-cost-curve')[2]?.querySelector<HTMLButtonElement>('button[data-export="python"]')?.disabled);
      const file = await saveDownload(page, figure.locator('button[data-export="python"]'));
      expect(file.name).toBe('cost-curve-lecun.py');
      writeFileSync(artifactPath(file.name), file.body); // kept for a look, as the screenshots are
      const script = file.body.toString('utf8');
      expect(script).toContain('section "LeCun initialization"');
      expect(script).toMatch(/init="lecun", scale=0\.01,\n {9}learning_rate=1\.2, iterations=10000, seed=42, record_every=100\),/);
      expect(script).toContain('"plot": "cost"');
    } finally {
      await close();
    }
  }, 120_000);

  it('says beside the bar when the script generator cannot load, loads it on the next press and clears the message', async () => {
    const { page, close } = await openPage(`${site.url}${LESSON_PATH}`, { viewport: { width: 390, height: 844 } });
    try {
      // The templates are fetched on demand: an offline reader's first press cannot load them.
      await page.route('**/_astro/script.*.js', (route) => route.abort());
      const figure = page.locator('lesson-figure.kind-cost-curve').first();
      await figure.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => !document.querySelector('lesson-figure.kind-cost-curve button[data-export="python"]')?.hasAttribute('disabled'));
      await figure.locator('button[data-export="python"]').click();
      const note = figure.locator('[data-export-for] + .export-error[role="alert"]');
      await expect.poll(() => note.textContent()).toBe('Export failed: the Python script generator did not load; check the connection and press Python again');
      expect(await note.isVisible()).toBe(true);
      // An explorer says it beside its own bar too, not in its notice line at the top.
      const meter = page.locator('symmetry-meter');
      await meter.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelector('symmetry-meter')?.getAttribute('data-ready') === 'true');
      await meter.locator('button[data-export="python"]').click();
      const meterNote = meter.locator('[data-export-for] + .export-error[role="alert"]');
      await expect.poll(() => meterNote.textContent()).toMatch(/^Export failed: the Python script generator did not load/);
      expect(await meterNote.isVisible()).toBe(true);
      expect(await meter.locator('.explorer-notice').isHidden()).toBe(true);
      await page.unroute('**/_astro/script.*.js');
      // The next export that works clears the message.
      expect((await saveDownload(page, meter.locator('button[data-export="python"]'))).name).toBe('symmetry-chart.py');
      expect(await meterNote.count()).toBe(0);
      // The generator has loaded: the lesson figure's bar, which said it could not, takes that back too.
      await expect.poll(() => note.count()).toBe(0);
      const file = await saveDownload(page, figure.locator('button[data-export="python"]'));
      expect(file.name).toBe('cost-curve-zeros.py');
      expect(await note.count()).toBe(0);
    } finally {
      await close();
    }
  }, 120_000);
});
