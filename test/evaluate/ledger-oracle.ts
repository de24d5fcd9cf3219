// A brute-force ledger, written apart from engine/runtime/ledger.ts: whole units, one at a time.
// Each unit of a use goes to the held pool with something left that expires first (never-expiring
// last, then the earlier grant, then the earlier in the list); with nothing left anywhere, to the
// held pool that comes last in that order; with no pool held, to none.

export interface OracleGrant {
  at: number | null;
  size: number;
  expires: number | null;
}

export interface OraclePool extends OracleGrant {
  used: number;
}

const held = (p: OracleGrant, t: number) => (p.at === null || p.at <= t) && (p.expires === null || t < p.expires);
const key = (p: OracleGrant, i: number): [number, number, number] => [p.expires ?? Infinity, p.at ?? -Infinity, i];
const before = (a: [number, number, number], b: [number, number, number]) => a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));

export function oracleLedger(grants: OracleGrant[], uses: { at: number; amount: number }[], now: number) {
  const pools: OraclePool[] = grants.map((g) => ({ ...g, used: 0 }));
  let uncovered = 0;
  for (const use of [...uses].sort((a, b) => a.at - b.at)) {
    for (let unit = 0; unit < use.amount; unit++) {
      const candidates = pools.map((p, i) => ({ p, k: key(p, i) })).filter(({ p }) => held(p, use.at));
      if (!candidates.length) {
        uncovered++;
        continue;
      }
      const open = candidates.filter(({ p }) => p.used < p.size);
      let pick = open.length ? open[0] : candidates[0];
      for (const c of open.length ? open : candidates) {
        if (open.length ? before(c.k, pick.k) : before(pick.k, c.k)) pick = c;
      }
      pick.p.used++;
    }
  }
  const now_ = pools.map((p, i) => ({ p, i })).filter(({ p }) => held(p, now));
  const sum = (f: (p: OraclePool) => number) => now_.reduce((n, { p }) => n + f(p), 0);
  const next = now_.filter(({ p }) => p.used < p.size).sort((a, b) => (before(key(a.p, a.i), key(b.p, b.i)) ? -1 : 1))[0];
  const expiries = pools.map((p) => p.expires).filter((x): x is number => x !== null);
  return {
    pools,
    uncovered,
    limit: sum((p) => p.size),
    used: sum((p) => p.used),
    remaining: sum((p) => Math.max(0, p.size - p.used)),
    excess: sum((p) => Math.max(0, p.used - p.size)),
    until: next ? next.p.expires : expiries.length ? Math.max(...expiries) : null,
    expired: (p: OracleGrant) => p.expires !== null && p.expires <= now,
  };
}
