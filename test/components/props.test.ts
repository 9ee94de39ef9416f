import { describe, expect, it } from 'vitest';
import { PropError } from '../../src/kit/props.ts';
import { componentNames, parseProps } from '../../src/components/props.ts';
import { parseExperiment } from '../../src/run/experiment.ts';

const error = (f: () => unknown): PropError => {
  try {
    f();
  } catch (e) {
    if (e instanceof PropError) return e;
    throw e;
  }
  throw new Error('expected a PropError');
};

describe('component props', () => {
  it('lists every public component', () => {
    expect(componentNames).toContain('Experiment');
    expect(componentNames).toContain('CostCurve');
    expect(componentNames).toContain('InitComparison');
  });

  it('accepts numbers written as strings and applies defaults', () => {
    expect(parseProps('TrainingLog', { experiment: 'a', every: '500' }).every).toBe(500);
    expect(parseProps('CostCurve', { experiment: 'a' }).yScale).toBe('linear');
    expect(parseProps('CostCurve', { experiments: 'a, b' }).experiments).toEqual(['a', 'b']);
  });

  it('names file, component, prop and allowed values in one line', () => {
    const e = error(() => parseProps('CostCurve', { experiment: 'a', yScale: 'cubic', __source: 'content/lessons/x.mdx:42' }));
    expect(e.message).toBe('content/lessons/x.mdx:42: <CostCurve> prop "yScale" must be one of linear, log; got "cubic"');
    expect(error(() => parseProps('CostCurve', { experiment: 'a', colour: 'red' })).message).toMatch(/prop "colour" must be one of the known props \(experiment, experiments, yScale, title, threshold\)/);
    expect(error(() => parseProps('TrainingLog', {})).message).toMatch(/prop "experiment" must be an experiment id; got nothing/);
    expect(error(() => parseProps('DeepLinearExplorer', { depth: 99 })).message).toMatch(/prop "depth" must be an integer from 2 to 50; got 99/);
    expect(error(() => parseProps('RemediesExplorer', { variants: 'plain,warp' })).message).toMatch(/prop "variants" must be a comma-separated list of 1–4 of plain, clipped, residual, batchnorm, adam, residual\+batchnorm/);
    expect(error(() => parseProps('RemediesExplorer', { depth: 51 })).message).toMatch(/prop "depth" must be an integer from 2 to 50; got 51/);
    expect(error(() => parseProps('RemediesExplorer', { batchSize: 100 })).message).toMatch(/prop "batchSize" must be one of 16, 32, 64, 128, 256, 1000; got 100/);
    expect(parseProps('RemediesExplorer', { variants: 'plain, adam' })).toMatchObject({ variants: ['plain', 'adam'], depth: 30, width: 16, scale: 0.1, urlKey: 'remedies' });
  });

  it('parses experiments into training configs', () => {
    const d = parseExperiment({ id: 'big', layers: '2,3,1', init: 'normal', scale: '10', learningRate: 1.2, iterations: 10000 });
    expect(d).toMatchObject({ id: 'big', label: 'big', config: { layers: [2, 3, 1], init: 'normal', scale: 10, learningRate: 1.2, iterations: 10000, seed: 42 } });
  });

  it('rejects bad experiments with the prop and the allowed values', () => {
    const source = 'content/lessons/x.mdx:7';
    expect(error(() => parseExperiment({ id: 'a', layers: '3,3,1' }, source)).message).toMatch(/^content\/lessons\/x\.mdx:7: <Experiment> prop "layers" must be .*starting with 2 .*ending with 1/);
    expect(error(() => parseExperiment({ id: 'a', init: 'xavier' })).message).toMatch(/prop "init" must be one of zeros, normal, lecun, glorot, he/);
    expect(error(() => parseExperiment({ id: 'a', hidden: 'softplus' })).message).toMatch(/prop "hidden" must be one of sigmoid, tanh, relu, leaky-relu, linear/);
    expect(error(() => parseExperiment({ id: 'a', learningRate: -1 })).message).toMatch(/prop "learningRate" must be a number > 0/);
    expect(error(() => parseExperiment({ id: 'A b' })).message).toMatch(/prop "id" must be an id of lowercase letters/);
    expect(error(() => parseExperiment({ id: 'a', lr: 1 })).message).toMatch(/prop "lr" must be one of the known props/);
  });
});
