/** keepPrintCopy and otherSettingsNote: an explorer prints its markup as built, with a note when the reader changed its settings. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { keepPrintCopy, otherSettingsNote } from '../../src/kit/print-copy.ts';

/** Dispatches `type` on `win` as the browser does around printing. */
const fire = (win: Window, type: string) => win.dispatchEvent(new (win as unknown as { Event: typeof Event }).Event(type));

function page() {
  const { window, document } = parseHTML(
    '<html><body><x-island id="flow-1"><section><h3 class="explorer-title" id="t">Title</h3><p class="caption">built</p></section></x-island></body></html>',
  );
  return { window: window as unknown as Window, document: document as unknown as Document, island: document.querySelector('x-island')! as unknown as Element };
}

describe('keepPrintCopy', () => {
  it('swaps in the markup as built for printing only, with the note after the title and its ids suffixed', () => {
    const { window, document, island } = page();
    const stop = keepPrintCopy(island, () => otherSettingsNote(document, 'http://x/?flow.depth=3#flow-1'), window);
    island.querySelector('.caption')!.textContent = 'live';
    fire(window, 'beforeprint');
    const copy = island.querySelector('.print-prerender')!;
    expect(copy.querySelector('.caption')!.textContent).toBe('built');
    expect(copy.querySelector('h3')!.id).toBe('t-print');
    expect(copy.querySelector('h3')!.nextElementSibling!.textContent).toBe(
      'On paper, this figure shows the settings it was built with, not those you chose on screen. This address opens it with yours: http://x/?flow.depth=3#flow-1');
    expect(island.querySelector(':scope > section:not(.print-prerender)')!.classList.contains('screen-only')).toBe(true);
    fire(window, 'beforeprint'); // a second beforeprint adds no second copy
    expect(island.querySelectorAll('.print-prerender')).toHaveLength(1);
    fire(window, 'afterprint');
    expect(island.querySelector('.print-prerender')).toBeNull();
    expect(island.querySelector('section')!.classList.contains('screen-only')).toBe(false);
    stop();
    fire(window, 'beforeprint');
    expect(island.querySelector('.print-prerender')).toBeNull();
  });

  it('prints no note when there is none, and does nothing for an island without a section', () => {
    const { window, island } = page();
    keepPrintCopy(island, () => null, window);
    fire(window, 'beforeprint');
    expect(island.querySelector('.print-note')).toBeNull();
    expect(island.querySelectorAll('.print-prerender')).toHaveLength(1);
    const bare = page();
    bare.island.innerHTML = '<p>no section</p>';
    const stop = keepPrintCopy(bare.island, () => null, bare.window);
    fire(bare.window, 'beforeprint');
    expect(bare.island.innerHTML).toBe('<p>no section</p>');
    stop();
  });
});
