/**
 * The layers of src/, from the ground up: a module imports modules of its own layer and of the layers below it,
 * never one above it, and no module imports itself back through others (type imports counted). src/cli/ imports
 * only the library (src/app/), the messages (src/i18n/) and its own files. `npm test` runs this check.
 */
const LAYERS = [
  ['ground', '^src/(safe-text|problems|paths|file-errors)\\.ts$'],
  ['method', '^src/method/'],
  ['coefficients', '^src/coefficients/'],
  ['params', '^src/params/'],
  ['input', '^src/input/'],
  ['tally', '^src/tally/'],
  ['i18n', '^src/i18n/'],
  ['domain', '^src/(report|explain|compare|farm|scenario|validate|transfer)/'],
  ['render', '^src/render/'],
  ['app', '^src/(app/|api\\.ts$|samples\\.ts$)'],
  ['cli', '^src/cli/'],
];

const upward = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `${name}-imports-upward`,
  comment: `${name} must not import a layer above it (${LAYERS.slice(i + 1)
    .map(([n]) => n)
    .join(', ')})`,
  severity: 'error',
  from: { path },
  to: { path: LAYERS.slice(i + 1).map(([, p]) => p) },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'no import circles, type imports included', from: {}, to: { circular: true } },
    {
      name: 'cli-past-the-library',
      severity: 'error',
      comment: 'src/cli/ imports only the library (src/app/), the messages (src/i18n/) and its own files',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: '^src/(app|i18n|cli)/' },
    },
    ...upward,
    {
      name: 'every-module-in-a-layer',
      severity: 'error',
      comment: 'every module of src/ belongs to a layer',
      from: { path: '^src/', pathNot: LAYERS.map(([, p]) => p) },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.d.ts'] },
  },
};
