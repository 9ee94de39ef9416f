/**
 * Self-tests of the stall helpers (support/frames.ts, support/stall.ts, openPage's close check and
 * the retry of support/setup.ts), against two tiny pages written to a temp dir. A page whose
 * requestAnimationFrame never calls back stands in for a renderer that draws no frame.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from './support/artifacts.ts';
import { closeBrowser, openPage, takePageStall } from './support/browser.ts';
import { answerWithin, ensureFrames, FrameStall, nextFrameWithin, retryOnFrameStall, STALLED, type StallReport } from './support/frames.ts';
import { serveStatic, type StaticServer } from './support/server.ts';

const html = (h1: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main><h1>${h1}</h1></main></body></html>`;

let dir: string;
let site: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-stalls-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'index.html'), html('Home'));
  writeFileSync(join(dir, 'sub/index.html'), html('Sub'));
  site = await serveStatic(dir);
});

afterAll(async () => {
  await closeBrowser();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** In the page, before its scripts: requestAnimationFrame never calls back. */
const noFrames = () => {
  window.requestAnimationFrame = () => 0;
};

describe('frames', () => {
  it('tells a page that draws frames from one that does not, within the bound', async () => {
    const live = await openPage(site.url);
    expect(await nextFrameWithin(live.page, 1000)).toEqual(expect.any(Number));
    await live.close();
    const dead = await openPage(site.url, { stallFile: 'support-selftest/close-stalls.jsonl', beforeGoto: async (p) => void (await p.addInitScript(noFrames)) });
    const t = Date.now();
    expect(await nextFrameWithin(dead.page, 1000)).toBeNull();
    expect(Date.now() - t).toBeLessThan(3000);
    await dead.close();
  });

  it('says once that a page drew no frame when it was closed, and records it; a page that draws says nothing', async () => {
    const file = 'support-selftest/close-stalls.jsonl';
    rmSync(artifactPath(file), { force: true });
    const live = await openPage(site.url, { stallFile: file });
    await live.close();
    expect(takePageStall()).toBe(false);
    const dead = await openPage(`${site.url}sub/`, { stallFile: file, beforeGoto: async (p) => void (await p.addInitScript(noFrames)) });
    await dead.close();
    expect(takePageStall()).toBe(true);
    expect(takePageStall()).toBe(false);
    const stalls = readFileSync(artifactPath(file), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as StallReport);
    expect(stalls).toEqual([expect.objectContaining({ where: 'close', url: `${site.url}sub/`, recovered: 'no' })]);
  });

  it('bounds a call the page never answers: FrameStall after the limit, answers within it pass through', async () => {
    const { page, close } = await openPage(site.url);
    const file = 'support-selftest/no-answer.jsonl';
    rmSync(artifactPath(file), { force: true });
    expect(await answerWithin(page, page.evaluate(() => 6 * 7), 2000, 'self-test', file)).toBe(42);
    const t = Date.now();
    await expect(answerWithin(page, page.evaluate(() => new Promise(() => undefined)), 500, 'self-test', file)).rejects.toBeInstanceOf(FrameStall);
    expect(Date.now() - t).toBeLessThan(2000);
    expect(readFileSync(artifactPath(file), 'utf8')).toContain('"visibility":"no answer"');
    await close();
  });

  it('starts a stalled attempt over in a fresh browser, records the stall, and passes other errors on', async () => {
    const file = 'support-selftest/frame-stalls.jsonl';
    rmSync(artifactPath(file), { force: true });
    const attempts: number[] = [];
    const result = await retryOnFrameStall(async (n) => {
      attempts.push(n);
      const { page, close } = await openPage(`${site.url}sub/`, { stallFile: 'support-selftest/close-stalls.jsonl', beforeGoto: n === 1 ? async (p) => void (await p.addInitScript(noFrames)) : undefined });
      try {
        await ensureFrames(page, 'self-test', file);
        return await page.textContent('h1');
      } finally {
        await close();
      }
    });
    expect(attempts).toEqual([1, 2]);
    expect(result).toBe('Sub');
    const stalls = readFileSync(artifactPath(file), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as StallReport);
    expect(stalls).toEqual([expect.objectContaining({ where: 'self-test', url: `${site.url}sub/`, visibility: 'visible', recovered: 'no' })]);

    let tries = 0;
    await expect(retryOnFrameStall(async () => {
      tries += 1;
      throw new Error('a real failure');
    })).rejects.toThrow('a real failure');
    expect(tries).toBe(1);
    await expect(retryOnFrameStall(async () => {
      throw new FrameStall(stalls[0]);
    }, { tries: 2 })).rejects.toBeInstanceOf(FrameStall);
    // An attempt that never answers is started over too, once its time is up.
    const slow: number[] = [];
    expect(await retryOnFrameStall(async (n) => {
      slow.push(n);
      return n === 1 ? new Promise<string>(() => undefined) : 'answered';
    }, { attemptMs: 300, file })).toBe('answered');
    expect(slow).toEqual([1, 2]);
    expect(readFileSync(artifactPath(file), 'utf8')).toContain('"where":"attempt 1 (over 0.3 s)"');
  });
});

