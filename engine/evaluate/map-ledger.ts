// A ledger entitlement's answer: the balance of the pools held now, every pool (expired ones with
// what they lost), and reasons that say which pool each use was taken from.
import type { EntitlementItem, LedgerPool } from '../answer.ts';
import { formatInstant } from '../calendar/index.ts';
import type { Entitlement, Ledger } from '../ir/schema.ts';
import { roundHalfAway } from '../money.ts';
import { lostAt, remainingOf, type Pool } from '../runtime/ledger.ts';
import type { LedgerView, Runtime } from '../runtime/runtime.ts';

const n = (x: number) => roundHalfAway(x, 4);

/** The pools in the order they were granted (the view holds them in deduction order). */
const granted = (view: LedgerView) => [...view.pools].sort((a, b) => a.grant - b.grant);

/** Sets limit, used, remaining, until, pools (and excess when asked for) on the item. */
export function fillLedger(item: EntitlementItem, e: Entitlement, rt: Runtime): void {
  const view = rt.ledger(e.id);
  if (!view) return;
  const zone = rt.policy.zone;
  const b = view.balance;
  item.limit = n(b.limit);
  item.used = n(b.used);
  item.remaining = n(b.remaining);
  if (e.excess) item.excess = n(b.excess);
  if (e.ledger!.expires !== undefined) item.until = b.until === null ? null : formatInstant(b.until, zone);
  item.pools = granted(view).map((p): LedgerPool => {
    const lost = lostAt(p, rt.now());
    const g = view.grants[p.grant];
    return {
      grant: g ? { event: g.type, at: formatInstant(g.at, zone) } : { plan: e.ledger!.plan!, option: rt.plan(e.ledger!.plan!) },
      limit: n(p.size),
      used: n(p.used),
      remaining: lost === null ? n(remainingOf(p)) : 0,
      expires: p.expires === null ? null : formatInstant(p.expires, zone),
      expired: lost !== null,
      ...(lost === null ? {} : { lost: n(lost) }),
    };
  });
}

/** The reasons of the ledger condition: the balance, then each pool and what was taken from it. */
export function ledgerReasons(e: Entitlement, rt: Runtime, holds: boolean): string[] {
  const view = rt.ledger(e.id);
  if (!view) return [];
  const zone = rt.policy.zone;
  const at = (ms: number) => formatInstant(ms, zone);
  const l = e.ledger as Ledger;
  const b = view.balance;
  const head = !view.pools.length
    ? `not yet: no ${l.grant.event} has happened`
    : holds
      ? `${n(b.remaining)} of ${n(b.limit)} remaining`
      : view.pools.some((p) => lostAt(p, rt.now()) === null)
        ? `nothing left: ${n(b.used)} of ${n(b.limit)} used`
        : 'nothing left: every pool has expired';
  const name = (p: Pool) => {
    const g = view.grants[p.grant];
    return g ? `the pool of ${g.type} at ${at(g.at)}` : `the pool of the ${rt.plan(l.plan!)} ${l.plan} plan`;
  };
  const lines = granted(view).map((p) => {
    const taken = p.draws.length ? ` (taken: ${p.draws.map((d) => `${n(d.amount)} at ${at(d.at)}`).join(', ')})` : '';
    const lost = lostAt(p, rt.now());
    if (lost !== null) return `${name(p)} expired at ${at(p.expires!)}: ${n(p.used)} of ${n(p.size)} used${taken}, ${n(lost)} lost`;
    const expiry = p.expires === null ? '' : `, expires ${at(p.expires)}`;
    return `${name(p)}: ${n(p.used)} of ${n(p.size)} used${taken}, ${n(remainingOf(p))} left${expiry}`;
  });
  const uncovered = view.uncovered.map((u) => `${n(u.amount)} used at ${at(u.at)} came from no pool: none was held then`);
  return [head, ...lines, ...uncovered];
}
