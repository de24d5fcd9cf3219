// Law: a ledger takes each use from the held pool that expires first, charges what no pool can
// cover to the last one held, loses what a pool holds when it expires — checked against a
// brute-force simulation (ledger-oracle.ts), on the runtime's ledger and through the evaluator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, loadPolicy, type Case } from '../../engine/index.ts';
import { balanceAt, lostAt, remainingOf, runLedger } from '../../engine/runtime/ledger.ts';
import { oracleLedger } from './ledger-oracle.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BASE = Date.UTC(2025, 0, 1);

const lawPolicy = `
id: ledger-law
title: Ledger law
version: "1"
zone: UTC
sources: [{ file: law.txt, lang: en }]
plans: { tier: { options: [short, long] } }
events:
  bought: { attributes: { units: { type: integer, minimum: 0 } } }
  spent: { attributes: { units: { type: integer, minimum: 0 } } }
clauses: { pools: { text: { en: "Each purchase lasts its own days." } } }
entitlements:
  - id: credit
    clause: pools
    ledger: { grant: { event: bought }, amount: units, expires: { by: tier, values: { short: 5 days, long: 20 days } } }
    used: { sum: units, of: { event: spent } }
    excess: true
`;
const policy = compilePolicy(loadPolicy({ source: lawPolicy, file: 'ledger-law.yaml' }));
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

describe('the ledger law against a brute-force simulation', () => {
  const grantArb = fc.record({
    at: fc.option(
      fc.integer({ min: 0, max: 40 }).map((h) => BASE + h * DAY),
      { nil: null, freq: 5 },
    ),
    size: fc.integer({ min: 0, max: 6 }),
    expires: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null, freq: 4 }),
  });
  const useArb = fc.record({ at: fc.integer({ min: -2, max: 60 }).map((d) => BASE + d * DAY), amount: fc.integer({ min: 0, max: 8 }) });

  it('runLedger: every pool holds what the simulation says, and so does the balance now', () => {
    fc.assert(
      fc.property(fc.array(grantArb, { maxLength: 6 }), fc.array(useArb, { maxLength: 12 }), fc.integer({ min: -1, max: 70 }), (raw, uses, nowDay) => {
        const grants = raw.map((g) => ({ at: g.at, size: g.size, expires: g.expires === null ? null : (g.at ?? BASE) + g.expires * DAY }));
        const now = BASE + nowDay * DAY;
        const sorted = [...uses].sort((a, b) => a.at - b.at);
        const run = runLedger(grants, sorted);
        const want = oracleLedger(grants, sorted, now);
        const usedByGrant = run.pools.map((p) => [p.grant, p.used]).sort((a, b) => a[0] - b[0]);
        expect(usedByGrant.map(([, used]) => used)).toEqual(want.pools.map((p) => p.used));
        expect(run.uncovered.reduce((n, u) => n + u.amount, 0)).toBe(want.uncovered);
        const b = balanceAt(run, now);
        expect({ limit: b.limit, used: b.used, remaining: b.remaining, excess: b.excess, until: b.until }).toEqual({
          limit: want.limit,
          used: want.used,
          remaining: want.remaining,
          excess: want.excess,
          until: want.until,
        });
        for (const p of run.pools) {
          const o = want.pools[p.grant];
          expect(lostAt(p, now)).toBe(want.expired(o) ? Math.max(0, o.size - o.used) : null);
          expect(remainingOf(p)).toBe(Math.max(0, o.size - o.used));
        }
      }),
      { seed: 13, numRuns: 400 },
    );
  });

  it('the answer: limit, used, remaining, excess, until and every pool, as the simulation says', async () => {
    const purchases = fc
      .uniqueArray(fc.integer({ min: 0, max: 40 * 24 }), { maxLength: 5 })
      .chain((hours) => fc.tuple(fc.constant(hours), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: hours.length, maxLength: hours.length })));
    const spends = fc.array(fc.record({ h: fc.integer({ min: -24, max: 50 * 24 }), units: fc.integer({ min: 0, max: 7 }) }), { maxLength: 10 });
    await fc.assert(
      fc.asyncProperty(purchases, spends, fc.integer({ min: 0, max: 55 * 24 }), fc.constantFrom('short', 'long'), async ([hours, sizes], used, nowH, tier) => {
        const now = BASE + nowH * HOUR;
        const days = tier === 'short' ? 5 : 20;
        const events = [
          ...hours.map((h, i) => ({ type: 'bought', at: iso(BASE + h * HOUR), units: sizes[i] })),
          ...used.map((u) => ({ type: 'spent', at: iso(BASE + u.h * HOUR), units: u.units })),
        ];
        const answer = await evaluate(policy, { at: iso(now), plans: { tier }, events } as Case);
        const item = answer.entitlements[0];
        // The oracle sees what the case lets happen: nothing after `at`.
        const grants = hours
          .map((h, i) => ({ at: BASE + h * HOUR, size: sizes[i], expires: BASE + h * HOUR + days * DAY }))
          .filter((g) => g.at <= now)
          .sort((a, b) => a.at - b.at);
        const uses = used.map((u) => ({ at: BASE + u.h * HOUR, amount: u.units })).filter((u) => u.at <= now);
        const want = oracleLedger(grants, uses, now);
        expect(item).toMatchObject({
          allowed: want.remaining > 0,
          limit: want.limit,
          used: want.used,
          remaining: want.remaining,
          excess: want.excess,
          until: want.until === null ? null : iso(want.until),
        });
        expect(item.pools).toEqual(
          want.pools.map((p) => ({
            grant: { event: 'bought', at: iso(p.at!) },
            limit: p.size,
            used: p.used,
            remaining: want.expired(p) ? 0 : Math.max(0, p.size - p.used),
            expires: iso(p.expires!),
            expired: want.expired(p),
            ...(want.expired(p) ? { lost: Math.max(0, p.size - p.used) } : {}),
          })),
        );
      }),
      { seed: 14, numRuns: 150 },
    );
  }, 120_000);
});
