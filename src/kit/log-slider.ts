/**
 * The one log-scale slider of the explorers: the range input holds log10 of a setting (scale,
 * learning rate), named by its data attribute (data-log="scale"); moving it gives 10^x rounded to
 * a few significant digits, so the URL and the output show round numbers.
 */

/** The setting's bounds and how many significant digits a slider position gives. */
export interface LogRange {
  readonly min: number;
  readonly max: number;
  readonly digits: number;
}

/** The setting for slider position `raw` (log10 of it): rounded and clamped; undefined when `raw` is not a number. */
export function fromSlider(raw: string, range: LogRange): number | undefined {
  const x = Number(raw);
  if (!Number.isFinite(x)) return undefined;
  return Math.min(range.max, Math.max(range.min, Number((10 ** x).toPrecision(range.digits))));
}

type Listen = (target: EventTarget, type: string, handler: () => void) => void;

/** The inputs of `host` that carry data attribute `attr` ('log' for data-log) naming a setting of `ranges`. */
function sliders(host: Element, attr: string, ranges: Readonly<Record<string, LogRange>>): [HTMLInputElement, string, LogRange][] {
  const name = attr.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return [...host.querySelectorAll<HTMLInputElement>(`input[data-${name}]`)]
    .map((input) => [input, input.dataset[attr] ?? '', ranges[input.dataset[attr] ?? '']] as [HTMLInputElement, string, LogRange])
    .filter(([, key, range]) => Object.hasOwn(ranges, key) && range !== undefined);
}

/** Enables the log sliders of `host` and calls `set` with each new setting. */
export function bindLogSliders(host: Element, attr: string, ranges: Readonly<Record<string, LogRange>>, listen: Listen, set: (key: string, value: number) => void): void {
  for (const [input, key, range] of sliders(host, attr, ranges)) {
    input.disabled = false;
    listen(input, 'input', () => {
      const value = fromSlider(input.value, range);
      if (value !== undefined) set(key, value);
    });
  }
}

/** Moves each log slider of `host` to its setting in `values` (unless it already gives it) and says the value to screen readers. */
export function reflectLogSliders(host: Element, attr: string, ranges: Readonly<Record<string, LogRange>>, values: Readonly<Record<string, unknown>>, text: (value: number) => string = String): void {
  for (const [input, key, range] of sliders(host, attr, ranges)) {
    const value = values[key] as number;
    if (fromSlider(input.value, range) !== value) input.value = String(Math.log10(value));
    input.setAttribute('aria-valuetext', text(value));
  }
}
