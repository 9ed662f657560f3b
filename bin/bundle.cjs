'use strict';
// Compiles the command line's bundle (dist/bundle/landcap.cjs) as Node compiles a CommonJS module, giving V8 the code
// it compiled of this build when the build stored it (scripts/build.mjs): a start then skips most of the compiling.
// V8 takes the code only from the same Node and V8 and the same flags; else it compiles the bundle as usual.
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

/** Where the code of a build is stored: beside the bundle, named by the build's id (at the bundle's end). */
function codeFile(bundle, source) {
  const build = /\/\/# landcap-build=([0-9a-f]+)\s*$/.exec(source.slice(-100))?.[1];
  return build === undefined ? undefined : join(dirname(bundle), `landcap.${build}.cache`);
}

/**
 * The stored code, as written by `storedCode`: its CRC-32, then the code. V8 does not check that the code is whole,
 * and a damaged one would stop Node itself: one whose CRC differs is left unused (and so is any on a Node without
 * zlib's crc32, before 20.15).
 */
function readCode(file) {
  const { crc32 } = require('node:zlib');
  if (file === undefined || typeof crc32 !== 'function') return undefined;
  let data;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  return data.length > 4 && crc32(data.subarray(4)) === data.readUInt32BE(0) ? data.subarray(4) : undefined;
}

/** The file's content for V8's code: its CRC-32, then the code (none on a Node without crc32). */
function storedCode(code) {
  const { crc32 } = require('node:zlib');
  if (typeof crc32 !== 'function') return undefined;
  const head = Buffer.alloc(4);
  head.writeUInt32BE(crc32(code));
  return Buffer.concat([head, code]);
}

/** The bundle's exports, and the script it was compiled as (whose code the build stores). */
function compileBundle(file) {
  const source = readFileSync(file, 'utf8');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData: readCode(codeFile(file, source)) });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { script, exports: module.exports, codeFile: codeFile(file, source) };
}

module.exports = { compileBundle, storedCode };
