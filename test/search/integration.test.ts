import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/search/integration.ts';

const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body><header>Site name</header>${body}</body></html>`;

describe('buildSearchIndex (Pagefind after the build)', () => {
  it('indexes only pages that mark their text, and writes the bundle beside them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-search-'));
    try {
      mkdirSync(join(dir, 'lessons/x'), { recursive: true });
      writeFileSync(join(dir, 'index.html'), page('<main>A list of lessons.</main>'));
      writeFileSync(join(dir, 'lessons/x/index.html'), page('<article data-pagefind-body><h2>Exploding gradients</h2><p>Initialization matters.</p></article>'));
      expect(await buildSearchIndex(dir)).toBe(1);
      for (const file of ['pagefind.js', 'pagefind-worker.js', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'wasm.en.pagefind']) {
        expect(existsSync(join(dir, 'pagefind', file)), file).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('fails the build when no page carries data-pagefind-body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-search-'));
    try {
      writeFileSync(join(dir, 'index.html'), page('<main>Nothing marked.</main>'));
      await expect(buildSearchIndex(dir)).rejects.toThrow(/no page carries data-pagefind-body/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
