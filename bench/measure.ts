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
