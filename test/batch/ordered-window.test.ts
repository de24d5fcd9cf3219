// Law: the ordered window yields exactly what mapping the source would, in the source's order,
// whatever the order work finishes in, with never more than `window` items in flight.
import fc from 'fast-check';
import { expect, it, vi } from 'vitest';
import { orderedWindow } from '../../engine/batch/ordered-window.ts';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('yields the mapped items in input order, at most `window` in flight, for random finishing times', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), async (delays, window) => {
      let inFlight = 0;
      let most = 0;
      const out: number[] = [];
      const work = async (ms: number, i: number) => {
        most = Math.max(most, ++inFlight);
        await settle(ms);
        inFlight--;
        return i * 10 + ms;
      };
      for await (const r of orderedWindow(delays, work, window)) out.push(r);
      expect(out).toEqual(delays.map((ms, i) => i * 10 + ms));
      expect(most).toBeLessThanOrEqual(window);
    }),
    { seed: 5020, numRuns: 60 },
  );
});

it('reads an endless source only as far as the window ahead of what was taken, and closes it when stopped', async () => {
  let read = 0;
  let closed = false;
  async function* endless() {
    try {
      for (;;) yield read++;
    } finally {
      closed = true;
    }
  }
  let taken = 0;
  for await (const _ of orderedWindow(endless(), async (n) => n, 4)) {
    taken++;
    expect(read).toBeLessThanOrEqual(taken + 4 + 1);
    if (taken === 1000) break;
  }
  expect(read).toBeLessThanOrEqual(1005);
  // a read was still pending when the loop stopped: the source is closed once it answers
  await vi.waitFor(() => expect(closed).toBe(true));
});

it('yields a result that is ready while the next read is still pending', async () => {
  let release!: () => void;
  async function* slowSecond() {
    yield 1;
    await new Promise<void>((r) => (release = r));
    yield 2;
  }
  const it = orderedWindow(slowSecond(), async (n) => n * 2, 4);
  expect(await it.next()).toEqual({ value: 2, done: false });
  release();
  expect(await it.next()).toEqual({ value: 4, done: false });
  expect((await it.next()).done).toBe(true);
});

it('refuses a window that is not a whole number of at least 1', async () => {
  await expect(orderedWindow([1], async (n) => n, 0).next()).rejects.toThrow(/at least 1/);
});
