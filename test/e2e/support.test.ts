/**
 * Self-tests of the e2e helpers in ./support, against tiny pages written to a
 * temp dir (independent of the site's content). The stall helpers have their own: stalls.test.ts.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, artifactsDir } from './support/artifacts.ts';
import { formatViolations, runAxe } from './support/axe.ts';
import { within } from './support/bound.ts';
import { closeBrowser, openPage } from './support/browser.ts';
import { layoutProblems } from './support/layout.ts';
import { installLongTaskObserver, longTasks, maxLongTask } from './support/longtasks.ts';
import { serveStatic, type StaticServer } from './support/server.ts';

const html = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

const FILES: Record<string, string> = {
  'index.html': html('<main><h1>Home</h1></main>'),
  'sub/index.html': html('<main><h1>Sub</h1></main>'),
  'page.html': html('<main><h1>Page</h1></main>'),
  '404.html': html('<main><h1>Missing</h1></main>'),
  'a.js': 'export {}',
  'a.mjs': 'export {}',
  's.css': 'body{}',
  'i.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'd.json': '{}',
  'f.woff2': 'x',
  'r.txt': 'x',
  'noisy.html': html(
    '<main><h1>Noisy</h1><img alt="" src="http://example.invalid/x.png"></main>' +
      '<script>console.error("boom-main"); new Worker("w.js");</script>',
  ),
  'w.js': 'console.error("boom-worker");',
  'busy.html': html(
    // Several 300 ms tasks after load: a single one during page load once went unreported in CI.
    '<main><h1>Busy</h1></main><script>let n = 0; const spin = () => { const t = performance.now(); while (performance.now() - t < 300) {} if (++n < 5) setTimeout(spin, 200); }; addEventListener("load", () => setTimeout(spin, 100));</script>',
  ),
  'layout.html': html(
    // Near the top: a clip, sr-only text and a fine block; far below (content-visibility skips them until then): a clip and tiny chart text.
    '<main><div id="top-clip" style="overflow: hidden; width: 100px; height: 40px"><div style="width: 300px">wide</div></div>' +
      '<p class="cv">A fine paragraph.</p><span style="position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap">a long text for screen readers only</span>' +
      '<div style="height: 3000px"></div><div class="cv" id="far-clip"><div style="width: 2000px; height: 10px"></div></div>' +
      '<div style="height: 3000px"></div><div class="cv"><svg id="tiny-chart" width="200" height="50"><text x="0" y="20" font-size="6">tiny</text></svg></div>' +
      '<div class="cv"><svg id="fine-chart" width="200" height="50"><text x="0" y="20" font-size="12">fine</text></svg></div></main>',
    '<style>.cv { content-visibility: auto; contain-intrinsic-size: auto 300px; overflow-clip-margin: 0.75rem }</style>',
  ),
  'inaccessible.html': '<!doctype html><html><head><title>x</title></head><body><img src="i.svg"></body></html>',
};

let dir: string;
let site: StaticServer;
let based: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-support-'));
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(join(dirname(dir), `${dir.split('/').pop()}-secret.txt`), 'secret');
  site = await serveStatic(dir);
  based = await serveStatic(dir, { base: '/lesson' });
});

afterAll(async () => {
  await closeBrowser();
  await site?.close();
  await based?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-secret.txt`, { force: true });
});

/** Raw GET (no URL normalisation, no redirects following). */
function get(origin: string, path: string): Promise<{ status: number; type: string; location: string; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(`${origin}${path}`, { method: 'GET', path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        ok({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          location: String(res.headers.location ?? ''),
          body,
        }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serveStatic', () => {
  it('serves 127.0.0.1 on a random port with the right MIME types', async () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const types: Record<string, RegExp> = {
      '/': /^text\/html/,
      '/a.js': /^text\/javascript/,
      '/a.mjs': /^text\/javascript/,
      '/s.css': /^text\/css/,
      '/i.svg': /^image\/svg\+xml/,
      '/d.json': /^application\/json/,
      '/f.woff2': /^font\/woff2/,
      '/r.txt': /^text\/plain/,
    };
    for (const [path, type] of Object.entries(types)) {
      const res = await get(site.origin, path);
      expect([path, res.status, res.type]).toEqual([path, 200, expect.stringMatching(type)]);
    }
  });

  it('maps directories to index.html, redirects /dir to /dir/, and falls back to .html', async () => {
    expect((await get(site.origin, '/sub/')).body).toContain('Sub');
    expect(await get(site.origin, '/sub?x=1')).toMatchObject({ status: 301, location: '/sub/?x=1' });
    expect((await get(site.origin, '/page')).body).toContain('Page');
  });

  it('answers misses with 404.html and never escapes the directory', async () => {
    expect(await get(site.origin, '/nope')).toMatchObject({ status: 404, body: expect.stringContaining('Missing') });
    const escape = `/..%2f${dir.split('/').pop()}-secret.txt`;
    const res = await get(site.origin, escape);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('secret');
  });

  it('serves only under its base path', async () => {
    expect(based.url).toMatch(/\/lesson\/$/);
    expect((await get(based.origin, '/lesson/')).body).toContain('Home');
    expect(await get(based.origin, '/lesson')).toMatchObject({ status: 301, location: '/lesson/' });
    expect((await get(based.origin, '/index.html')).status).toBe(404);
  });
});

describe('openPage', () => {
  it('records console errors (page and worker) and blocks non-local requests', async () => {
    const { page, consoleErrors, externalRequests, close } = await openPage(`${site.url}noisy.html`);
    try {
      await expect.poll(() => consoleErrors.join('\n')).toContain('boom-worker');
      expect(consoleErrors.join('\n')).toContain('boom-main');
      expect(externalRequests).toEqual(['http://example.invalid/x.png']);
      expect(await page.title()).toBe('t');
    } finally {
      await close();
    }
  });

  it('applies colorScheme and javaScriptEnabled', async () => {
    const dark = await openPage(site.url, { colorScheme: 'dark' });
    expect(await dark.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await dark.close();
    const noJs = await openPage(`${site.url}noisy.html`, { javaScriptEnabled: false });
    expect(noJs.consoleErrors.filter((e) => e.includes('boom'))).toEqual([]);
    await noJs.close();
  });

  it('runs the page in a browser with no UI renderer of its own beside it (CHROMIUM_ARGS: no omnibox popup)', async () => {
    const { context, close } = await openPage(site.url);
    try {
      await new Promise((done) => setTimeout(done, 1000));
      const cdp = await context.browser()!.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      expect(targetInfos.filter((t) => t.type !== 'page').map((t) => `${t.type} ${t.url}`)).toEqual([]);
      await cdp.detach();
    } finally {
      await close();
    }
  });
});

describe('longtasks', () => {
  it('sees a busy main thread', async () => {
    const { page, close } = await openPage(`${site.url}busy.html`, { beforeGoto: installLongTaskObserver });
    try {
      await expect.poll(() => longTasks(page).then((t) => t.length)).toBeGreaterThan(0);
      expect(await maxLongTask(page)).toBeGreaterThanOrEqual(50);
    } finally {
      await close();
    }
  });
});

describe('layoutProblems', () => {
  it('finds each clip and tiny chart text once, far down in skipped blocks too, and not what a reader cannot see', async () => {
    const { page, close } = await openPage(`${site.url}layout.html`, { viewport: { width: 800, height: 600 } });
    try {
      const found = (await layoutProblems(page)).map((p) => ({ kind: p.kind, id: /#([\w-]+)/.exec(p.where)?.[1], detail: p.detail.replace(/ \(.*/, '') }));
      expect(found).toEqual([
        { kind: 'clipped', id: 'top-clip', detail: 'content 300 px wide in 100 px' },
        { kind: 'clipped', id: 'far-clip', detail: 'content 2000 px wide in 784 px' },
        { kind: 'small-text', id: 'tiny-chart', detail: '6.0 px' },
      ]);
    } finally {
      await close();
    }
  });
});

describe('axe', () => {
  it('passes a clean page and reports violations readably', async () => {
    const clean = await openPage(site.url);
    expect(await runAxe(clean.page)).toEqual([]);
    await clean.close();

    const bad = await openPage(`${site.url}inaccessible.html`);
    const violations = await runAxe(bad.page);
    await bad.close();
    const ids = violations.map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt']));
    const report = formatViolations(violations);
    expect(report).toMatch(/image-alt \[critical\] .+\n {4}img/);
    expect(formatViolations([])).toBe('');
  });
});

describe('artifactPath', () => {
  it('creates folders under test-artifacts/ and refuses paths outside it', () => {
    const path = artifactPath('support-selftest/x.png');
    expect(path.startsWith(artifactsDir)).toBe(true);
    expect(existsSync(dirname(path))).toBe(true);
    expect(() => artifactPath('../escape.png')).toThrow(/outside/);
  });
});

describe('within', () => {
  it('gives the value of a call that settles in time, the fallback of one that does not, and passes a rejection on', async () => {
    expect(await within(Promise.resolve(7), 1000, 'late')).toBe(7);
    const t = Date.now();
    expect(await within(new Promise(() => undefined), 200, 'late')).toBe('late');
    expect(Date.now() - t).toBeLessThan(1000);
    await expect(within(Promise.reject(new Error('no')), 1000, 'late')).rejects.toThrow('no');
  });
});
