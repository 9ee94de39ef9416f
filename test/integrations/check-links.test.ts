import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../src/integrations/check-links.ts';

const out = mkdtempSync(join(tmpdir(), 'check-links-'));
const page = (path: string, body: string) => {
  const file = join(out, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `<!doctype html><html><body>${body}</body></html>`);
};
page('index.html', '<a href="/base/lessons/a/">a</a><a href="/base/lessons/a/#intro">ok</a><a href="#top">top</a><h1 id="top">x</h1>');
page('lessons/a/index.html', '<h2 id="intro">Intro</h2><a href="#missing">m</a><a href="../b/">b</a><a href="/base/lessons/a/#intro">ok</a><img src="/base/x.png"><a href="/elsewhere/">out</a><a href="https://example.org/">ext</a><a href="#">empty</a>');
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('post-build link check', () => {
  const broken = findBrokenLinks(out, '/base/');

  it('finds missing files, missing fragments and links outside the base path', () => {
    expect(broken).toEqual([
      { page: 'lessons/a/index.html', url: '#missing', reason: 'no element with id "missing" on that page' },
      { page: 'lessons/a/index.html', url: '../b/', reason: 'no such file in the build output' },
      { page: 'lessons/a/index.html', url: '/base/x.png', reason: 'no such file in the build output' },
      { page: 'lessons/a/index.html', url: '/elsewhere/', reason: 'not under the base path /base/' },
    ]);
  });

  it('accepts existing pages and fragments, external links and a bare #', () => {
    expect(broken.some((b) => b.page === 'index.html')).toBe(false);
  });
});
