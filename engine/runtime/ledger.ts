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

/** Runs the uses against the grants; `uses` in time order. Pure: builds new pools. */
export function runLedger(grants: readonly Grant[], uses: readonly Use[]): LedgerRun {
  const pools: Pool[] = grants
    .map((g, i) => ({ g, i }))
    .sort((a, b) => expiryKey(a.g) - expiryKey(b.g) || grantKey(a.g) - grantKey(b.g) || a.i - b.i)
    .map(({ g, i }) => ({ ...g, grant: i, used: 0, draws: [] }));
  const uncovered: Use[] = [];
  for (const use of uses) {
    const held = pools.filter((p) => holds(p, use.at));
    if (!held.length) {
      if (use.amount > 0) uncovered.push(use);
      continue;
    }
    let rest = use.amount;
    for (const p of held) {
      const take = Math.min(rest, Math.max(0, p.size - p.used));
      if (take <= EPSILON) continue;
      p.used += take;
      p.draws.push({ at: use.at, amount: take });
      rest -= take;
    }
    if (rest > EPSILON) {
      const last = held[held.length - 1];
      last.used += rest;
      last.draws.push({ at: use.at, amount: rest });
    }
  }
  return { pools, uncovered };
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
  const expiries = run.pools.map((p) => p.expires).filter((x): x is number => x !== null);
  const until = next ? next.expires : expiries.length ? Math.max(...expiries) : null;
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
