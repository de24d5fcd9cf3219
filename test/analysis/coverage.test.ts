// Coverage on a small policy, worked out by hand: three cases, on each side of most conditions.
import { describe, expect, it } from 'vitest';
import { measureCoverage } from '../../engine/analysis/coverage.ts';
import { toLcov } from '../../engine/analysis/lcov.ts';
import { compilePolicy } from '../../engine/core.ts';
import { basePolicy, loadObject } from './lint-policy.ts';

const loaded = loadObject(basePolicy());
const compiled = compilePolicy(loaded);
// A: gold, re-migration window open (day 2 of 5), the refund rule `late` decides; no ticket.
const caseA = { at: '2025-03-05T10:00:00Z', plans: { support: 'gold' }, facts: { price: 1000 }, events: [{ type: 'done', at: '2025-03-03T10:00:00Z' }] };
// B: basic, nothing done, a ticket waiting an hour (pending): no window in this plan, `unused` decides.
// C: gold, done 10 days ago: the window has closed; `late` decides again.
const caseC = { ...caseA, at: '2025-03-13T10:00:00Z' };
const caseB = {
  at: '2025-03-05T10:00:00Z',
  plans: { support: 'basic' },
  facts: { price: 1000 },
  events: [{ type: 'ticket_opened', at: '2025-03-05T09:00:00Z', ticket: 'T-1' }],
};

describe('measureCoverage', () => {
  it('counts clauses, rules and conditions both ways, and outcomes, as worked out by hand', async () => {
    const c = await measureCoverage(compiled, [caseA, caseB, caseC]);
    expect(c.cases).toBe(3);
    expect(c.totals).toEqual({
      clauses: { covered: 3, total: 3 },
      rules: { covered: 4, total: 4 },
      // the limit (1 re-migration, none used) and `source = platform` (its default) held in both cases
      conditions: { covered: 6, total: 8 },
      // first_response was only pending; the window open (A) and closed (C; B's plan has none); both refund rules decided
      outcomes: { covered: 5, total: 7 },
    });
    const ent = c.rules.find((r) => r.rule === 'entitlement:re_migration')!;
    expect(ent.conditions.map((x) => `${x.name} ${x.held}/${x.failed}`)).toEqual(['plan 2/1', 'opens 2/1', 'until 1/2', 'limit 3/0']);
    expect(c.outcomes.find((o) => o.item === 'deadline `first_response`')).toEqual({
      item: 'deadline `first_response`',
      wanted: ['pending', 'met', 'breached'],
      seen: ['pending'],
    });
  });

  it('does not count a case the policy refuses', async () => {
    const c = await measureCoverage(compiled, [caseA, { ...caseA, plans: { support: 'platinum' } }]);
    expect(c).toMatchObject({ cases: 1, refused: 1 });
  });

  it('writes LCOV: a line per clause and item, a pair of branches per condition at its line', async () => {
    const c = await measureCoverage(compiled, [caseA, caseB]);
    const text = toLcov(c, loaded, 'tiny.yaml');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('TN:');
    expect(lines[1]).toBe('SF:tiny.yaml');
    expect(lines.at(-1)).toBe('end_of_record');
    expect(lines.filter((l) => l.startsWith('BRDA:'))).toHaveLength(16);
    expect(lines).toContain('BRF:16');
    expect(lines).toContain('BRH:14');
    const limitLine = loaded.locate('/entitlements/0/limit')!.line;
    const limitBranches = lines.filter((l) => l.startsWith(`BRDA:${limitLine},`));
    expect(limitBranches.map((l) => l.split(',').at(-1))).toEqual(['2', '0']);
    expect(lines).toContain(`DA:${loaded.locate('/entitlements/0')!.line},1`);
  });
});

describe('measureCoverage of an entitlement answered per event', () => {
  const perEvent = compilePolicy(
    loadObject({
      ...basePolicy(),
      entitlements: [
        {
          id: 'answered',
          clause: Object.keys(basePolicy().clauses)[0],
          each: { event: 'ticket_opened' },
          when: [{ event: 'ticket_opened', where: { ticket: { not_equals: 'T-2' } } }],
        },
      ],
    }),
  );

  it('counts its conditions on each event’s view and on the one for an event made now', async () => {
    const at = '2025-03-05T10:00:00Z';
    const ticket = (t: string) => ({ type: 'ticket_opened', at: '2025-03-05T09:00:00Z', ticket: t });
    const c = await measureCoverage(perEvent, [{ ...caseB, at, events: [ticket('T-1'), ticket('T-2')] }]);
    const rule = c.rules.find((r) => r.rule === 'entitlement:answered')!;
    // made now: no ticket seen (fails); T-1 holds; T-2 fails
    expect([rule.held, rule.failed]).toEqual([1, 2]);
    expect(rule.conditions.map((x) => `${x.held}/${x.failed}`)).toEqual(['1/2']);
  });
});
