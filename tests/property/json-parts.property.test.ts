import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonInParts } from '../../src/render/json-parts.js';

// Members as a report has them (numbers, strings with line breaks and quotes, nested objects, null), and ones that
// JSON leaves out or turns into null (undefined, functions).
const member = fc.oneof(
  fc.jsonValue(),
  fc.constant(undefined),
  fc.constant(() => 0),
  fc.string(),
);
const item = fc.oneof(fc.dictionary(fc.string(), member), fc.jsonValue(), fc.constant(undefined));

describe('JSON written in parts', () => {
  it('joins to exactly the text of JSON.stringify(value, null, 2)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), member),
        fc.option(fc.array(item, { maxLength: 30 }), { nil: undefined }),
        fc.string(),
        fc.integer({ min: 1, max: 7 }),
        (value, items, key, perPart) => {
          const withArray = items === undefined ? value : { ...value, [key]: items };
          const parts = [...jsonInParts(withArray, key, perPart)];
          expect(parts.join('')).toBe(`${JSON.stringify(withArray, null, 2)}\n`);
          // The array is cut where asked: two parts per `perPart` items (what comes before them, and they), and one for
          // what follows it.
          if (Array.isArray(items) && items.length > 0 && Object.hasOwn(withArray, key)) expect(parts.length).toBe(2 * Math.ceil(items.length / perPart) + 1);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
