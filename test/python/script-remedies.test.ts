import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REMEDIES_SETTINGS } from '../../src/features/remedies/settings.ts';
import { remediesScript } from '../../src/python/figures.ts';
import { pythonScript } from '../../src/python/script.ts';

const s = { ...DEFAULT_REMEDIES_SETTINGS, variants: ['plain', 'adam', 'residual+batchnorm'] as const };

describe('remediesScriptText (through pythonScript)', () => {
  it('writes one dict per variant: the page\'s config, floats as floats, the 30 hidden layers compactly', () => {
    const script = pythonScript(remediesScript('costs', { ...s, variants: [...s.variants] }));
    expect(script).toContain('    dict(label="plain gradient descent", layers=[2] + [16] * 30 + [1], hidden="tanh", init="normal", scale=0.1,\n'
      + '         learning_rate=0.1, iterations=1000, seed=42, record_every=10,\n'
      + '         optimizer="gd", clip="none", clip_threshold=1.0,\n'
      + '         residual="none", batch_norm=False, batch_size=64),');
    expect(script).toContain('learning_rate=0.001, iterations=1000, seed=42, record_every=10,\n         optimizer="adam", clip="none"');
    expect(script).toContain('residual="identity", batch_norm=True, batch_size=64),');
    expect(script).toMatch(/^FIGURE = \{"name": "remedies-costs", "title": "Mini-batch cost of each variant", "plot": "cost", "threshold": 0.5\}$/m);
  });

  it('names the drawn variant, its legend layers and the shaded bands for a gradients figure', () => {
    const script = pythonScript(remediesScript('gradients-2', { ...s, variants: [...s.variants] }));
    expect(script).toContain('"plot": "gradients", "threshold": 0.5, "variant": 2, "legend_layers": [1, 16, 31], "vanishing_below": 0.000001, "exploding_above": 1000}');
  });

  it('is valid Python importing decimal, json, math, sys and numpy at the top (matplotlib only inside draw)', () => {
    const script = pythonScript(remediesScript('summary', { ...s, variants: [...s.variants] }));
    const check = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: script, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(script.match(/^import .*$/gm)).toEqual(['import decimal', 'import json', 'import math', 'import sys', 'import numpy as np']);
    expect(script).toMatch(/^ {8}import matplotlib$/m);
    expect(script).toContain('This figure is a table: the printed numbers are the figure.');
  });

  it('says how to run it and how close to the page it is, batch norm\'s sensitivity included', () => {
    const script = pythonScript({ ...remediesScript('costs', { ...s, variants: [...s.variants] }), source: 'the lesson "Beyond", section "x"' });
    expect(script).toContain('Exported from the lesson "Beyond", section "x".');
    expect(script).toContain('python3 remedies-costs.py --json');
    expect(script).toContain('"A price of batch normalization"');
    expect(script).toContain('to about 1e-15 at every record');
  });

  it('refuses a variant the engine would refuse, naming the field', () => {
    expect(() => pythonScript(remediesScript('costs', { ...s, variants: ['batchnorm'], batchSize: 1 }))).toThrow(/batchSize/);
    expect(() => pythonScript(remediesScript('costs', { ...s, variants: ['plain'], learningRate: -1 }))).toThrow(/learningRate/);
  });
});
