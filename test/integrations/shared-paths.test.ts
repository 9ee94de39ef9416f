/** Repeated chart path data written once per page: a sprite at the top of <body>, <use> where it was drawn. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MIN_SHARED_LENGTH, sharePaths } from '../../src/integrations/shared-paths.ts';
import { idsIn } from '../../src/integrations/unique-ids.ts';

const dots = (n: number, start = 'M10,10') => start + 'm3,1h0'.repeat(n);
const A = dots(200);
const B = dots(60, 'M20,20');
const chart = (id: string, d: string) =>
  `<svg viewBox="0 0 100 100"><g aria-label="dot"><use href="#${id}" stroke="black"/><g stroke="red"><path id="${id}" d="${d}" /></g></g></svg>`;

describe('sharePaths', () => {
  it('writes path data that repeats once, and every chart still draws the same points', () => {
    const page = `<!doctype html><html><head></head><body class="x"><main>${chart('c1', A)}${chart('c2', A)}${chart('c3', B)}<svg><path d="${A}"></path></svg></main></body></html>`;
    const { html, shared, saved } = sharePaths(page);
    expect(shared).toBe(1);
    expect(saved).toBe(Buffer.byteLength(page) - Buffer.byteLength(html));
    expect(saved).toBeGreaterThan(2 * A.length - 300);
    expect(html.split(A)).toHaveLength(2); // once, in the sprite
    expect(html.split(B)).toHaveLength(2); // drawn once: stays where it is

    const { document } = parseHTML(html);
    const sprite = document.body.firstElementChild!;
    expect(sprite.getAttribute('class')).toBe('shared-paths');
    expect(sprite.getAttribute('aria-hidden')).toBe('true');
    expect(sprite.querySelector('defs > path#shared-path-1')!.getAttribute('d')).toBe(A);
    // The charts' own ids stay (their outlines point at them) and now draw the sprite's path.
    for (const id of ['c1', 'c2']) {
      const use = document.getElementById(id)!;
      expect(use.tagName.toLowerCase()).toBe('use');
      expect(use.getAttribute('href')).toBe('#shared-path-1');
      expect(use.parentElement!.getAttribute('stroke')).toBe('red');
    }
    expect(document.getElementById('c3')!.getAttribute('d')).toBe(B);
    expect(document.querySelectorAll('main > svg:last-child use[href="#shared-path-1"]')).toHaveLength(1);
    // Every id stays unique and every <use> points at an element of the page.
    expect(new Set(idsIn(html)).size).toBe(idsIn(html).length);
    for (const use of document.querySelectorAll('use')) expect(document.getElementById(use.getAttribute('href')!.slice(1))).not.toBeNull();
  });

  it('leaves short path data, pages without repeats and pages without a body as they are', () => {
    const short = 'M0,0L0,6'.padEnd(MIN_SHARED_LENGTH - 1, '0');
    const page = `<html><body>${chart('a', short)}${chart('b', short)}${chart('c', A)}</body></html>`;
    expect(sharePaths(page)).toEqual({ html: page, shared: 0, saved: 0 });
    const fragment = `${chart('a', A)}${chart('b', A)}`;
    expect(sharePaths(fragment)).toEqual({ html: fragment, shared: 0, saved: 0 });
  });

  it('leaves a path with children (a <title>) where it is', () => {
    const titled = `<svg><path d="${A}"><title>points</title></path></svg>`;
    const page = `<html><body>${titled}${titled}</body></html>`;
    expect(sharePaths(page)).toEqual({ html: page, shared: 0, saved: 0 });
  });

  it('numbers the sprite paths past ids the page already uses', () => {
    const page = `<html><body><p id="shared-path-1">taken</p>${chart('a', A)}${chart('b', A)}${chart('c', B)}${chart('d', B)}</body></html>`;
    const { html, shared } = sharePaths(page);
    expect(shared).toBe(2);
    const { document } = parseHTML(html);
    expect([...document.querySelectorAll('.shared-paths path')].map((p) => [p.id, p.getAttribute('d')])).toEqual([['shared-path-2', A], ['shared-path-3', B]]);
    expect(document.getElementById('shared-path-1')!.textContent).toBe('taken');
  });
});