describe('a watched attempt', () => {
  it('given silentMs, is started over as soon as its page draws no frame for that long, not after attemptMs', async () => {
    const file = 'support-selftest/frame-stalls.jsonl';
    rmSync(artifactPath(file), { force: true });
    const attempts: number[] = [];
    const t = Date.now();
    const result = await retryOnFrameStall(async (n) => {
      attempts.push(n);
      const { page, close } = await openPage(`${site.url}sub/`, { stallFile: 'support-selftest/close-stalls.jsonl', beforeGoto: n === 1 ? async (p) => void (await p.addInitScript(noFrames)) : undefined });
      try {
        if (n === 1) await new Promise(() => undefined); // hangs, as a call into a wedged renderer does
        await page.waitForTimeout(3000); // watched for longer than silentMs: a page that draws is left alone
        return await page.textContent('h1');
      } finally {
        await close();
      }
    }, { attemptMs: 120_000, silentMs: 2000, file });
    expect(attempts).toEqual([1, 2]);
    expect(result).toBe('Sub');
    expect(Date.now() - t).toBeLessThan(40_000);
    const stalls = readFileSync(artifactPath(file), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as StallReport);
    expect(stalls).toEqual([expect.objectContaining({ where: 'attempt 1 (no frame for 2 s)', url: `${site.url}sub/`, visibility: 'no frame', recovered: 'no' })]);
  });
});

describe('a test whose page stalled', () => {
  const file = 'support-selftest/close-stalls.jsonl';
  const browsers: unknown[] = [];
  const hung: unknown[] = [];
  const records = () => (existsSync(artifactPath(file)) ? readFileSync(artifactPath(file), 'utf8').trim().split('\n').length : 0);
  const before = { records: 0 };
  /** The first try opens a page that draws no frame; later tries a normal one. */
  const open = (first: boolean) => openPage(site.url, { stallFile: file, beforeGoto: first ? async (p) => void (await p.addInitScript(noFrames)) : undefined });

  it('runs again, in a new browser (vitest.config.ts retries it on the error setup.ts adds)', async () => {
    const first = browsers.length === 0;
    const { page, context, close } = await open(first);
    browsers.push(context.browser());
    try {
      // The first try fails as a wait in a stalled page does; its close finds no frame.
      if (first) throw new Error('page.waitForFunction: Timeout 1000ms exceeded.');
      expect(await page.textContent('h1')).toBe('Home');
      expect(browsers).toHaveLength(2);
      expect(browsers[1]).not.toBe(browsers[0]);
    } finally {
      await close();
    }
  });

  it('runs again when it failed in a stalled page it never closed (as a test that hung does)', async () => {
    const first = hung.length === 0;
    if (first) before.records = records();
    const { page, context, close } = await open(first);
    hung.push(context.browser());
    if (first) throw new Error('Test timed out in 300000ms.');
    try {
      expect(await page.textContent('h1')).toBe('Home');
      expect(hung[1]).not.toBe(hung[0]);
      // setup.ts found the page still open, drawing nothing, closed it and recorded the stall.
      expect(records()).toBe(before.records + 1);
    } finally {
      await close();
    }
  });

  it('is the only failure retried: the condition is the stall error\'s words', () => {
    const retried = new RegExp(STALLED);
    expect(retried.test(new FrameStall({ where: 'x', url: '', visibility: 'no answer', focused: false, recovered: 'no', at: '' }).message)).toBe(true);
    expect(retried.test('page.waitForFunction: Timeout 1000ms exceeded.')).toBe(false);
    expect(retried.test('expected 1 to be 2')).toBe(false);
  });
});
