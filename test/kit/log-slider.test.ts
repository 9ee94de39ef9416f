import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bindLogSliders, fromSlider, reflectLogSliders, type LogRange } from '../../src/kit/log-slider.ts';

const scale: LogRange = { min: 0.001, max: 100, digits: 2 };

describe('the log-scale slider', () => {
  it('gives 10^x rounded to the range’s digits, clamped; nothing for a non-number', () => {
    expect(fromSlider('-1.2', scale)).toBe(0.063);
    expect(fromSlider('-1.2', { ...scale, digits: 3 })).toBe(0.0631);
    expect(fromSlider('1', scale)).toBe(10);
    expect(fromSlider('5', scale)).toBe(100);
    expect(fromSlider('-9', scale)).toBe(0.001);
    expect(fromSlider('x', scale)).toBeUndefined();
  });

  it('binds the inputs naming a known setting and moves them to the values', () => {
    const { document } = parseHTML('<!doctype html><html><body><div><input type="range" data-log="scale" min="-3" max="2" step="0.1" value="0" disabled><input type="range" data-log="other" value="0" disabled><input type="range" data-log-param="scale" value="0" disabled></div></body></html>');
    const host = document.querySelector('div') as unknown as Element;
    const [input, other, param] = [...document.querySelectorAll('input')] as unknown as HTMLInputElement[];
    const seen: [string, number][] = [];
    const handlers: (() => void)[] = [];
    bindLogSliders(host, 'log', { scale }, (_t, _type, f) => handlers.push(f), (k, v) => seen.push([k, v]));
    expect([input.disabled, other.disabled, param.disabled]).toEqual([false, true, true]);
    input.value = '-1';
    handlers[0]();
    expect(seen).toEqual([['scale', 0.1]]);
    reflectLogSliders(host, 'log', { scale }, { scale: 2 }, (v) => `× ${v}`);
    expect(Number(input.value)).toBeCloseTo(Math.log10(2), 12);
    expect(input.getAttribute('aria-valuetext')).toBe('× 2');
    expect(param.getAttribute('aria-valuetext')).toBeNull();
  });
});
