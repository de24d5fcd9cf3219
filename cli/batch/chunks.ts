// Groups a source's items into chunks of at most `size`, without waiting on a slow source: a chunk
// takes the items that are ready and goes out as soon as the next one is not (a terminal or a pipe
// that delivers a line now and then gets each answer at once; a file fills every chunk).
import { iteratorOf, type AnyIterable } from '../../engine/batch/ordered-window.ts';

const LATER = Symbol('later');
/** Resolves after the I/O callbacks now due: what is not ready by then is not ready. */
const soon = () => new Promise<typeof LATER>((resolve) => setImmediate(resolve, LATER));

export async function* chunksOf<T>(source: AnyIterable<T>, size: number): AsyncGenerator<T[], void, undefined> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`the chunk size must be a whole number of at least 1, not ${size}`);
  const it = iteratorOf(source);
  // the read that did not make it into the last chunk: the first item of the next
  let pending: Promise<IteratorResult<T>> | undefined;
  let ended = false;
  try {
    for (;;) {
      const first = await (pending ?? it.next());
      pending = undefined;
      if (first.done) return void (ended = true);
      const chunk = [first.value];
      const deadline = soon();
      while (chunk.length < size) {
        const read = it.next();
        const next = await Promise.race([read, deadline]);
        if (next === LATER) {
          pending = read;
          break;
        }
        if (next.done) {
          ended = true;
          break;
        }
        chunk.push(next.value);
      }
      yield chunk;
      if (ended) return;
    }
  } finally {
    // stopped early: let the source clean up (a read still pending is not awaited, as in orderedWindow)
    if (!ended) {
      if (pending) void pending.then(() => it.return?.()).catch(() => undefined);
      else await it.return?.();
    }
  }
}
