// The semantic diff names each change in the policy's terms, per plan option where values are
// chosen by plan, and finds nothing between a policy and itself (or its DSL form).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPolicyChange, semanticDiff } from '../../engine/analysis/semantic-diff.ts';
import { loadPolicy } from '../../engine/core.ts';
import type { Policy } from '../../engine/ir/schema.ts';
import { parseDsl } from '../../dsl/index.ts';
import { policyArb } from '../dsl/arbitrary-policy.ts';
import { basePolicy } from './lint-policy.ts';
import { holidayAdded, refundReordered, windowLengthened } from './diff-pairs.ts';

const lines = (pair: Parameters<typeof semanticDiff>) => semanticDiff(...pair).map(formatPolicyChange);

describe('semanticDiff', () => {
  it('finds nothing between a bundled policy and its DSL form', () => {
    for (const id of ['relokia', 'data2crm', 'cart2cart', 'crmonline']) {
      const yaml = loadPolicy({ source: readFileSync(`policies/${id}.yaml`, 'utf8'), file: `${id}.yaml` }).ir;
      const dsl = loadPolicy({ source: readFileSync(`policies/${id}.sla`, 'utf8'), file: `${id}.sla` }, { parseDsl }).ir;
      const { $schema: _s, ...plain } = yaml;
      expect(lines([plain, dsl]), id).toEqual([]);
    }
  });

  it('says a lengthened window in its terms', () => {
    expect(lines(windowLengthened())).toEqual(['~ entitlement `re_migration` until: done + 5 days → done + 7 days']);
  });

  it('names the plan option a plan-chosen value changed for', () => {
    const src = readFileSync('policies/relokia.yaml', 'utf8').split('\n');
    // the re-migration window's `add`, the first line after `id: re_migration` naming 5 premium days
    const i = src.findIndex((l, j) => j > src.indexOf('  - id: re_migration') && l.includes('premium: 5 days'));
    src[i] = src[i].replace('premium: 5 days', 'premium: 7 days');
    const [a, b] = [loadPolicy({ source: readFileSync('policies/relokia.yaml', 'utf8') }).ir, loadPolicy({ source: src.join('\n') }).ir];
    expect(semanticDiff(a, b)).toEqual([
      {
        change: 'changed',
        subject: 'entitlement `re_migration` until, for support premium',
        detail: 'full_migration_completed + 5 days → full_migration_completed + 7 days',
        path: '/entitlements/0/until',
      },
    ]);
  });

  it("names each change of an entitlement's pools, and a ledger added in words", () => {
    const text = readFileSync('policies/crmonline.yaml', 'utf8');
    const ledger = '    ledger: { grant: { event: package_purchased }, amount: hours, expires: 1 solar year }';
    expect(text).toContain(ledger);
    const ir = (src: string) => loadPolicy({ source: src }).ir;
    expect(lines([ir(text), ir(text.replace(ledger, ledger.replace('expires: 1 solar year', 'expires: 180 days')))])).toEqual([
      '~ entitlement `package_hours` ledger expires: 1 solar year → 180 days',
    ]);
    expect(lines([ir(text.replace(`${ledger}\n`, '')), ir(text)])).toEqual([
      '~ entitlement `package_hours` ledger: none → a pool of `hours` per package_purchased, expiring after 1 solar year',
    ]);
  });

  it('lists an added holiday and a reordered refund', () => {
    expect(lines(holidayAdded())).toEqual(['+ calendar `business` holiday `Founders Day` added']);
    expect(lines(refundReordered())).toEqual(['~ refund rule order: paid, unused → unused, paid']);
  });

  it('lists items added and removed, plan options, clause texts and percentages', () => {
    const [a, b] = [basePolicy(), basePolicy()];
    b.deadlines = [];
    b.plans.support.options.push('platinum');
    b.clauses.redo.text.en = 'Two re-migrations within 5 days.';
    b.refund!.rules[1].percent = 20;
    b.entitlements![0].limit = 2;
    b.entitlements!.push({ id: 'hotline', clause: 'redo' });
    expect(lines([a, b])).toEqual([
      '~ plan `support` options: basic, gold → basic, gold, platinum',
      '~ clause `redo` text (en)',
      '- deadline `first_response` removed',
      '~ entitlement `re_migration` limit: 1 → 2',
      '+ entitlement `hotline` added',
      '~ refund rule `late` percent: 10 → 20',
    ]);
  });
});

describe('semanticDiff on arbitrary policies (property)', () => {
  const uniqueIds = (list: { id: string }[] | undefined) => new Set((list ?? []).map((x) => x.id)).size === (list ?? []).length;
  // Each mutation is a real change a reader of the policy would notice; the diff must name it.
  const mutations: [string, (p: Policy) => boolean][] = [
    ['title', (p) => ((p.title = `${p.title} (revised)`), true)],
    ['a new clause', (p) => !Object.hasOwn(p.clauses, 'zz-new') && ((p.clauses['zz-new'] = { text: { en: 'new' } }), true)],
    [
      'a deadline party',
      (p) => uniqueIds(p.deadlines) && !!p.deadlines?.length && ((p.deadlines[0].party = p.deadlines[0].party === 'vendor' ? 'client' : 'vendor'), true),
    ],
    ['a refund reason', (p) => uniqueIds(p.refund?.rules) && !!p.refund?.rules.length && ((p.refund.rules[0].reason += ' (revised)'), true)],
    ['a source', (p) => ((p.sources[0].file += '.v2'), true)],
    ['an entitlement removed', (p) => uniqueIds(p.entitlements) && !!p.entitlements?.length && (p.entitlements.pop(), true)],
  ];

  it('finds nothing between a policy and its copy, and names every mutation', () => {
    fc.assert(
      fc.property(policyArb, fc.constantFrom(...mutations), (p, [what, mutate]) => {
        expect(semanticDiff(p, structuredClone(p))).toEqual([]);
        const q = structuredClone(p);
        fc.pre(mutate(q));
        expect(semanticDiff(p, q).length, what).toBeGreaterThan(0);
      }),
      { seed: 31, numRuns: 300 },
    );
  });
});
