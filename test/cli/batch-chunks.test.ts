// Chunks of a batch's cases: the source's items in order, none left out or repeated, each chunk at
// most the size asked for and as full as the source allows, and a slow source never waited on.
import fc from 'fast-check';
import { expect, it, vi } from 'vitest';
import { chunksOf } from '../../cli/batch/chunks.ts';

async function collect<T>(chunks: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

it('splits a ready source into full chunks of the size asked, in order, the last one the rest', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer(), { maxLength: 200 }), fc.integer({ min: 1, max: 40 }), async (items, size) => {
      const chunks = await collect(chunksOf(items, size));
      expect(chunks.flat()).toEqual(items);
      // the oracle: consecutive slices of `size`
      expect(chunks.map((c) => c.length)).toEqual(Array.from({ length: Math.ceil(items.length / size) }, (_, i) => Math.min(size, items.length - i * size)));
    }),
    { seed: 1080, numRuns: 100 },
  );
});

it('sends out what is ready when the source makes it wait, instead of waiting to fill the chunk', async () => {
  let release!: () => void;
  async function* slow() {
    yield 1;
    yield 2;
    await new Promise<void>((r) => (release = r));
    yield 3;
  }
  const chunks = chunksOf(slow(), 32);
  expect(await chunks.next()).toEqual({ value: [1, 2], done: false });
  release();
  expect(await chunks.next()).toEqual({ value: [3], done: false });
  expect((await chunks.next()).done).toBe(true);
});

it('closes the source when stopped early, and refuses a size below 1', async () => {
  let closed = false;
  async function* endless() {
    try {
      for (let i = 0; ; i++) yield i;
    } finally {
      closed = true;
    }
  }
  for await (const c of chunksOf(endless(), 5)) if (c[0] >= 20) break;
  await vi.waitFor(() => expect(closed).toBe(true));
  await expect(chunksOf([1], 0).next()).rejects.toThrow(/at least 1/);
});
