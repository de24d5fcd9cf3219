// A ledger entitlement's answer: the balance of the pools held now, every pool (expired ones with
// what they lost), and reasons that say which pool each use was taken from.
import type { EntitlementItem, LedgerPool } from '../answer.ts';
import { formatInstant } from '../calendar/index.ts';
import type { Entitlement, Ledger } from '../ir/schema.ts';
import { roundHalfAway } from '../money.ts';
import { lostAt, remainingOf, type Pool } from '../runtime/ledger.ts';
import type { LedgerView, Runtime } from '../runtime/runtime.ts';

const n = (x: number) => roundHalfAway(x, 4);

/** The pools in the order they were granted (the view holds them in deduction order, often the
 *  same: then its own list, which is only read). */
function granted(view: LedgerView): readonly Pool[] {
  const pools = view.pools;
  for (let i = 1; i < pools.length; i++) if (pools[i - 1].grant > pools[i].grant) return [...pools].sort((a, b) => a.grant - b.grant);
  return pools;
}

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
  const now = rt.now();
  const pools = granted(view);
  const out = new Array<LedgerPool>(pools.length);
  for (let k = 0; k < pools.length; k++) {
    const p = pools[k];
    const lost = lostAt(p, now);
    const g = view.grants[p.grant];
    const grant = g ? { event: g.type, at: formatInstant(g.at, zone) } : { plan: e.ledger!.plan!, option: rt.plan(e.ledger!.plan!) };
    const limit = n(p.size);
    const used = n(p.used);
    const expires = p.expires === null ? null : formatInstant(p.expires, zone);
    out[k] =
      lost === null
        ? { grant, limit, used, remaining: n(remainingOf(p)), expires, expired: false }
        : { grant, limit, used, remaining: 0, expires, expired: true, lost: n(lost) };
  }
  item.pools = out;
}

/** The reasons of the ledger condition: the balance, then each pool and what was taken from it. */
export function ledgerReasons(e: Entitlement, rt: Runtime, holds: boolean): string[] {
  const view = rt.ledger(e.id);
  if (!view) return [];
  const zone = rt.policy.zone;
  const now = rt.now();
  const l = e.ledger as Ledger;
  const b = view.balance;
  const head = !view.pools.length
    ? `not yet: no ${l.grant.event} has happened`
    : holds
      ? `${n(b.remaining)} of ${n(b.limit)} remaining`
      : view.pools.some((p) => lostAt(p, now) === null)
        ? `nothing left: ${n(b.used)} of ${n(b.limit)} used`
        : 'nothing left: every pool has expired';
  const out = [head];
  const pools = granted(view);
  for (let k = 0; k < pools.length; k++) {
    const p = pools[k];
    const g = view.grants[p.grant];
    const name = g ? `the pool of ${g.type} at ${formatInstant(g.at, zone)}` : `the pool of the ${rt.plan(l.plan!)} ${l.plan} plan`;
    const taken = p.draws.length ? ` (taken: ${p.draws.map((d) => `${n(d.amount)} at ${formatInstant(d.at, zone)}`).join(', ')})` : '';
    const lost = lostAt(p, now);
    if (lost !== null) out.push(`${name} expired at ${formatInstant(p.expires!, zone)}: ${n(p.used)} of ${n(p.size)} used${taken}, ${n(lost)} lost`);
    else {
      const expiry = p.expires === null ? '' : `, expires ${formatInstant(p.expires, zone)}`;
      out.push(`${name}: ${n(p.used)} of ${n(p.size)} used${taken}, ${n(remainingOf(p))} left${expiry}`);
    }
  }
  for (const u of view.uncovered) out.push(`${n(u.amount)} used at ${formatInstant(u.at, zone)} came from no pool: none was held then`);
  return out;
}
