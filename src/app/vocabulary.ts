/**
 * What the command line builds its options and help from, before any command runs: the parameter table, the
 * encodings, file kinds, coefficient tables, output formats and samples. Light: nothing here reads a file or loads
 * a renderer.
 */
export { COEFFICIENT_TABLES } from '../coefficients/files.js';
export { INPUT_KINDS, type InputKind } from '../input/columns.js';
export { ENCODING_OPTIONS, type EncodingOption } from '../input/errors.js';
export { PARAMETERS, PARAMETER_NAMES, type ParameterName } from '../params/table.js';
export { formatsOf, type Documents } from '../render/registry.js';
export { DEFAULT_SAMPLE } from '../samples.js';
export { REGION_LEVELS, type RegionLevel } from '../report/regions.js';
