// Durations the clocks can never compute: `check` finds what it can (a duration beyond 20 years,
// a calendar closed on every date); what only evaluation can find points into the policy (by JSON
// pointer in the library, at file:line:column on the command line).
import { describe, expect, it } from 'vitest';
import { checkPolicy, compilePolicy, evaluate, loadPolicy, SlaError } from '../../engine/index.ts';
import { miniPolicyYaml } from '../fixtures/mini-policy.ts';
import { diagnosticLines, expectCleanOutput, folder, sla } from './in-process.ts';

const DURATION = 'duration: 24 hours (business days)';
const CALENDAR = 'business: { days: [mon, tue, wed, thu, fri] }';
const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;
const everyDate = (extra = '') => {
  const out: string[] = [];
  for (let m = 1; m <= 12; m++)
    for (let d = 1; d <= new Date(Date.UTC(2024, m, 0)).getUTCDate(); d++)
      out.push(`{ name: closed, date: "${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}"${extra} }`);
  return `business: { days: [mon, tue, wed, thu, fri], holidays: [${out.join(', ')}] }`;
};
const CASE = {
  at: '2025-03-12T12:00:00+02:00',
  plans: { support: 'gold' },
  facts: { migration_price: 100 },
  events: [{ type: 'ticket_opened', at: '2025-03-10T10:00:00+02:00', ticket: 'T-1', channel: 'email' }],
};

describe('check', () => {
  for (const d of ['1000000000 business days', '7306 days', '175400 hours', '1044 weeks']) {
    it(`refuses "${d}" (beyond 20 years) with SLA3015 at its line`, async () => {
      const source = miniPolicyYaml.replace(DURATION, `duration: ${d}`);
      expect(checkPolicy({ source, file: 'p.yaml' })).toEqual([
        expect.objectContaining({ code: 'SLA3015', line: lineOf(source, d), message: `"${d}" is longer than 20 years, more than the clocks compute` }),
      ]);
      const r = await sla('check', `${folder({ 'p.yaml': source })}/p.yaml`);
      expect(r.code).toBe(1);
      expectCleanOutput(r);
    }, 20_000);
  }

  it('accepts 20 years of days', () => {
    expect(checkPolicy({ source: miniPolicyYaml.replace(DURATION, 'duration: 7300 days'), file: 'p.yaml' })).toEqual([]);
  });

  it('refuses a calendar with a holiday on every date (SLA3042)', () => {
    const source = miniPolicyYaml.replace(CALENDAR, everyDate());
    expect(checkPolicy({ source, file: 'p.yaml' })).toEqual([
      expect.objectContaining({ code: 'SLA3042', path: '/calendars/business/holidays', line: lineOf(source, 'closed') }),
    ]);
  });
});

describe('evaluation', () => {
  // Holidays valid from a date on: the calendar is open before it, so only evaluation finds the clock stuck.
  const source = miniPolicyYaml.replace(CALENDAR, everyDate(', from: "2025-03-11"'));

  it('says which duration of the policy it could not compute', async () => {
    const policy = compilePolicy(loadPolicy({ source, file: 'p.yaml' }));
    const error = await evaluate(policy, CASE).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SlaError);
    expect((error as SlaError).diagnostics).toEqual([expect.objectContaining({ code: 'SLA4014', path: '/deadlines/0/duration' })]);
  }, 20_000);

  it('and the CLI says where, in the policy file', async () => {
    const dir = folder({ 'p.yaml': source, 'case.json': JSON.stringify(CASE) });
    const r = await sla('eval', `${dir}/case.json`, '--policy', `${dir}/p.yaml`);
    expect(r.code).toBe(1);
    expect(diagnosticLines(r)).toEqual([expect.stringMatching(new RegExp(`p\\.yaml:${lineOf(source, DURATION)}:\\d+: error SLA4014 `))]);
    expectCleanOutput(r);
  }, 20_000);
});
