// The ledger law, on plain numbers: each grant is a pool with its own size and expiry; every use is
// taken from the pools held at its instant, the one that expires first first (never-expiring pools
// last, then the earlier grant first); what no pool can still cover is charged to the last pool
// held (it goes over its size), and a use when no pool is held is covered by none. A pool holds
// from its grant (inclusive) until its expiry (exclusive); what it still holds then is lost.

export interface Grant {
  /** the grant's instant; null: held from the start (the plan's own pool) */
  at: number | null;
  size: number;
  /** null: never expires */
  expires: number | null;
}

export interface Use {
  at: number;
  amount: number;
}

export interface Pool extends Grant {
  /** the index of its grant among those given */
  grant: number;
  used: number;
  /** the uses taken from this pool, in time order */
  draws: Use[];
}

export interface LedgerRun {
  /** in deduction order */
  pools: Pool[];
  /** uses (or their parts) no pool was held for */
  uncovered: Use[];
}

/** Float noise below this is nothing left to take (hours such as 9.75 + 0.25). */
const EPSILON = 1e-9;
const expiryKey = (g: Grant) => g.expires ?? Infinity;
const grantKey = (g: Grant) => g.at ?? -Infinity;

/** Whether a pool is held at an instant. */
export const holds = (g: Grant, t: number) => (g.at === null || g.at <= t) && (g.expires === null || t < g.expires);

/** Runs the uses against the grants; `uses` in time order. Pure: builds new pools. Each pool enters
 *  the open set once (at its grant) and leaves it once (used up or expired), so a run costs
 *  O((grants + uses) · log grants), however many pools are held at once. */
export function runLedger(grants: readonly Grant[], uses: readonly Use[]): LedgerRun {
  const pools: Pool[] = grants
    .map((g, i) => ({ g, i }))
    .sort((a, b) => expiryKey(a.g) - expiryKey(b.g) || grantKey(a.g) - grantKey(b.g) || a.i - b.i)
    .map(({ g, i }) => ({ ...g, grant: i, used: 0, draws: [] }));
  // Ranks (positions in deduction order) in the order the pools are granted.
  const byGrant = pools.map((_, rank) => rank).sort((a, b) => grantKey(pools[a]) - grantKey(pools[b]) || a - b);
  const open = new MinHeap();
  let granted = 0;
  // The granted pool last in deduction order: it expires last, so while it is held some pool is,
  // and it is the one what no pool can cover is charged to.
  let last = -1;
  const uncovered: Use[] = [];
  for (const use of uses) {
    for (; granted < byGrant.length && grantKey(pools[byGrant[granted]]) <= use.at; granted++) {
      const rank = byGrant[granted];
      open.push(rank);
      last = Math.max(last, rank);
    }
    if (last < 0 || !holds(pools[last], use.at)) {
      if (use.amount > 0) uncovered.push(use);
      continue;
    }
    let rest = use.amount;
    while (rest > EPSILON && open.size > 0) {
      const p = pools[open.peek()];
      // Deduction order is expiry first, so the expired pools are the first in the heap.
      if (!holds(p, use.at) || p.size - p.used <= EPSILON) {
        open.pop();
        continue;
      }
      const take = Math.min(rest, p.size - p.used);
      p.used += take;
      p.draws.push({ at: use.at, amount: take });
      rest -= take;
    }
    if (rest > EPSILON) {
      const p = pools[last];
      p.used += rest;
      p.draws.push({ at: use.at, amount: rest });
    }
  }
  return { pools, uncovered };
}

/** A binary min-heap of numbers. */
class MinHeap {
  private a: number[] = [];
  get size() {
    return this.a.length;
  }
  peek(): number {
    return this.a[0];
  }
  push(x: number): void {
    const a = this.a;
    let i = a.push(x) - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (a[up] <= x) break;
      a[i] = a[up];
      i = up;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.a;
    const top = a[0];
    const x = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= a.length) break;
        if (c + 1 < a.length && a[c + 1] < a[c]) c++;
        if (a[c] >= x) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = x;
    }
    return top;
  }
}

export interface LedgerBalance {
  /** the pools held now: their sizes, uses and what they still hold */
  limit: number;
  used: number;
  remaining: number;
  /** used beyond the sizes of the pools held now */
  excess: number;
  /** the expiry of the next pool usage would be taken from; when none holds anything, the last
   *  expiry of any pool; null when that pool never expires, or no pool does */
  until: number | null;
}

const remainingOf = (p: Pool) => (p.size - p.used > EPSILON ? p.size - p.used : 0);

/** The balance at `now` of a run (its uses all at or before `now`). */
export function balanceAt(run: LedgerRun, now: number): LedgerBalance {
  const held = run.pools.filter((p) => holds(p, now));
  const sum = (f: (p: Pool) => number) => held.reduce((n, p) => n + f(p), 0);
  // Pools are in deduction order: the first that still holds something expires next.
  const next = held.find((p) => remainingOf(p) > 0);
  const lastExpiry = run.pools.reduce<number | null>((m, p) => (p.expires !== null && (m === null || p.expires > m) ? p.expires : m), null);
  const until = next ? next.expires : lastExpiry;
  return {
    limit: sum((p) => p.size),
    used: sum((p) => p.used),
    remaining: sum(remainingOf),
    excess: sum((p) => Math.max(0, p.used - p.size)),
    until,
  };
}

/** What a pool lost by expiring before `now` (null: it has not expired). */
export const lostAt = (p: Pool, now: number): number | null => (p.expires !== null && p.expires <= now ? remainingOf(p) : null);
export { remainingOf };
