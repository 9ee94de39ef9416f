/**
 * Layer rules of src/ (checked by `npm run lint:layers` and by test/dependency-cruiser.test.ts in `npm test`).
 * engine ← charts ← run, kit ← features/<name> ← components (the index authors import from).
 * dependency-cruiser reads .ts/.mjs modules; .astro frontmatter is not parsed by it.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-is-self-contained',
      comment: 'The engine is pure numerics: it imports nothing outside src/engine (node built-ins aside).',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { pathNot: '^src/engine/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'charts-use-only-engine-types',
      comment: 'Chart builders may use the engine\'s types, never its code, and nothing above them.',
      severity: 'error',
      from: { path: '^src/charts/' },
      to: { pathNot: '^(src/charts/|src/engine/|node_modules/)', dependencyTypesNot: ['core'] },
    },
    {
      name: 'charts-import-engine-types-only',
      comment: 'Chart builders may use the engine\'s types, never its code.',
      severity: 'error',
      from: { path: '^src/charts/' },
      to: { path: '^src/engine/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'run-and-kit-import-no-feature',
      comment: 'The run model and the toolkit serve every feature, so they know none of them.',
      severity: 'error',
      from: { path: '^src/(run|kit)/' },
      to: { path: '^src/(features|components|prerender)/' },
    },
    {
      name: 'no-feature-imports-another',
      comment: 'Each feature folder stands alone; what two features share belongs in kit/ or run/.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycle anywhere.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
