'use strict';
// Compiles the command line's bundle (dist/bundle/landcap.cjs) as Node compiles a CommonJS module, giving V8 the code
// it compiled of this build when the build stored it (scripts/build.mjs): a start then skips most of the compiling.
// V8 takes the code only from the same Node and V8 and the same flags; else it compiles the bundle as usual.
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const { crc32 } = require('node:zlib');

/** Where the code of a build is stored: beside the bundle, named by the build's id (at the bundle's end). */
function codeFile(bundle, source) {
  const build = /\/\/# landcap-build=([0-9a-f]+)\s*$/.exec(source.slice(-100))?.[1];
  return build === undefined ? undefined : join(dirname(bundle), `landcap.${build}.cache`);
}

/**
 * The stored code, as `storedCode` writes it: the CRC-32 of the code, that of the bundle it was compiled from, then
 * the code. V8 checks neither: damaged code would stop Node itself, and code of a bundle since edited (of the same
 * length) would run instead of it. Code whose CRCs differ is left unused, and so is any on a Node without zlib's
 * crc32 (before 20.15).
 */
function readCode(file, bundleBytes) {
  if (file === undefined || typeof crc32 !== 'function') return undefined;
  let data;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  if (data.length <= 8 || data.readUInt32BE(4) !== crc32(bundleBytes)) return undefined;
  const code = data.subarray(8);
  return crc32(code) === data.readUInt32BE(0) ? code : undefined;
}

/** The file's content for the code of a bundle (its bytes): the two CRC-32s, then the code (none without crc32). */
function storedCode(code, bundleBytes) {
  if (typeof crc32 !== 'function') return undefined;
  const head = Buffer.alloc(8);
  head.writeUInt32BE(crc32(code), 0);
  head.writeUInt32BE(crc32(bundleBytes), 4);
  return Buffer.concat([head, code]);
}

/** The bundle's exports, the script it was compiled as, its bytes, and where its code is stored (for the build). */
function compileBundle(file) {
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const stored = codeFile(file, source);
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData: readCode(stored, bytes) });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { script, exports: module.exports, bytes, codeFile: stored };
}

module.exports = { compileBundle, storedCode };
