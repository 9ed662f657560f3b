/**
 * What a shell over the library needs to show its results and failures: text made safe for a terminal, problems
 * worded, the errors it tells apart (a file that could not be read or written, a bad parameter, a usage error).
 */
export { FileError, ioReason, type IoReason } from '../file-errors.js';
export type { Progress } from '../input/read.js';
export { ParameterError } from '../params/errors.js';
export type { Problem } from '../problems.js';
export { plain } from '../render/colours.js';
export { render, type RenderContext, type Rendered } from '../render/registry.js';
export { bounded, visible, visibleLines } from '../safe-text.js';
export { UsageError } from './errors.js';
export { isStdout, refuseOutputOverInput, utf8Chunks, writeFileAtomic, type NamedInput } from './output.js';
