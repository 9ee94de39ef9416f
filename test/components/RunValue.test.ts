import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/run/experiment.ts';
import { useAstroRenderer } from '../support/astro.ts';

const astro = useAstroRenderer();
const decl = parseExperiment({ id: 'tiny', layers: '2,3,1', init: 'lecun', learningRate: 1.2, iterations: 200, recordEvery: 100 });
const experiments = JSON.stringify([decl]);

describe('<RunValue>', () => {
  it('prints a number of a declared experiment, from the build-time run, and says where it comes from', async () => {
    const { root } = await astro.render('RunValue', { experiment: 'tiny', value: 'cost', at: 100, __experiments: experiments });
    const span = root.querySelector('span.run-value')!;
    expect(span.textContent).toMatch(/^0\.\d{3}$/);
    expect(span.getAttribute('title')).toBe('cost at iteration 100 of experiment "tiny", computed by the engine when the site was built');
  });

  it('prints a scheme of the comparison the remark plugin attached', async () => {
    const comparison = JSON.stringify({ id: 'c', schemes: 'zeros', iterations: 100 });
    const { root } = await astro.render('RunValue', { comparison: 'c', scheme: 'zeros', value: 'cost', digits: 6, __comparison: comparison });
    expect(root.querySelector('span.run-value')!.textContent).toBe('0.693147');
  });

  it('fails naming the prop for an undeclared experiment or a scheme the comparison does not train', async () => {
    await expect(astro.render('RunValue', { experiment: 'other', value: 'cost', __experiments: experiments, __source: 'content/lessons/x.mdx:3' })).rejects.toThrow(
      'content/lessons/x.mdx:3: <RunValue> prop "experiment" must be one of the experiments declared in this lesson (tiny); got "other"',
    );
    await expect(astro.render('RunValue', { comparison: 'c', scheme: 'he', value: 'cost', __comparison: JSON.stringify({ id: 'c', schemes: 'zeros', iterations: 100 }) })).rejects.toThrow(
      '<RunValue> prop "scheme" must be one of the schemes of comparison "c" (zeros); got "he"',
    );
  });
});
