// Ledger entitlements in both forms: `ledger <attr> of <event> [in { … }] [within <duration>]
// [on <calendar>] [and plan <plan>]` in the DSL, the IR's `Entitlement.ledger` in YAML.
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatDsl, parseDsl, printDsl, printYaml } from '../../dsl/index.ts';
import { checkPolicy, compilePolicy, evaluate, loadPolicy } from '../../engine/index.ts';

const yaml = `
id: hours
title: Hours
version: "1"
zone: Europe/Kyiv
calendar: business
sources:
  - { file: hours.txt, lang: en }
plans:
  package: { options: [none, small, large] }
  term: { options: [year, month] }
events:
  hours_bought: { attributes: { hours: { type: number } } }
  package_bought: { attributes: { package: { type: string, enum: [small, large] } } }
  time_used: { attributes: { hours: { type: number } } }
calendars:
  business: { days: [mon, tue, wed, thu, fri] }
clauses:
  hours: { text: { en: Each package of hours lasts its term. } }
entitlements:
  - id: bought_hours
    clause: hours
    ledger: { grant: { event: hours_bought }, amount: hours, expires: { by: term, values: { year: 1 solar year, month: 30 days } } }
    used: { sum: hours, of: { event: time_used } }
  - id: package_hours
    clause: hours
    applies: { package: [small, large] }
    ledger:
      grant: { event: package_bought }
      amount: { attribute: package, values: { small: 5, large: 20 } }
      expires: 10 business days
      calendar: business
      plan: package
    used: { sum: hours, of: { event: time_used } }
    excess: true
`;
const ir = YAML.parse(yaml);

describe('ledgers in the DSL', () => {
  it('print as one `ledger` line and parse back to the same IR, through YAML too', () => {
    const text = printDsl(ir);
    expect(text).toContain(
      '\nentitlement bought_hours (clause hours) {\n  ledger hours of hours_bought within by term { year: 1 solar year, month: 30 days }\n  used sum hours of time_used\n}\n',
    );
    expect(text).toContain(
      '  ledger package of package_bought in { small: 5, large: 20 } within 10 business days on business and plan package\n  used sum hours of time_used\n  excess\n',
    );
    const { policy, diagnostics } = parseDsl(text, { file: 'hours.sla' });
    expect(diagnostics).toEqual([]);
    expect(policy).toEqual(ir);
    expect(YAML.parse(printYaml(policy!))).toEqual(ir);
    expect(formatDsl(text).text).toBe(text);
  });

  it('the YAML and its DSL compile to identical rules and give the same pools', async () => {
    const fromYaml = loadPolicy({ source: yaml, file: 'hours.yaml' });
    const fromDsl = loadPolicy({ source: printDsl(ir), file: 'hours.sla' }, { parseDsl });
    expect(compilePolicy(fromDsl)).toEqual(compilePolicy(fromYaml));
    const input = {
      at: '2025-03-20T12:00:00+02:00',
      plans: { package: 'small', term: 'month' },
      events: [
        { type: 'package_bought', at: '2025-03-03T09:00:00+02:00', package: 'large' },
        { type: 'time_used', at: '2025-03-04T09:00:00+02:00', hours: 7 },
      ],
    };
    const a = await evaluate(compilePolicy(fromDsl), input);
    expect(a).toEqual(await evaluate(compilePolicy(fromYaml), input));
    // 5 from the plan's pool (it never expires, so it is used after the one that does), 2 from the
    // large package, which 10 business days (Monday 3 March + 10) end on Monday 17 March.
    expect(a.entitlements.find((e) => e.id === 'package_hours')).toMatchObject({
      allowed: true,
      limit: 5,
      used: 0,
      remaining: 5,
      excess: 0,
      pools: [
        { grant: { plan: 'package', option: 'small' }, limit: 5, used: 0, remaining: 5, expires: null, expired: false },
        { grant: { event: 'package_bought' }, limit: 20, used: 7, remaining: 0, expires: '2025-03-17T09:00:00.000+02:00', expired: true, lost: 13 },
      ],
    });
  });

  it('a policy error in a ledger points at its words in the .sla', () => {
    const text = printDsl(ir).replace('in { small: 5, large: 20 }', 'in { small: 5 }');
    const ds = checkPolicy({ source: text, file: 'hours.sla' }, { parseDsl });
    const at = text.indexOf('in { small: 5 }');
    const line = text.slice(0, at).split('\n').length;
    const column = at - text.lastIndexOf('\n', at) + 3;
    expect(ds).toEqual([
      expect.objectContaining({ code: 'SLA3062', message: 'no pool size for `large` of attribute `package`', file: 'hours.sla', line, column }),
      expect.objectContaining({ code: 'SLA3062', message: 'no pool size for `large` of plan `package`', file: 'hours.sla', line, column }),
    ]);
  });

  it('refuses a second `ledger` line, and a limit beside a ledger, each with its place', () => {
    const twice = printDsl(ir).replace(
      '  used sum hours of time_used\n  excess\n',
      '  ledger hours of hours_bought\n  used sum hours of time_used\n  excess\n',
    );
    expect(parseDsl(twice, { file: 'hours.sla' }).diagnostics).toEqual([expect.objectContaining({ code: expect.stringMatching(/^SLA1/), file: 'hours.sla' })]);
    const withLimit = printDsl(ir).replace('  used sum hours of time_used\n  excess\n', '  limit 3\n  used sum hours of time_used\n  excess\n');
    const ds = checkPolicy({ source: withLimit, file: 'hours.sla' }, { parseDsl });
    expect(ds).toEqual([expect.objectContaining({ code: 'SLA3060', line: withLimit.slice(0, withLimit.indexOf('limit 3')).split('\n').length })]);
  });
});

