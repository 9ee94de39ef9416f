import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/index.ts';
import { py, pythonScript, scriptName, type PythonFigure } from '../../src/python/script.ts';

const figure: PythonFigure = {
  name: 'cost-curve-lecun', title: 'Cost during training: LeCun', plot: 'cost', show: ['log', 'report'],
  runs: [{ label: 'LeCun', config: DEFAULT_TRAIN_CONFIG }],
};

describe('pythonScript', () => {
  it('writes the settings as readable Python literals, floats as floats', () => {
    const script = pythonScript({ ...figure, runs: [{ label: 'big', config: { ...DEFAULT_TRAIN_CONFIG, init: 'normal', scale: 10, learningRate: 1 } }] });
    expect(script).toContain('    dict(label="big", layers=[2, 3, 1], hidden="tanh", init="normal", scale=10.0,\n'
      + '         learning_rate=1.0, iterations=10000, seed=42, record_every=100),');
    expect(script).toContain('DATA = dict(m=1000, seed=1)');
    expect(script).toMatch(/^FIGURE = \{"name": "cost-curve-lecun", .*"plot": "cost", "show": \["log", "report"\]\}$/m);
  });

  it('is valid Python that imports only numpy at the top (matplotlib only inside draw)', () => {
    const script = pythonScript(figure);
    const check = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: script, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(script.match(/^import .*$/gm)).toEqual(['import json', 'import math', 'import sys', 'import numpy as np']);
    expect(script).toMatch(/^ {8}import matplotlib$/m);
  });

  it('uses the lesson\'s names and formulas', () => {
    const script = pythonScript(figure);
    for (const text of ['"W%d" % l', '"b%d" % l', '"Z%d" % l', '"A%d" % l', '"dW%d" % l', '"db%d" % l', '"dZ%d" % (l - 1)', 'dZ[L] = A[L] - Y', 'Var(W) = 1/n[l-1]']) {
      expect(script).toContain(text);
    }
    expect(script).toContain('"Following the gradient backwards"');
  });

  it('keeps titles with quotes and backslashes inside the docstring and the literal', () => {
    const script = pythonScript({ ...figure, title: 'a """quoted""" \\ title', source: 'page "x"' });
    const check = spawnSync('python3', ['-c', 'import ast, sys; m = ast.parse(sys.stdin.read()); print(ast.get_docstring(m).splitlines()[0])'], { input: script, encoding: 'utf8' });
    expect(check.stdout.trim()).toBe('a """quoted""" \\ title');
  });

  it('says when a figure is a table', () => {
    expect(pythonScript({ ...figure, plot: null })).toContain('This figure is a table or a text: the printed numbers are the figure.');
    expect(pythonScript(figure)).not.toContain('This figure is a table');
  });

  it('refuses a run the engine would refuse, naming the field', () => {
    expect(() => pythonScript({ ...figure, runs: [{ label: 'x', config: { ...DEFAULT_TRAIN_CONFIG, learningRate: -1 } }] })).toThrow(/learningRate/);
    expect(() => py(Number.NaN)).toThrow(/NaN/);
  });
});

describe('py and scriptName', () => {
  it('writes JSON-like values as Python literals', () => {
    expect(py({ a: [1, 2.5, true, null], b: 'x"y' })).toBe('{"a": [1, 2.5, True, None], "b": "x\\"y"}');
  });

  it('makes safe file names', () => {
    expect(scriptName('Cost curve: LeCun (×10)')).toBe('cost-curve-lecun-10');
    expect(scriptName('../../etc')).toBe('etc');
    expect(scriptName('%%%')).toBe('figure');
  });
});
