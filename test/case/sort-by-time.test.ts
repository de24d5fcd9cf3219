// Sorting a case's events by time: the radix sort of long lists gives what sorting by time, then
// index, gives, whatever the span of the instants (one pass to the four an instant's range needs),
// and a long case read fast is the case the careful validator reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relokiaCase } from '../../bench/scaling.bench.ts';
import { MAX_INSTANT, MIN_INSTANT } from '../../engine/calendar/limits.ts';
import type { CaseEvent } from '../../engine/case/case-model.ts';
import { readValidCase } from '../../engine/case/read-valid-case.ts';
import { sortByTime } from '../../engine/case/sort-by-time.ts';
import { validateCaseCarefully } from '../../engine/case/validate-case-carefully.ts';
import { bundled } from '../evaluate/backends-agree.ts';
import { withAttributesOnly } from './attributes-only.ts';

const byTime = (a: CaseEvent, b: CaseEvent) => a.at - b.at || a.index - b.index;
// a scrambling of indices below 10 007 (a prime)
const scrambled = (i: number) => (i * 7919) % 10_007;

/** Events at the given instants, scrambled, with those at the same instant in the order of their
 *  index (as the reading of a case leaves them). */
function events(ats: number[]): CaseEvent[] {
  const list = ats.map((at, index): CaseEvent => ({ index, type: 'e', at, until: undefined, attrs: {} }));
  const tied = new Map<number, CaseEvent[]>();
  for (const e of list) tied.set(e.at, [...(tied.get(e.at) ?? []), e]);
  const next = new Map<number, number>();
  return [...list]
    .sort((a, b) => scrambled(a.index) - scrambled(b.index))
    .map((e) => {
      const i = next.get(e.at) ?? 0;
      next.set(e.at, i + 1);
      return tied.get(e.at)![i];
    });
}

describe('sortByTime', () => {
  it('orders long lists by time, then index, over any span', () => {
    const span = fc.constantFrom(0, 1, 2047, 2048, 5_000_000, 2 ** 33, MAX_INSTANT - MIN_INSTANT - 1);
    const instants = span.chain((s) =>
      fc.tuple(fc.integer({ min: MIN_INSTANT, max: MAX_INSTANT - 1 - s }), fc.array(fc.integer({ min: 0, max: s }), { minLength: 500, maxLength: 3000 })),
    );
    fc.assert(
      fc.property(instants, ([base, offsets]) => {
        const list = events(offsets.map((o) => base + o));
        const expected = [...list].sort(byTime);
        sortByTime(list);
        expect(list.map((e) => e.index)).toEqual(expected.map((e) => e.index));
      }),
      { seed: 20_261_201, numRuns: 60 },
    );
  });

  it('orders short lists too', () => {
    const list = events([5, 3, 3, 9, 1, 3]);
    sortByTime(list);
    expect(list.map((e) => [e.at, e.index])).toEqual([
      [1, 4],
      [3, 1],
      [3, 2],
      [3, 5],
      [5, 0],
      [9, 3],
    ]);
  });

  it('gives a long case, out of order and with ties, as the careful validator does', () => {
    const { policy } = bundled('relokia');
    for (const tickets of [300, 3000]) {
      const input = relokiaCase(tickets) as unknown as { events: { at: string }[] };
      // every third event at the instant of another, far away in the list
      input.events.forEach((e, i) => {
        if (i % 3 === 0) e.at = input.events[scrambled(i) % input.events.length].at;
      });
      expect(withAttributesOnly(readValidCase(policy, input))).toEqual(validateCaseCarefully(policy, input));
    }
  });
});
