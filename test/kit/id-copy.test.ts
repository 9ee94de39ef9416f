/** suffixIds: a copy of live markup keeps ids unique and its references pointing into itself. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { suffixIds } from '../../src/kit/id-copy.ts';

const page = (body: string) => parseHTML(`<html><body>${body}</body></html>`).document;

describe('suffixIds', () => {
  it('renames ids and the clip-paths, links and label lists that point at them, and nothing outside', () => {
    const document = page(
      '<svg class="shared-paths"><path id="shared-path-1" d="M0,0h1"/></svg>' +
        '<section id="s" aria-labelledby="t  other"><h3 id="t">Title</h3><label for="x">x</label><input id="x">' +
        '<svg><clipPath id="plot-clip-3"><rect/></clipPath><g clip-path="url(#plot-clip-3)" style="fill:url(#grad)"><use href="#shared-path-1"/><use xlink:href="#plot-clip-3"/></g>' +
        '<a href="#t">up</a><a href="https://example.org/#t">away</a></svg></section>',
    );
    const section = document.querySelector('section')!;
    expect(suffixIds(section as unknown as Element, '-print')).toBe(4);
    expect([...document.querySelectorAll('[id]')].map((e) => e.id)).toEqual(['shared-path-1', 's-print', 't-print', 'x-print', 'plot-clip-3-print']);
    expect(section.getAttribute('aria-labelledby')).toBe('t-print  other');
    expect(section.querySelector('label')!.getAttribute('for')).toBe('x-print');
    const g = section.querySelector('g')!;
    expect(g.getAttribute('clip-path')).toBe('url(#plot-clip-3-print)');
    expect(g.getAttribute('style')).toBe('fill:url(#grad)');
    const uses = [...section.querySelectorAll('use')];
    expect(uses.map((u) => u.getAttribute('href') ?? u.getAttribute('xlink:href'))).toEqual(['#shared-path-1', '#plot-clip-3-print']);
    expect([...section.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#t-print', 'https://example.org/#t']);
  });

  it('leaves a subtree without ids untouched', () => {
    const document = page('<div><p aria-describedby="elsewhere" style="clip-path:url(#c)">x</p></div>');
    const div = document.querySelector('div')!;
    const before = div.outerHTML;
    expect(suffixIds(div as unknown as Element, '-print')).toBe(0);
    expect(div.outerHTML).toBe(before);
  });
});