describe('ledger checks', () => {
  const check = (edit: (e: Record<string, unknown>) => void) => {
    const p = YAML.parse(yaml);
    edit(p.entitlements[0]);
    return checkPolicy({ source: YAML.stringify(p), file: 'hours.yaml' }).map((d) => [d.code, d.message, d.path]);
  };

  it('refuses what a ledger decides itself, and uses that are not per event', () => {
    expect(check((e) => (e.until = { from: { event: 'hours_bought' } }))).toEqual([
      ['SLA3060', 'an entitlement with a ledger takes its `until` from its pools; `until` cannot be given too', '/entitlements/0/until'],
    ]);
    expect(check((e) => (e.used = { sum: 'hours', of: { event: 'time_used' }, after: { event: 'hours_bought' } }))).toEqual([
      ['SLA3061', 'a ledger takes each use from a pool, so `after` does not apply: every use counts', '/entitlements/0/used/after'],
    ]);
    expect(check((e) => ((e.ledger as { grant: object }).grant = { event: 'hours_bought', which: 'last' }))).toEqual([
      ['SLA3061', 'a ledger takes each use from a pool, so every grant opens a pool: `which` does not apply', '/entitlements/0/ledger/grant/which'],
    ]);
    expect(check((e) => delete e.used)).toEqual([['SLA3061', 'a ledger takes each use from a pool, so it needs `used`', '/entitlements/0']]);
  });

  it('needs a size for every option of the plan pool, and values for a plan pool at all', () => {
    expect(check((e) => ((e.ledger as Record<string, unknown>).plan = 'package'))).toEqual([
      ['SLA3062', "no pool size for `none`, `small`, `large` of plan `package`: a plan's pool needs `amount.values`", '/entitlements/0/ledger/plan'],
    ]);
    const p = YAML.parse(yaml);
    p.entitlements[1].applies = { package: ['none', 'small', 'large'] };
    expect(checkPolicy({ source: YAML.stringify(p), file: 'hours.yaml' }).map((d) => [d.code, d.message])).toEqual([
      ['SLA3062', 'no pool size for `none` of plan `package`'],
    ]);
  });
});
