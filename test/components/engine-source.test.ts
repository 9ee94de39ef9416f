import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportedSymbols, findDeclaration } from '~/components/engine-source.ts';

const dir = new URL('../../src/engine/', import.meta.url);
const engine = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => [`../engine/${f}`, readFileSync(new URL(f, dir), 'utf8')]));

describe('exportedSymbols', () => {
  it('lists the functions and consts the engine exports, not types or the barrel file', () => {
    const names = exportedSymbols(engine);
    for (const n of ['initializeParameters', 'lecun', 'he', 'glorot', 'forward', 'deepLinearGradients', 'DEFAULT_TRAIN_CONFIG']) expect(names).toContain(n);
    expect(names).not.toContain('Initializer'); // an interface
    expect(names).toEqual([...new Set(names)]);
  });
});

describe('findDeclaration', () => {
  it('extracts every exported declaration so that it ends with a closing brace or semicolon', () => {
    for (const name of exportedSymbols(engine)) {
      const d = findDeclaration(engine, name)!;
      expect(d.code, name).toMatch(new RegExp(`export (async )?(function\\*? |const |class )${name.replace('$', '\\$')}\\b`));
      expect(d.code.trimEnd(), name).toMatch(/[};]$/);
      // Balanced brackets outside strings, as a sanity check on the scanner.
      const bare = d.code.replace(/\/\*[\s\S]*?\*\/|\/\/.*$|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/gm, '');
      for (const [o, c] of ['()', '[]', '{}']) expect(bare.split(o).length, `${name} ${o}${c}`).toBe(bare.split(c).length);
    }
  });

  it('includes the doc comment and reports file and line', () => {
    const d = findDeclaration(engine, 'depthLimit')!;
    expect(d.file).toBe('theory.ts');
    expect(d.code.split('\n')[0]).toMatch(/^\/\*\* Smallest depth L/);
    const lines = engine['../engine/theory.ts'].split('\n');
    expect(lines[d.line - 1]).toBe(d.code.split('\n')[0]);
    // The return type is an object type: the body is the brace after it.
    expect(d.code).toContain('underflow: a < 1 ? depth(minNormal) : null,');
  });

  it('handles type parameters with braces, template literals, regexes and comments containing braces', () => {
    const src = {
      'a.ts': [
        'const x = 1;',
        '/** Doc. */',
        'export function f<T extends { m: number }>(t: T): { k: string } {',
        '  const s = `${t.m} }`; // }',
        "  const r = /[}{]/.test('{');",
        '  /* } */',
        '  return { k: s + r };',
        '}',
        'export const g = (x: number) => {',
        "  return '};';",
        '};',
        'export const h = 3',
        'export const after = 4;',
      ].join('\n'),
    };
    expect(findDeclaration(src, 'f')!.code.split('\n').at(-1)).toBe('}');
    expect(findDeclaration(src, 'f')!.code.split('\n')[0]).toBe('/** Doc. */');
    expect(findDeclaration(src, 'f')!.line).toBe(2);
    expect(findDeclaration(src, 'g')!.code).toBe("export const g = (x: number) => {\n  return '};';\n};");
    expect(findDeclaration(src, 'h')!.code).toBe('export const h = 3');
    expect(findDeclaration(src, 'missing')).toBeNull();
  });
});

describe('segmentChecks', () => {
  it('separates argument checks (one-line and block ifs that only throw) from the arithmetic', async () => {
    const { segmentChecks } = await import('~/components/engine-source.ts');
    const code = ['function f(x: number) {', '  if (x < 0) throw new RangeError(`x ≥ 0, got ${x}`);', '  if (!Number.isFinite(x)) {', '    throw new RangeError(', "      'finite');", '  }', '  const y = x * 2;', '  if (y > 3) {', '    return y;', '  }', '  return y;', '}'].join('\n');
    const segments = segmentChecks(code);
    expect(segments.map((s) => s.check)).toEqual([false, true, false]);
    expect(segments[1].code.split('\n')).toHaveLength(5);
    expect(segments.map((s) => s.code).join('\n')).toBe(code);
  });
});
