// Each lint rule fires on a minimal policy written to trigger it, says where and why, and is silent
// on the bundled policies except for the warnings justified below.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintPolicy, LINT_RULES } from '../../engine/analysis/lint/index.ts';
import { loadPolicy } from '../../engine/core.ts';
import type { Policy } from '../../engine/ir/schema.ts';
import { parseDsl } from '../../dsl/index.ts';
import { basePolicy, loadObject } from './lint-policy.ts';

const lint = (change: (p: Policy) => void) => {
  const p = basePolicy();
  change(p);
  return lintPolicy(loadObject(p));
};
const codesOf = async (change: (p: Policy) => void) => (await lint(change)).map((d) => d.code);

describe('sla lint rules', () => {
  it('is silent on the minimal policy', async () => {
    expect(await lint(() => {})).toEqual([]);
  });

  it('every rule has its own SLA6xxx code, a name and help text', async () => {
    expect(new Set(LINT_RULES.map((r) => r.code)).size).toBe(LINT_RULES.length);
    for (const r of LINT_RULES) {
      expect(r.code).toMatch(/^SLA6\d{3}$/);
      expect(r.help.length).toBeGreaterThan(10);
    }
  });

  it('SLA6001: a week of the horizon with no working time', async () => {
    const closeWeek = (p: Policy) => {
      p.effective = '2025-01-01';
      p.calendars!.business.extra_days_off = ['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14'];
    };
    const [d] = await lint(closeWeek);
    expect(d).toMatchObject({ severity: 'warning', code: 'SLA6001', path: '/calendars/business', file: 'tiny.yaml' });
    expect(d.line).toBeGreaterThan(1);
    expect(d.message).toBe('calendar `business` has no working time in the week of 2025-03-10 between 2025-01-01 and 2030-01-01');
    // The same week, outside the horizon, is no finding.
    expect(
      await codesOf((p) => {
        closeWeek(p);
        p.effective = '2026-01-01';
      }),
    ).toEqual([]);
    // A week with one working day left is open.
    expect(
      await codesOf((p) => {
        closeWeek(p);
        p.calendars!.business.extra_days_off!.pop();
      }),
    ).toEqual([]);
  });

  it('SLA6002: holidays that stop, saying until when answers are grounded', async () => {
    const [d] = await lint((p) => (p.calendars!.business.holidays = [{ name: 'New Year', date: '01-01', until: '2021-12-31' }]));
    expect(d).toMatchObject({ code: 'SLA6002', severity: 'warning' });
    expect(d.message).toMatch(/until 2021-12-31/);
    const [s] = await lint((p) => Object.assign(p.calendars!.business, { holidays: [{ name: 'NY', date: '01-01' }], suspended: [{ from: '2022-02-24' }] }));
    expect(s.message).toMatch(/until 2022-02-24/);
    // Rules that run past the horizon are no finding.
    expect(
      await codesOf((p) => {
        p.effective = '2020-01-01';
        p.calendars!.business.holidays = [{ name: 'NY', date: '01-01', until: '2030-12-31' }];
      }),
    ).toEqual([]);
    expect(await codesOf((p) => (p.calendars!.business.holidays = [{ name: 'NY', date: '01-01' }]))).toEqual([]);
  });

  it('SLA6003: a window that closes as it opens, or is closed by its opening event', async () => {
    const [d] = await lint((p) => (p.entitlements![0].until = { from: { event: 'done' } }));
    expect(d).toMatchObject({ code: 'SLA6003', path: '/entitlements/0/until' });
    expect(
      (await lint((p) => (p.entitlements![0].until = { from: { event: 'done' }, add: { by: 'support', values: { basic: '0 days', gold: '3 days' } } })))[0]
        .message,
    ).toMatch(/support basic/);
    expect(await codesOf((p) => (p.entitlements![0].closed_by = { event: 'done' }))).toEqual(['SLA6003']);
  });

  it('SLA6004: plan options that nothing tells apart', async () => {
    const [d] = await lint((p) => {
      p.plans.support.options.push('silver');
      p.deadlines![0].duration = { by: 'support', values: { basic: '48 hours', gold: '24 hours', silver: '48 hours' } };
    });
    expect(d).toMatchObject({ code: 'SLA6004', path: '/plans/support/options/2' });
    expect(d.message).toMatch(/`basic` and `silver`/);
  });

  it('SLA6005: a refund rule shadowed by an earlier one', async () => {
    const [d] = await lint((p) => p.refund!.rules.unshift({ id: 'any_use', when: [{ event: 'done' }], percent: 50, reason: 'used' }));
    expect(d).toMatchObject({ code: 'SLA6005', severity: 'error', path: '/refund/rules/2' });
    expect(d.message).toMatch(/`late` is never reached: `any_use`/);
    // An exclusion can set the earlier rule aside, so the later one stays reachable.
    expect(
      await codesOf((p) =>
        p.refund!.rules.unshift({
          id: 'any_use',
          when: [{ event: 'done' }],
          percent: 50,
          reason: 'used',
          exclusions: [{ id: 'x', when: { fact: 'price', at_least: 1000 }, reason: 'big' }],
        }),
      ),
    ).toEqual([]);
  });

  it('SLA6006: an exclusion its own rule rules out', async () => {
    const [d] = await lint((p) => (p.refund!.rules[1].exclusions = [{ id: 'dump', when: { fact: 'source', equals: 'dump' }, reason: 'dumps are excluded' }]));
    expect(d).toMatchObject({ code: 'SLA6006', path: '/refund/rules/1/exclusions/0/when' });
    expect(await codesOf((p) => (p.refund!.rules[1].exclusions = [{ id: 'big', when: { fact: 'price', at_least: 1000 }, reason: 'big' }]))).toEqual([]);
  });

  it('SLA6007: two deadlines on the same start and stop with different durations for a plan', async () => {
    const [d] = await lint((p) => p.deadlines!.push({ ...p.deadlines![0], id: 'reply', applies: { support: ['gold'] }, duration: '12 hours' }));
    expect(d).toMatchObject({ code: 'SLA6007', path: '/deadlines/1/duration' });
    expect(d.message).toMatch(/24 hours and 12 hours\) for support gold/);
    expect(await codesOf((p) => p.deadlines!.push({ ...p.deadlines![0], id: 'reply', applies: { support: ['gold'] }, duration: '24 hours' }))).toEqual([]);
  });

  it('SLA6008: a clause cited by nothing', async () => {
    const [d] = await lint((p) => (p.clauses.contact = { text: { en: 'Write to us.' } }));
    expect(d).toMatchObject({ code: 'SLA6008', path: '/clauses/contact' });
    expect(
      await codesOf((p) => {
        p.clauses.contact = { text: { en: 'Write to us.' } };
        p.assumptions = [{ id: 'contact', clause: 'contact', text: { en: 'Channels are not modelled.' } }];
      }),
    ).toEqual([]);
  });

  it('SLA6009: a cited clause without text in a source language', async () => {
    const [d] = await lint((p) => p.sources.push({ file: 'tiny-uk.txt', lang: 'uk' }));
    expect(d.code).toBe('SLA6009');
    expect((await lint((p) => p.sources.push({ file: 'tiny-uk.txt', lang: 'uk' }))).length).toBe(3); // three cited clauses, English only
  });

  it('SLA6010: calendar days where the clause says business days', async () => {
    const [d] = await lint((p) => (p.clauses.redo.text.en = 'One re-migration within five business days.'));
    expect(d).toMatchObject({ code: 'SLA6010', path: '/entitlements/0/until/add' });
    expect(d.message).toBe('"5 days" counts calendar time, but clause `redo` says "five business days"');
    expect(await codesOf((p) => (p.deadlines![0].duration = { by: 'support', values: { basic: '48 hours', gold: '24 hours' } }))).toEqual([]);
  });

  it('SLA6012: a per-subject count of events that belong to no subject', async () => {
    const perTicket = (p: Policy) => {
      p.entitlements!.push({ id: 'replies', clause: 'response', subject: 'ticket', limit: 3, used: { count: { event: 'redo' } } });
    };
    const [d] = await lint(perTicket);
    expect(d).toMatchObject({ code: 'SLA6012', path: '/entitlements/1/used' });
    expect(d.message).toBe('`replies` is answered per ticket, but counts `redo`, which has no `ticket`: every ticket counts all of them');
    expect(
      await codesOf((p) => {
        perTicket(p);
        p.events.redo = { attributes: { ticket: { type: 'string' } } };
      }),
    ).toEqual([]);
  });

  it('SLA6011: a duration over 3 years', async () => {
    const [d] = await lint((p) => (p.entitlements![0].until = { from: { event: 'done' }, add: '1500 days' }));
    expect(d).toMatchObject({ code: 'SLA6011', path: '/entitlements/0/until/add' });
    expect(await codesOf((p) => (p.entitlements![0].until = { from: { event: 'done' }, add: '700 business days' }))).toEqual([]);
  });
});

describe('sla lint on the bundled policies', () => {
  // Each warning left is true of the policy and is a finding to act on, not noise:
  const JUSTIFIED: Record<string, string[]> = {
    // the Labour Code holidays are suspended (martial law) with no end: answers after 2022-02-24 count no holidays
    cart2cart: ['SLA6002 /calendars/business/suspended/0'],
    data2crm: [],
    crmonline: [],
    relokia: [],
  };
  for (const [id, expected] of Object.entries(JUSTIFIED))
    for (const ext of ['yaml', 'sla'])
      it(`${id}.${ext} has only its justified warnings`, async () => {
        const file = `policies/${id}.${ext}`;
        const found = await lintPolicy(loadPolicy({ source: readFileSync(file, 'utf8'), file }, { parseDsl }));
        expect(found.map((d) => `${d.code} ${d.path}`).sort()).toEqual(expected);
        expect(found.every((d) => d.severity === 'warning' && d.line !== undefined)).toBe(true);
      });
});
