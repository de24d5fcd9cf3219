// Timing helpers for benchmarks: median of several rounds, each round long enough to be stable.

export interface Measurement {
  /** median microseconds per call */
  us: number;
  rounds: number[];
}

/** Runs `fn` in `rounds` rounds of at least `minMs` each and returns the median µs per call. */
export async function measure(fn: () => unknown | Promise<unknown>, rounds = 7, minMs = 150): Promise<Measurement> {
  for (let i = 0; i < 20; i++) await fn(); // warm up
  const perCall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < minMs) {
      await fn();
      n++;
      t = performance.now();
    }
    perCall.push(((t - t0) * 1000) / n);
  }
  const sorted = [...perCall].sort((a, b) => a - b);
  return { us: sorted[Math.floor(sorted.length / 2)], rounds: perCall };
}

export const fmtUs = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** A benchmark section: a title and the markdown it produced. */
export interface BenchSection {
  title: string;
  markdown: string;
}

/** Bytes allocated per call of `fn`, from a sampled heap profile that keeps the objects already
 *  collected (so short-lived garbage counts): the allocation a call makes, not what it retains. */
export async function allocatedPerCall(fn: () => unknown | Promise<unknown>, calls = 200): Promise<number> {
  const { Session } = await import('node:inspector/promises');
  for (let i = 0; i < 20; i++) await fn(); // warm up
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    for (let i = 0; i < calls; i++) await fn();
    const { profile } = await session.post('HeapProfiler.stopSampling');
    type SampleNode = { selfSize: number; children: SampleNode[] };
    const total = (n: SampleNode): number => n.children.reduce((t, c) => t + total(c), n.selfSize);
    return total(profile.head as SampleNode) / calls;
  } finally {
    session.disconnect();
  }
}

/** The heap retained by what `make` returns, per item, after full collections (needs no flag:
 *  the collector is reached through V8's own switch). */
export async function retainedPerItem(make: (i: number) => unknown, items = 20): Promise<number> {
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const settle = () => {
    for (let i = 0; i < 3; i++) gc();
    return process.memoryUsage().heapUsed;
  };
  const before = settle();
  const kept = Array.from({ length: items }, (_, i) => make(i));
  const after = settle();
  if (kept.length !== items) throw new Error('unreachable');
  return (after - before) / items;
}

export const fmtBytes = (b: number) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`);
