import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HeightHold, nextHold, type Hold } from '../../src/kit/hold-height.ts';

describe('nextHold', () => {
  it('never lets a box shrink at one width: the hold is the tallest height seen there', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 1, max: 2000, noNaN: true }), { minLength: 1, maxLength: 30 }), (heights) => {
      let hold: Hold | undefined;
      for (const h of heights) hold = nextHold(hold, 313, h)!;
      expect(hold).toEqual({ width: 313, height: Math.max(...heights) });
    }));
  });

  it('starts over at a new width (the text reflows), not at a sub-pixel difference', () => {
    expect(nextHold({ width: 313, height: 200 }, 700, 120)).toBeNull();
    expect(nextHold({ width: 313, height: 200 }, 313.4, 120)).toEqual({ width: 313.4, height: 200 });
    expect(nextHold(undefined, 700, 120)).toEqual({ width: 700, height: 120 });
  });
});

/** A box as HeightHold reads it: a style and a border box whose height is its text's, or its min-height when taller. */
function box(width: number, text: number) {
  const b = { style: { minHeight: '' }, text, width, isConnected: true, contains: (n: unknown) => n === b, getBoundingClientRect: () => ({ width: b.width, height: Math.max(b.text, parseFloat(b.style.minHeight) || 0) }) };
  return b;
}

describe('HeightHold', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('holds each box at its tallest height, written in the next frame; a new width, and a text after release(), measure it free again', () => {
    vi.useFakeTimers();
    let report: (entries: unknown[]) => void = () => {};
    const frames: (() => void)[] = [];
    // One animation frame: its callbacks, then the tasks queued after it (afterNextFrame's measure).
    const frame = () => {
      for (const f of frames.splice(0)) f();
      vi.runAllTimers();
    };
    let mutated: (records: unknown[]) => void = () => {};
    vi.stubGlobal('ResizeObserver', class { constructor(f: typeof report) { report = f; } observe() {} disconnect() {} });
    vi.stubGlobal('MutationObserver', class { constructor(f: typeof mutated) { mutated = f; } observe() {} disconnect() {} });
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    const caption = box(313, 120);
    const hold = new HeightHold({ querySelectorAll: () => [caption] } as unknown as HTMLElement, '.caption');
    const seen = () => {
      const r = caption.getBoundingClientRect();
      report([{ target: caption, borderBoxSize: [{ inlineSize: r.width, blockSize: r.height }] }]);
    };
    seen();
    expect(caption.style.minHeight).toBe(''); // not in the observer's callback: in the next frame
    frame();
    expect(caption.style.minHeight).toBe('120px');
    caption.text = 180;
    seen();
    frame();
    expect(caption.style.minHeight).toBe('180px');
    caption.text = 90; // a shorter text keeps the room
    expect(caption.getBoundingClientRect().height).toBe(180);
    caption.width = 700; // wider: freed in the next frame, measured after it
    seen();
    frame();
    expect(caption.style.minHeight).toBe('');
    frame();
    expect(caption.style.minHeight).toBe('90px');
    caption.text = 140;
    seen();
    frame();
    expect(caption.style.minHeight).toBe('140px');
    hold.release(); // other settings: held until their first text, then from its own height
    frame();
    expect(caption.style.minHeight).toBe('140px');
    caption.text = 60;
    mutated([{ target: caption }]);
    expect(caption.style.minHeight).toBe(''); // with the text's change, in its frame
    frame(); // laid out free, and measured after it
    frame();
    expect(caption.style.minHeight).toBe('60px');
  });
});
