/**
 * Repository tooling stays consistent with what the README promises:
 * the pinned Node version, the npm test chain, and .ci/run.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  engines: { node: string };
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('Node version pin', () => {
  const pinned = pkg.devDependencies.node;

  it('the node devDependency is an exact 22.x version, and .nvmrc names the same', () => {
    expect(pinned).toMatch(/^22\.\d+\.\d+$/);
    expect(read('.nvmrc').trim()).toBe(pinned);
  });

  it('engines.node accepts the pinned version', () => {
    const min = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(pkg.engines.node);
    expect(min, `engines.node is "${pkg.engines.node}"; expected ">=X.Y.Z"`).not.toBeNull();
    const [a, b] = [min!.slice(1).map(Number), pinned.split('.').map(Number)];
    const cmp = b[0] - a[0] || b[1] - a[1] || b[2] - a[2];
    expect(cmp).toBeGreaterThanOrEqual(0);
  });

  it('tests run on the pinned Node (npm puts node_modules/.bin first on PATH)', () => {
    expect(process.versions.node).toBe(pinned);
  });
});

describe('test commands', () => {
  it('npm test runs unit, astro build, build tests, e2e — in that order', () => {
    const steps = pkg.scripts.test.split('&&').map((s) => s.trim());
    expect(steps.map((s) => s.split(' --passWithNoTests')[0])).toEqual([
      'vitest run --project unit',
      'astro build',
      'vitest run --project build',
      'vitest run --project e2e',
    ]);
    for (const project of ['unit', 'build', 'e2e']) {
      expect(pkg.scripts[`test:${project}`]).toMatch(new RegExp(`^vitest run --project ${project}\\b`));
    }
  });

  it('the README quick start uses existing scripts', () => {
    const readme = read('README.md');
    expect(readme).toContain('npm ci && npm run dev');
    expect(readme).toContain('npm ci && npm test');
    for (const name of ['dev', 'build', 'preview', 'test:unit', 'test:build', 'test:e2e']) {
      expect(readme).toContain(`npm run ${name}`);
      expect(pkg.scripts[name], `script ${name}`).toBeTruthy();
    }
  });

  it('.ci/run is executable, strict, and ends with npm ci then npm test', () => {
    accessSync(new URL('../.ci/run', import.meta.url), constants.X_OK);
    const script = read('.ci/run');
    expect(script).toContain('set -euo pipefail');
    const commands = script
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('echo'));
    expect(commands.slice(-2)).toEqual(['npm ci', 'npm test']);
  });
});
