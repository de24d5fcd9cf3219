// The banded edit distance agrees with the textbook one wherever it answers, and the suggestion
// is the closest candidate within the tolerance (an oracle that does not reuse the code under test).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, listOf, MAX_LISTED, nearest } from '../../engine/diagnostics/index.ts';

/** Levenshtein distance by the full table. */
function levenshtein(a: string, b: string): number {
  const t = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) t[i][j] = Math.min(t[i - 1][j] + 1, t[i][j - 1] + 1, t[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return t[a.length][b.length];
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '_'), maxLength: 12 });
const opts = { seed: 20251201, numRuns: 400 };

describe('editDistance', () => {
  it('equals the full-table distance, or says "more than the limit"', () => {
    fc.assert(
      fc.property(word, word, fc.nat({ max: 14 }), (a, b, limit) => {
        const d = levenshtein(a, b);
        expect(editDistance(a, b, limit)).toBe(d <= limit ? d : limit + 1);
      }),
      opts,
    );
  });
});

describe('nearest', () => {
  it('is the first closest candidate within max(2, length / 3)', () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 8 }), (w, cs) => {
        const tolerance = Math.max(2, Math.floor(w.length / 3));
        const ds = cs.map((c) => levenshtein(w, c));
        const best = Math.min(...ds);
        expect(nearest(w, cs)).toBe(best <= tolerance ? cs[ds.indexOf(best)] : undefined);
      }),
      opts,
    );
  });

  it('suggests nothing for a word longer than any plausible identifier', () => {
    expect(nearest('x'.repeat(65), ['x'.repeat(64)])).toBeUndefined();
  });
});

describe('listOf', () => {
  it('lists a dozen candidates and counts the rest', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `c${i}`);
    expect(listOf(many)).toBe(
      `${many
        .slice(0, MAX_LISTED)
        .map((c) => `\`${c}\``)
        .join(', ')} and ${1000 - MAX_LISTED} more`,
    );
  });
});
