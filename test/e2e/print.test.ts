/**
 * The lesson on paper: printed to PDF by Chromium (print media, beforeprint as a reader's Ctrl+P
 * fires it, after scrolling through so explorers hold live state), the PDF's text has no control
 * or disclosure labels and shows the explorers' complete prerendered state (saying so where the reader
 * chose other settings), and no page but the
 * last is more than half blank. Page count and the emptiest page go to test-artifacts/print.json.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { artifactPath } from './support/artifacts.ts';
import { openPage } from './support/browser.ts';
import { LESSON_PATH, setValue } from './support/island.ts';
import { retryOnFrameStall } from './support/frames.ts';
import { readThrough } from './support/reader.ts';
import { serveDist } from './support/site.ts';

const site = serveDist();

/** Fraction of each page's height below its last inked row (pdftoppm renders pages to greyscale PGM). */
function blankBelow(pdf: string): number[] {
  const out: number[] = [];
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
  for (let p = 1; p <= pages; p++) {
    const pgm = execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', String(p), '-l', String(p), pdf]);
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 40))!;
    const [w, h] = [Number(header[1]), Number(header[2])];
    const pixels = pgm.subarray(header[0].length);
    let last = 0;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (pixels[y * w + x] < 200) last = y;
    // Page margins (16 mm top, 18 mm bottom of 297 mm) are not blank space left by the layout.
    const bottomMargin = Math.round(h * (18 / 297));
    out.push(Math.max(0, (h - bottomMargin - last) / (h - bottomMargin - Math.round(h * (16 / 297)))));
  }
  return out;
}

describe('printing the lesson', () => {
  it('prints without controls or disclosure labels, explorers in their prerendered state, no page more than half blank', async () => {
    // A page that drew no frame (see support/frames.ts) is started over in a fresh browser.
    await retryOnFrameStall(async () => {
      const { page, close } = await openPage(`${site.url}${LESSON_PATH}`, { viewport: { width: 1280, height: 900 } });
      try {
        await readThrough(page);
        // One explorer set otherwise on screen, another only sped up (speed changes no figure).
        await setValue(page.locator('deep-linear-explorer [data-param="depth"]'), '12');
        await setValue(page.locator('gradient-flow-explorer [data-param="speed"]'), '1');
        await page.emulateMedia({ media: 'print' });
        await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
        // On paper the first says it shows the built settings, with the address that opens the reader's.
        const notes = await page.$$eval('.print-prerender .print-note', (els) => els.map((e) => [e.closest('.explorer')?.localName, e.textContent]));
        expect(notes).toEqual([['deep-linear-explorer', expect.stringMatching(
          /^On paper, this figure shows the settings it was built with, not those you chose on screen\. This address opens it with yours: http:\/\/[^ ?]+\?[^ #]*deep-linear\.depth=12[^ #]*#deep-linear-\d+$/,
        )]]);
        // The print copies' clip paths, <use>s and labels point at what prints: the copy or the page's sprite.
        const references = await page.evaluate(() => {
          const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
          const bad: string[] = [];
          let count = 0;
          for (const copy of document.querySelectorAll('.print-prerender')) {
            for (const el of copy.querySelectorAll('*')) {
              for (const { name, value } of el.attributes) {
                const id = /url\(#([^)]+)\)/.exec(value)?.[1] ?? (/href$/.test(name) && value.startsWith('#') ? value.slice(1) : null) ?? (name === 'aria-labelledby' ? value : null);
                if (!id) continue;
                count += 1;
                const target = document.getElementById(id);
                if (!target || target.closest('.screen-only') || !(copy.contains(target) || target.closest('.shared-paths'))) bad.push(`${name}=${value}`);
              }
            }
          }
          return { count, bad, duplicates: ids.filter((id, i) => ids.indexOf(id) !== i) };
        });
        expect(references.count).toBeGreaterThan(10);
        expect(references.bad).toEqual([]);
        expect(references.duplicates).toEqual([]);
        const path = artifactPath('lesson.pdf');
        writeFileSync(path, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
        await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
        const text = execFileSync('pdftotext', ['-layout', path, '-']).toString();
        for (const label of ['Data table', 'Save:', 'Play', 'Pause', 'Reset', 'New seed', 'Step', 'Skip to content', 'Dark theme', 'On this page', 'Train again']) {
          expect(text, label).not.toContain(label);
        }
        // The init comparison as built: all 10,000 iterations, the summary with the final accuracies.
        expect(text).toMatch(/LeCun, iter\. 10,000/);
        expect(text).toContain('On paper, this figure shows the settings it was built with');
        // A code listing's folded argument checks are not printed, and a line says so.
        expect(text).toMatch(/\/\/ … argument checks \(\d+ lines\), left out on paper/);
        const blank = blankBelow(path);
        const [emptiest, at] = blank.slice(0, -1).reduce<[number, number]>((m, b, i) => (b > m[0] ? [b, i + 1] : m), [0, 0]);
        writeFileSync(artifactPath('print.json'), JSON.stringify({ pages: blank.length, emptiest: { page: at, blank: Number(emptiest.toFixed(3)) }, blank: blank.map((b) => Number(b.toFixed(3))) }, null, 1));
        console.log(`lesson PDF: ${blank.length} pages; emptiest page (not counting the last) is ${at}, ${(emptiest * 100).toFixed(0)} % blank`);
        expect(emptiest).toBeLessThanOrEqual(0.5);
        expect(readFileSync(path).subarray(0, 4).toString()).toBe('%PDF');
      } finally {
        await close();
      }
    });
  });
});
