import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../../src/run/experiment.ts';
import { prepareFigure, PROSE_CHART_WIDTH } from '../../../src/features/lesson/figure-props.ts';

const decl = parseExperiment({ id: 'tiny', layers: '2,3,1', init: 'lecun', learningRate: 1.2, iterations: 200, recordEvery: 100 });
const experiments = JSON.stringify([decl]);

describe('prepareFigure', () => {
  it('draws the build\'s charts as wide as the text column a lesson figure fills on a laptop (--prose in global.css)', () => {
    const css = readFileSync(new URL('../../../src/styles/global.css', import.meta.url), 'utf8');
    const prose = /--prose:\s*([\d.]+)rem;/.exec(css);
    expect(prose).not.toBeNull();
    expect(PROSE_CHART_WIDTH).toBe(Number(prose![1]) * 16);
  });

  it('prerenders a cost curve and a scatter at that width, and hands the island only the MDX\'s options', async () => {
    const cost = await prepareFigure('CostCurve', 'cost-curve', { experiment: 'tiny', __experiments: experiments });
    expect(cost.view.plot?.width).toBe(672);
    expect(cost.options.width).toBeUndefined();
    const scatter = await prepareFigure('PredictionScatter', 'scatter', { experiment: 'tiny', __experiments: experiments });
    expect(scatter.view.plot?.width).toBe(672);
  });

  it('fails naming the prop for an experiment the lesson does not declare', async () => {
    await expect(prepareFigure('CostCurve', 'cost-curve', { experiment: 'other', __experiments: experiments, __source: 'content/lessons/x.mdx:9' })).rejects.toThrow(
      'content/lessons/x.mdx:9: <CostCurve> prop "experiment" must be one of the experiments declared in this lesson (tiny); got "other"',
    );
  });
});
