import { describe, expect, it } from 'vitest';
import { useAstroRenderer } from '../support/astro.ts';

const astro = useAstroRenderer();

describe('<Aside>', () => {
  const labels = { note: 'Note', tip: 'Tip', caution: 'Caution', correction: 'Correction to the original' };

  for (const [type, label] of Object.entries(labels)) {
    it(`renders a labelled note for type="${type}"`, async () => {
      const { root } = await astro.render('Aside', { type }, '<p>Body text</p>');
      const aside = root.querySelector('aside')!;
      expect(aside.getAttribute('role')).toBe('note');
      expect(aside.className).toContain(`aside-${type}`);
      const labelEl = root.querySelector(`#${aside.getAttribute('aria-labelledby')}`)!;
      expect(labelEl.textContent).toContain(label);
      expect(aside.querySelector('.aside-body')!.innerHTML).toBe('<p>Body text</p>');
    });
  }

  it('defaults to a note and shows the title after the label', async () => {
    const { root } = await astro.render('Aside', { title: 'Iteration labels' }, 'x');
    const label = root.querySelector('.aside-label')!.textContent!.replace(/\s+/g, ' ');
    expect(label).toContain('Note: Iteration labels');
    expect(root.querySelector('.aside-icon')!.getAttribute('aria-hidden')).toBe('true');
  });

  it('gives each aside its own label id', async () => {
    const a = (await astro.render('Aside', {}, 'a')).root.querySelector('aside')!.getAttribute('aria-labelledby');
    const b = (await astro.render('Aside', {}, 'b')).root.querySelector('aside')!.getAttribute('aria-labelledby');
    expect(a).not.toBe(b);
  });

  it('rejects an unknown type with a PropError that lists the types', async () => {
    await expect(astro.render('Aside', { type: 'warning', __source: 'content/lessons/x.mdx:7' }, 'x')).rejects.toThrow(
      'content/lessons/x.mdx:7: <Aside> prop "type" must be one of note, tip, caution, correction; got "warning"',
    );
  });

  it('rejects an unknown prop by name', async () => {
    await expect(astro.render('Aside', { kind: 'tip' }, 'x')).rejects.toThrow(/<Aside> prop "kind" must be one of the known props \(type, title\)/);
  });
});
