/**
 * Python literals and safe file names for the exported scripts: shared by the plain writer
 * (script.ts) and the remedies writer (script-remedies.ts), so both spell values the same way.
 */

/** A file name made of safe characters: "cost-curve-zeros". */
export function scriptName(name: string): string {
  const safe = name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return safe || 'figure';
}

/** A Python literal for a JSON-like value: str, int, float, bool, None, list, dict. @throws RangeError for a non-finite number. */
export function py(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} into a script`);
    return String(value);
  }
  // A JSON string is a valid Python string literal (same escapes, \uXXXX included).
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(py).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${py(v)}`).join(', ')}}`;
}

/** A float literal: 10 → "10.0", so Python sees the same type the engine computes with. */
export function float(x: number): string {
  const s = py(x);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

/** Text safe inside a """docstring""": backslashes doubled, triple quotes escaped. */
export function docText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');
}
