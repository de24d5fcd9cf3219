// The readable report of `sla eval`, rendered from a hand-written Answer.
import { describe, expect, it } from 'vitest';
import { formatEvalReport } from '../../cli/report/eval-report.ts';
import { showInstant, showInstantsIn } from '../../cli/report/cells.ts';
import { plain } from '../../cli/text/style.ts';
import { answerFixture } from '../testing/answer-fixture.ts';

const persian = 'در صورت عدم دسترسی به سامانه بیش از ۲ درصد در ماه، سه برابر زمان قطعی خدمات اضافه ارائه می‌شود.';

const answer = answerFixture({
  warnings: ['event `ticket_answered` at 2025-03-11T09:00:00+02:00 is after `at`: ignored'],
  explanations: {
    're-migration': {
      text: 'The Premium support plan users can re-migrate data free of charge within 5 days.',
      lang: 'en',
      source: '002_68566d3991657202.txt',
      title: 'Data Re-migration',
      assumptions: [],
      conditions: [
        { check: 'support in [premium, signature]', saw: 'premium', result: true },
        { check: 'now before until', saw: '2025-03-10T12:00:00.000+02:00', expected: '2025-03-10T18:00:00.000+02:00', result: true },
      ],
    },
    availability: { text: persian, lang: 'fa', source: '004_24991bf4f9a7e219.txt', assumptions: [], conditions: [] },
  },
});

describe('formatEvalReport', () => {
  const report = formatEvalReport(answer, { style: plain });
  const lines = report.split('\n');

  it('starts with the policy, the instant and the plans', () => {
    expect(lines[0]).toBe('relokia 2024-10-27 · at 2025-03-10 12:00 +02:00 · support: premium');
  });

  it('shows deadlines as an aligned table', () => {
    const at = lines.indexOf('Deadlines (2)');
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '  id              subject  party   due                      status   met at                   priority',
      '  first_response  T-1      vendor  2025-03-08 21:30 +02:00  met      2025-03-08 09:00 +02:00  high',
      '  first_response  T-2      vendor  2025-03-10 21:30 +02:00  pending                           high',
    ]);
  });

  it('shows entitlements with ✓/✗, counts, until, cost, extra fields and reasons', () => {
    const at = lines.indexOf('Entitlements (2)');
    expect(lines[at + 1]).toMatch(/^ {2}id +allowed +limit +used +remaining +until +cost +also +reasons$/);
    expect(lines[at + 2]).toMatch(/^ {2}re_migration +✓ +1 +0 +1 +2025-03-10 18:00 \+02:00 +0 USD +within 5 days/);
    expect(lines[at + 3]).toMatch(/^ {2}delta_migration +✗ .* starts_now: ✗ +not in your plan$/);
  });

  it('shows the refund and the credits', () => {
    expect(report).toContain('  eligible   ✗ no\n  percent    0%\n  amount     0 USD (of 1200 USD)');
    expect(report).toContain('  reasons    the service was used');
    expect(report).toMatch(/availability_credit +2025-02-19 00:00 \+03:30 – 2025-03-21 00:00 \+03:30 +60 +hours +97\.22% +20/);
    expect(report).toContain('Warnings (1)\n  ! event `ticket_answered`');
  });

  it('says "none" for empty kinds and when there are no refund terms', () => {
    const empty = formatEvalReport(answerFixture({ deadlines: [], credits: [], refund: null }), { style: plain });
    expect(empty).toContain('\nDeadlines: none\n');
    expect(empty).toContain('\nCredits: none\n');
    expect(empty).toContain('Refund\n  no refund terms in this policy');
  });

  it('adds clause texts and the conditions with the values they saw when asked to explain', () => {
    expect(report).not.toContain('Explanations');
    const explained = formatEvalReport(answer, { style: plain, explain: true, lang: 'uk', width: 80 });
    expect(explained).toContain('  re-migration · Data Re-migration (en, 002_68566d3991657202.txt; no uk text)');
    expect(explained).toContain('    for entitlement re_migration');
    expect(explained).toMatch(/✓ +support in \[premium, signature\] +premium/);
    expect(explained).toMatch(/✓ +now before until +2025-03-10 12:00 \+02:00 +2025-03-10 18:00 \+02:00/);
  });

  it("lists a ledger entitlement's pools under the entitlements, with what each holds and whether it expired", () => {
    const ledger = answerFixture({
      entitlements: [
        {
          id: 'package_hours',
          allowed: true,
          limit: 5,
          used: 1.5,
          remaining: 3.5,
          until: '2025-09-02T10:00:00.000+03:30',
          pools: [
            {
              grant: { event: 'package_purchased', at: '2024-05-01T10:00:00.000+03:30' },
              limit: 10,
              used: 2,
              remaining: 0,
              expires: '2025-05-02T10:00:00.000+03:30',
              expired: true,
              lost: 8,
            },
            { grant: { plan: 'package', option: 'basic' }, limit: 5, used: 1.5, remaining: 3.5, expires: null, expired: false },
          ],
          cost: null,
          reasons: ['3.5 of 5 remaining'],
          clause: 'package-hours',
        },
      ],
    });
    const out = formatEvalReport(ledger, { style: plain }).split('\n');
    const at = out.indexOf('  Pools of package_hours (2)');
    expect(out.slice(at + 1, at + 4)).toEqual([
      '  granted by                                    limit  used  remaining  expires                  status',
      '  package_purchased at 2024-05-01 10:00 +03:30     10     2          0  2025-05-02 10:00 +03:30  expired, 8 lost',
      '  plan package: basic                               5   1.5        3.5  never                    held',
    ]);
    expect(out.join('\n')).not.toMatch(/also/);
  });

  it('isolates Persian paragraphs in the terminal report only', () => {
    const explained = formatEvalReport(answer, { style: plain, explain: true, lang: 'fa', width: 200 });
    expect(explained).toContain(`    \u2067${persian}\u2069`);
    expect(JSON.stringify(answer)).not.toContain('\u2067');
  });
});

describe('showInstant', () => {
  it('drops zero seconds and milliseconds but keeps the offset', () => {
    expect(showInstant('2025-03-08T21:30:00.000+02:00')).toBe('2025-03-08 21:30 +02:00');
    expect(showInstant('2025-03-08T21:30:15.000Z')).toBe('2025-03-08 21:30:15 Z');
    expect(showInstant('not an instant')).toBe('not an instant');
  });
});

describe('showInstantsIn', () => {
  it('shows every instant in a sentence as a person reads it, and leaves the rest alone', () => {
    expect(showInstantsIn('closed: payment happened at 2025-03-01T10:00:00.000+02:00')).toBe('closed: payment happened at 2025-03-01 10:00 +02:00');
    expect(showInstantsIn('open 2025-03-10T18:00:00.000Z until 2025-03-31T10:00:30+03:00.')).toBe('open 2025-03-10 18:00 Z until 2025-03-31 10:00:30 +03:00.');
    // not instants: no offset, a date alone, a longer run of digits
    for (const s of ['at 2025-03-01T10:00:00 local', 'on 2025-03-01', 'id 12025-03-01T10:00:00Z9', '']) expect(showInstantsIn(s)).toBe(s);
  });
});
