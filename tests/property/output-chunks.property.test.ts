import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { utf8Chunks, writeFileAtomic } from '../../src/app/output.js';
import { tempDir } from '../helpers.js';

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

  it('fills one chunk again and again when each is written before the next is asked for, with the same bytes', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (parts, size) => {
        // Each chunk copied out as it is handed on, as a write would.
        const copies: Buffer[] = [];
        const memories = new Set<ArrayBufferLike>();
        for (const chunk of utf8Chunks(parts, size, () => true)) {
          copies.push(Buffer.from(chunk));
          memories.add(chunk.buffer);
        }
        expect(Buffer.concat(copies)).toEqual(Buffer.concat(parts.map((p) => Buffer.from(p, 'utf8'))));
        // A new chunk only for a part too long for the one before: with room for every part, one chunk serves all.
        if (parts.every((p) => p.length * 3 <= size)) expect(memories.size).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a file of many chunks filled in turn (fs writes each before it asks for the next)', async () => {
    const parts = Array.from({ length: 500 }, (_, i) => `镇${String(i).padStart(5, '0')},生猪,${i * 7}\n`);
    const path = join(tempDir(), 'out.csv');
    await writeFileAtomic(path, utf8Chunks(parts, 64, () => true));
    expect(readFileSync(path, 'utf8')).toBe(parts.join(''));
  });

  it('fills a chunk with several parts before handing it on', () => {
    const chunks = [...utf8Chunks(['ab', '镇', 'cd', 'ef'], 8)];
    // A part goes in when the chunk has room for three bytes a character: 'ab' (2 bytes) and '镇' (3) do, 'cd' no longer
    // does (3 bytes left) and starts the next chunk, where 'ef' fits.
    expect(chunks.map((c) => c.toString('utf8'))).toEqual(['ab镇', 'cdef']);
  });
});
