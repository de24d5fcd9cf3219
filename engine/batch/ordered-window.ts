// Runs work on the items of a (possibly endless) source with at most `window` items in flight, and
// yields the results in the source's order. The source is read only while the window has room, so
// a batch of any length holds at most `window` items and results at once (its back-pressure); one
// read at a time is outstanding, and a result that is ready is yielded without waiting for it.

export type AnyIterable<T> = AsyncIterable<T> | Iterable<T>;

export function iteratorOf<T>(source: AnyIterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  const it = source[Symbol.iterator]();
  return {
    next: async () => it.next(),
    return: async () => it.return?.() ?? { done: true, value: undefined },
  };
}

/** `work` must not reject: it turns its own failures into results (a rejection ends the batch). */
export async function* orderedWindow<T, R>(
  source: AnyIterable<T>,
  work: (item: T, index: number) => Promise<R>,
  window: number,
): AsyncGenerator<R, void, undefined> {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`the window must be a whole number of at least 1, not ${window}`);
  const it = iteratorOf(source);
  const inFlight: Promise<R>[] = [];
  let reading: Promise<IteratorResult<T>> | undefined;
  let ended = false;
  let index = 0;
  const take = (next: IteratorResult<T>) => {
    reading = undefined;
    if (next.done) ended = true;
    else inFlight.push(work(next.value, index++));
  };
  try {
    for (;;) {
      if (!ended && !reading && inFlight.length < window) reading = it.next();
      if (inFlight.length === 0) {
        if (!reading) return;
        take(await reading);
        continue;
      }
      if (reading) {
        // whichever comes first: the next item (to fill the window) or the oldest result
        const read = reading;
        const first = await Promise.race([read.then((next) => ({ next })), inFlight[0].then(() => undefined)]);
        if (first) {
          take(first.next);
          continue;
        }
      }
      yield await inFlight.shift()!;
    }
  } finally {
    // Stopped early (the consumer broke off, or the source failed): let the source clean up. A read
    // still pending is not awaited, since a source such as a terminal may never answer it.
    if (!ended) {
      const closing = reading ? reading.then(() => it.return?.()) : it.return?.();
      if (reading) void Promise.resolve(closing).catch(() => undefined);
      else await closing;
    }
  }
}
