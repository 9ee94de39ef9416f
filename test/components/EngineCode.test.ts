import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useAstroRenderer } from '../support/astro.ts';

const astro = useAstroRenderer();

const engine = (file: string) => readFileSync(new URL(`../../src/engine/${file}`, import.meta.url), 'utf8');

describe('<EngineCode>', () => {
  it('shows a function from the engine with its doc comment, highlighted as TypeScript, captioned with its file', async () => {
    const { root } = await astro.render('EngineCode', { symbol: 'initializeParameters' });
    const pre = root.querySelector('pre')!;
    expect(pre.className).toContain('astro-code');
    expect(pre.getAttribute('data-language')).toBe('ts');
    // The listing is the source, line for line, with its argument check folded in a <details>.
    const code = [...root.querySelectorAll('pre')].map((p) => p.textContent!.replace(/\n$/, '')).join('\n');
    expect(root.querySelector('details.engine-fold summary')!.textContent).toBe('Argument checks (3 lines)');
    expect(root.querySelector('details.engine-fold pre')!.textContent).toMatch(/^  if \(init\.usesScale/);
    const source = engine('initializers.ts');
    const start = source.indexOf('/**\n * Fills fresh parameters');
    const end = source.indexOf('\n}\n', start) + 2;
    expect(start).toBeGreaterThan(0);
    expect(code.trim()).toBe(source.slice(start, end).trim());
    expect(root.querySelector('figcaption')!.textContent).toContain('src/engine/initializers.ts');
  });

  it('shows an exported const and the optional title', async () => {
    const { root } = await astro.render('EngineCode', { symbol: 'lecun', title: 'LeCun: Var(W) = 1/n' });
    const code = root.querySelector('pre')!.textContent!;
    expect(code).toMatch(/^\/\*\* Var\(W\) = 1\/n_in\./);
    expect(code).toContain('export const lecun: Initializer = {');
    expect(code).toContain('std: (nIn) => Math.sqrt(1 / nIn),');
    expect(code.trim().endsWith('};')).toBe(true);
    expect(code).not.toContain('glorot');
    expect(root.querySelector('figcaption')!.textContent).toContain('LeCun: Var(W) = 1/n');
  });

  it('uses the site\'s high-contrast light/dark themes', async () => {
    const { html } = await astro.render('EngineCode', { symbol: 'he' });
    expect(html).toContain('github-light-high-contrast');
    expect(html).toContain('--shiki-dark');
  });

  it('throws a PropError listing the exported names for an unknown symbol', async () => {
    const error = await astro.render('EngineCode', { symbol: 'initialize_parameters_zero', __source: 'content/lessons/x.mdx:9' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('content/lessons/x.mdx:9: <EngineCode> prop "symbol" must be one of the functions exported by src/engine (');
    expect(message).toContain('got "initialize_parameters_zero"');
    for (const name of ['initializeParameters', 'lecun', 'glorot', 'he', 'forward', 'backward', 'deepLinearGradients']) expect(message).toMatch(new RegExp(`[(, ]${name}[,)]`));
  });

  it('rejects a symbol that is not an identifier, and a missing one', async () => {
    await expect(astro.render('EngineCode', { symbol: 'a b' })).rejects.toThrow(/<EngineCode> prop "symbol" must be the name of a function exported by src\/engine; got "a b"/);
    await expect(astro.render('EngineCode', {})).rejects.toThrow(/prop "symbol" .* got nothing/);
  });
});
