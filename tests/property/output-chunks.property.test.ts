import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Chunks } from '../../src/app/output.js';

// Parts of any text: ASCII, Chinese, characters outside the Basic Multilingual Plane (surrogate pairs), lone surrogates.
const part = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('镇00000', '生猪', '𠀋', '\ud800'));

describe('text in parts written as UTF-8 chunks', () => {
  it('gives the bytes of each part encoded in turn, no character cut between chunks, each chunk in memory of its own', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (parts, size) => {
        const chunks = [...utf8Chunks(parts, size)];
        expect(Buffer.concat(chunks)).toEqual(Buffer.concat(parts.map((p) => Buffer.from(p, 'utf8'))));
        for (const chunk of chunks) {
          expect(chunk.length).toBeGreaterThan(0);
          // A chunk decodes alone to text that encodes back to it: it starts and ends between characters.
          expect(Buffer.from(chunk.toString('utf8'), 'utf8')).toEqual(chunk);
        }
        // A chunk handed on is never written to again: no two share memory.
        const buffers = new Set(chunks.map((c) => c.buffer));
        expect(buffers.size).toBe(chunks.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('fills a chunk with several parts before handing it on', () => {
    const chunks = [...utf8Chunks(['ab', '镇', 'cd', 'ef'], 8)];
    // A part goes in when the chunk has room for three bytes a character: 'ab' (2 bytes) and '镇' (3) do, 'cd' no longer
    // does (3 bytes left) and starts the next chunk, where 'ef' fits.
    expect(chunks.map((c) => c.toString('utf8'))).toEqual(['ab镇', 'cdef']);
  });
});
