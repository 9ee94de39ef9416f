import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import reference from '../fixtures/seed-runs.json';
import { costTolerance } from '../fixtures/parity.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = (...args: string[]) => spawnSync(`${root}node_modules/.bin/tsx`, ['src/cli/train.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run train', () => {
  const experiments = [
    { name: 'zero', flags: ['--init', 'zeros'] },
    { name: 'big', flags: ['--init', 'normal', '--scale', '10'] },
    { name: 'approp', flags: ['--init', 'lecun'] },
  ] as const;

  for (const e of experiments) {
    it(`prints the reference log for ${e.name} (costs at 0, 1000, …, 9000, true iteration labels)`, () => {
      const out = run('--layers', '2,3,1', '--hidden', 'tanh', '--lr', '1.2', '--iterations', '10000', ...e.flags);
      expect(out.status).toBe(0);
      const lines = [...out.stdout.matchAll(/^Cost after iteration (\d+): (\d+\.\d{6})$/gm)];
      expect(lines.map((l) => Number(l[1]))).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
      lines.forEach((l) => {
        const iteration = Number(l[1]);
        const want = reference.runs[e.name].cost_every_100_iterations[iteration / 100];
        const tolerance = costTolerance(e.name === 'big', iteration);
        expect(Math.abs(Number(l[2]) - want), `iteration ${iteration}`).toBeLessThanOrEqual(tolerance + 5e-7);
      });
      const accuracy = { zero: '0.5', big: '0.742', approp: '0.924' }[e.name];
      expect(out.stdout).toContain(`Accuracy: ${accuracy}\n`);
      expect(out.stdout).toMatch(/Confusion matrix \(rows actual, columns predicted\)/);
    });
  }

  it('prints one JSON object with --json', () => {
    const out = run('--layers', '2,3,1', '--iterations', '500', '--record-every', '50', '--json');
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(Object.keys(result).sort()).toEqual(
      ['accuracy', 'confusion', 'costs', 'f1', 'finalCost', 'gradientNorms', 'milliseconds', 'precision', 'recall', 'recordEvery', 'status'].sort(),
    );
    expect(result.costs).toHaveLength(10);
    expect(result.costs[0]).toBeCloseTo(0.788206, 6);
    expect(result.recordEvery).toBe(50);
    expect(result.gradientNorms[0]).toHaveLength(2);
    expect(result.status).toBe('done: 500 iterations');
    expect(result.finalCost).toBeLessThan(result.costs.at(-1));
    expect(result.milliseconds).toBeGreaterThan(0);
  });

  it('reports divergence and still exits 0', () => {
    const out = run('--layers', '2,3,1', '--lr', '1000', '--iterations', '100');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/Status: diverged at iteration \d+/);
    expect(out.stdout).not.toMatch(/Final cost.*: NaN/);
  });

  it.each([
    [['--layers', '3,3,1'], /^error: --layers must be .*starting with 2 .*ending with 1.*; got "3,3,1"\n$/],
    [['--layers', '2,3,2'], /^error: --layers .*ending with 1/],
    [['--layers', '2,3,1', '--init', 'xavier'], /^error: --init must be one of zeros, normal, lecun, glorot, he, constant; got "xavier"\n$/],
    [['--layers', '2,3,1', '--hidden', 'softplus'], /^error: --hidden must be one of sigmoid, tanh, relu, leaky-relu, linear; got "softplus"\n$/],
    [['--layers', '2,3,1', '--lr', '0'], /^error: --lr must be a number > 0/],
    [['--layers', '2,3,1', '--lr', '-0.5'], /^error: --lr must be a number > 0/],
    [['--layers', '2,3,1', '--iterations', '1.5'], /^error: --iterations must be a positive integer/],
    [['--layers', '2,3,1', '--iterations', '0'], /^error: --iterations must be a positive integer/],
    [['--layers', '2,3,1', '--iterations', 'ten'], /^error: --iterations must be a positive integer/],
    [['--layers', '2,3,1', '--m', '7'], /^error: --m must be an even integer/],
    [[], /^error: --layers is required/],
    [['--layers', '2,3,1', '--bogus'], /^error: Unknown option '--bogus'/],
  ])('rejects %j with status 2 and one line naming the flag', (args, message) => {
    const out = run(...args);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stdout).toBe('');
  });

  it('prints help', () => {
    const out = run('--help');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('--record-every');
  });

  it('--emit-python writes the run\'s numpy script, whose numbers are the CLI\'s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emit-python-'));
    const flags = ['--layers', '2,4,1', '--hidden', 'relu', '--init', 'he', '--lr', '0.5', '--iterations', '400', '--record-every', '20', '--seed', '3'];
    const out = run(...flags, '--emit-python', join(dir, 'he run.py'));
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toContain(`Wrote ${join(dir, 'he run.py')}`);
    const script = spawnSync('python3', [join(dir, 'he run.py'), '--json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, OPENBLAS_NUM_THREADS: '1' } });
    expect(script.status, script.stderr).toBe(0);
    const py = JSON.parse(script.stdout);
    const cli = JSON.parse(run(...flags, '--json').stdout);
    expect(py.figure).toBe('he-run');
    expect(py.runs[0].confusion).toEqual(cli.confusion);
    expect(py.runs[0].status).toBe(cli.status);
    cli.costs.forEach((c: number, i: number) => expect(Math.abs(py.runs[0].costs[i] - c)).toBeLessThanOrEqual(1e-9));
    expect(Math.abs(py.runs[0].final_cost - cli.finalCost)).toBeLessThanOrEqual(1e-9);
    // "-" prints the same script (the same settings block) to stdout.
    const runs = readFileSync(join(dir, 'he run.py'), 'utf8').match(/^RUNS = \[[\s\S]*?^\]$/m)![0];
    expect(run(...flags, '--emit-python', '-').stdout).toContain(runs);
  });

  it('--emit-python without a file name is a usage error', () => {
    const out = run('--layers', '2,3,1', '--emit-python', ' ');
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/--emit-python needs a file name/);
  });
});

