/** The public lesson components, for `import { … } from '~/components'` in MDX. Keep sorted. */
export { default as Aside } from './Aside.astro';
export { default as CostCurve } from './CostCurve.astro';
export { default as DeepLinearExplorer } from './DeepLinearExplorer.astro';
export { default as DeepNetworkDiagram } from './DeepNetworkDiagram.astro';
export { default as EngineCode } from './EngineCode.astro';
export { default as Experiment } from './Experiment.astro';
export { default as GradientFlow } from './GradientFlow.astro';
export { default as InitComparison } from './InitComparison.astro';
export { default as Metrics } from './Metrics.astro';
export { default as NeuronDiagram } from './NeuronDiagram.astro';
export { default as Parameters } from './Parameters.astro';
export { default as PredictionScatter } from './PredictionScatter.astro';
export { default as RemediesExplorer } from './RemediesExplorer.astro';
export { default as SummaryFigure } from './SummaryFigure.astro';
export { default as SummaryTable } from './SummaryTable.astro';
export { default as SymmetryMeter } from './SymmetryMeter.astro';
export { default as TrainingLog } from './TrainingLog.astro';
