// The whole command line over the real engine and the bundled policies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../engine/answer.ts';
import { matchExpectation } from '../../engine/testing/index.ts';
import { ROOT, runSla, STACK_FRAME, tempFiles } from './run-sla.ts';

const EXAMPLE = 'examples/relokia-case.yaml';
const lastLine = (s: string) => s.trimEnd().split('\n').at(-1);

const exampleCase = readFileSync(join(ROOT, EXAMPLE), 'utf8')
  .split('\n')
  .filter((l) => !l.startsWith('#') && !l.startsWith('policy:'))
  .map((l) => `      ${l}`)
  .join('\n');

const testFile = (name: string, expect: string) => `policy: relokia
cases:
  - name: ${name}
    case:
${exampleCase}
    expect:
${expect}
`;

const crmonlineCase = `policy: crmonline
at: 2024-11-17T09:00:00+03:30
plans: { support: free }
events:
  - { type: ticket_opened, at: 2024-11-16T15:00:00+03:30, ticket: F-1, channel: ticket }
`;

describe('sla check', () => {
  it('accepts the bundled policy with a one-line summary', async () => {
    const r = await runSla(['check', 'policies/relokia.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^policies\/relokia\.yaml: ok \(relokia 2024-10-27, \d+ deadlines?, \d+ entitlements?, refund terms, 0 credits/m);
  });

  it('looks policies up by id', async () => {
    const r = await runSla(['check', 'relokia', 'crmonline']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/relokia\.yaml: ok/);
    expect(r.stdout).toMatch(/crmonline\.yaml: ok/);
  });

  it('reports an invalid policy as file:line:column and exits 1', async () => {
    const policy = readFileSync(join(ROOT, 'policies/relokia.yaml'), 'utf8').replace(/^title:/m, 'titel: x\ntitle:');
    const dir = tempFiles({ 'broken.yaml': policy });
    const r = await runSla(['check', join(dir, 'broken.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken\.yaml:\d+:\d+: error SLA2\d{3} .*titel/);
    expect(r.stdout).toMatch(/broken\.yaml: \d+ errors?/);
    expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('sla eval', () => {
  it('prints the Answer as JSON with --json', async () => {
    const r = await runSla(['eval', EXAMPLE, '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\{\n {2}"policy": /);
    const answer = JSON.parse(r.stdout) as Answer;
    expect(answer.policy).toEqual({ id: 'relokia', version: '2024-10-27' });
    expect(answer.plans).toEqual({ support: 'premium' });
    expect(
      matchExpectation(answer, {
        deadlines: [
          {
            id: 'first_response',
            subject: 'T-1',
            party: 'vendor',
            due: '2025-03-08T21:30:00+02:00',
            status: 'met',
            met_at: '2025-03-08T09:00:00+02:00',
            priority: 'high',
          },
          { id: 'first_response', subject: 'T-2', due: '2025-03-11T09:15:00+02:00', status: 'pending' },
        ],
        entitlements: [
          { id: 're_migration', allowed: true, limit: 1, used: 0, remaining: 1, until: '2025-03-10T18:00:00+02:00', cost: { amount: 0, currency: 'USD' } },
        ],
        refund: { eligible: false, percent: 0, amount: 0, basis: 1200, currency: 'USD' },
        credits: [],
      }),
    ).toEqual([]);
  });

  it('prints a readable report by default', async () => {
    const r = await runSla(['eval', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('relokia 2024-10-27 · at 2025-03-10 12:00 +02:00 · support: premium');
    expect(r.stdout).toMatch(/^ {2}first_response +T-1 +vendor +2025-03-08 21:30 \+02:00 +met +2025-03-08 09:00 \+02:00 +high/m);
    expect(r.stdout).toMatch(/^ {2}re_migration +✓ +1 +0 +1 +2025-03-10 18:00 \+02:00 +0 USD/m);
    expect(r.stdout).toContain('\nRefund\n  eligible   ✗ no\n');
    expect(r.stdout).toContain('\nCredits: none\n');
    expect(r.stdout).not.toContain('\u001b['); // not a terminal: no colour
  });

  it('explains in Ukrainian when asked', async () => {
    const r = await runSla(['eval', EXAMPLE, '--explain', '--lang', 'uk']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nExplanations \(\d+\)\n/);
    expect(r.stdout).toMatch(/[\u0400-\u04ff]{4,}/);
  });

  it('keeps Persian readable: isolates in the report, the text as written in JSON', async () => {
    const dir = tempFiles({ 'crmonline.yaml': crmonlineCase });
    const report = await runSla(['eval', join(dir, 'crmonline.yaml'), '--explain', '--lang', 'fa']);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/\u2067[^\n\u2069]*[\u0600-\u06ff][^\n]*\u2069/);
    const json = await runSla(['eval', join(dir, 'crmonline.yaml'), '--json', '--lang', 'fa']);
    expect(json.code).toBe(0);
    expect(json.stdout).toMatch(/[\u0600-\u06ff]/);
    expect(json.stdout).not.toMatch(/[\u2066-\u2069]/);
  });

  it('takes --policy as an id or a file, and finds ids whatever the cwd', async () => {
    const byFile = await runSla(['eval', EXAMPLE, '--policy', 'policies/relokia.yaml', '--json']);
    expect(byFile.code).toBe(0);
    const elsewhere = await runSla(['eval', join(ROOT, EXAMPLE), '--policy', 'relokia', '--json'], { cwd: tempFiles() });
    expect(elsewhere.code).toBe(0);
    expect(JSON.parse(elsewhere.stdout)).toEqual(JSON.parse(byFile.stdout));
  });

  it('needs a policy from --policy or the case, else bad usage', async () => {
    const dir = tempFiles({ 'no-policy.yaml': 'at: 2025-03-10T12:00:00+02:00\nplans: { support: premium }\n' });
    const r = await runSla(['eval', join(dir, 'no-policy.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no policy for this case: pass --policy <id or file> or set `policy:` in the case');
  });

  it('names an unknown policy with the near miss, exit 1', async () => {
    const r = await runSla(['eval', EXAMPLE, '--policy', 'relokai']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error SLA4012 unknown policy `relokai`');
    expect(r.stderr).toContain('did you mean `relokia`?');
  });

  it('reports an invalid case at its line, without a stack trace, exit 1', async () => {
    const dir = tempFiles({
      'no-offset.yaml': 'policy: relokia\nat: 2025-03-10T12:00:00\nplans: { support: premium }\nfacts: { migration_price: 1200 }\nevents: []\n',
    });
    const r = await runSla(['eval', join(dir, 'no-offset.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-offset\.yaml:2:\d+: error SLA4002 /);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('sla compile', () => {
  it('prints the compiled policy as JSON', async () => {
    const r = await runSla(['compile', 'policies/relokia.yaml']);
    expect(r.code).toBe(0);
    const compiled = JSON.parse(r.stdout) as { kind: string; format: string; rules: unknown[] };
    expect(compiled.kind).toBe('compiled');
    expect(compiled.format).toBe('sla-compiled/1');
    expect(compiled.rules.length).toBeGreaterThan(0);
  });
});

describe('sla test', () => {
  const passing = testFile(
    'premium re-migration still open on day 5',
    `      entitlements: [ { id: re_migration, allowed: true, remaining: 1, until: 2025-03-10T19:00:00+03:00 } ]
      deadlines: [ { id: first_response, subject: T-1, status: met } ]
      credits: []`,
  );
  const failing = testFile('re-migration already used', '      entitlements: [ { id: re_migration, remaining: 0 } ]');

  it('passes a matching file: ✓ per case and the summary line', async () => {
    const dir = tempFiles({ 'relokia.test.yaml': passing });
    const r = await runSla(['test', join(dir, 'relokia.test.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  ✓ premium re-migration still open on day 5\n');
    expect(lastLine(r.stdout)).toBe('1 passed, 0 failed');
  });

  it('shows a failure with the case, the field, expected and actual values and the whole item', async () => {
    const dir = tempFiles({ 'relokia.test.yaml': failing });
    const r = await runSla(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  ✗ re-migration already used\n');
    expect(r.stdout).toContain('      entitlements[id=re_migration].remaining\n        expected: 0\n        actual:   1\n');
    expect(r.stdout).toMatch(/ {8}actual item: \{"id":"re_migration",.*"allowed":true/);
    expect(lastLine(r.stdout)).toBe('0 passed, 1 failed');
  });

  it('runs the same under json-rules-engine, the reference backend, as by default', async () => {
    const dir = tempFiles({ 'relokia.test.yaml': failing });
    for (const file of ['policies/data2crm.test.yaml', join(dir, 'relokia.test.yaml')]) {
      const byDefault = await runSla(['test', file]);
      const byEngine = await runSla(['test', file, '--engine', 'json-rules-engine']);
      expect(byEngine.code).toBe(byDefault.code);
      expect(byEngine.stdout).toBe(byDefault.stdout);
    }
    expect((await runSla(['test', '--engine', 'drools'])).stderr).toContain('unknown engine `drools`');
  });

  it('finds test files in folders recursively', async () => {
    const dir = tempFiles({ 'a.test.yaml': passing, 'notes.yaml': 'not a test' });
    const nested = tempFiles({ 'b.test.yaml': failing });
    const r = await runSla(['test', dir, nested]);
    expect(r.code).toBe(1);
    expect(lastLine(r.stdout)).toBe('1 passed, 1 failed');
    expect(r.stdout).not.toContain('notes.yaml');
  });

  it('fails an invalid test file with a diagnostic instead of crashing', async () => {
    const dir = tempFiles({ 'bad.test.yaml': 'policy: relokia\ncasez: []\n' });
    const r = await runSla(['test', join(dir, 'bad.test.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.test\.yaml:2:\d+: error SLA5010 unknown key `casez` in a test file \(did you mean `cases`\?\)/);
    expect(r.stdout).toMatch(/error SLA5001 missing `cases`/);
    expect(lastLine(r.stdout)).toBe('0 passed, 1 failed');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('fails a bad case alone and runs the others', async () => {
    const file = `${passing}  - name: misspelt expectation\n    case: { at: 2025-03-10T12:00:00+02:00 }\n    expect: { entitlement: [] }\n`;
    const dir = tempFiles({ 'mixed.test.yaml': file });
    const r = await runSla(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ {2}✗ misspelt expectation\n {6}.*mixed\.test\.yaml:\d+:\d+: error SLA5010 unknown key `entitlement`/);
    expect(lastLine(r.stdout)).toBe('1 passed, 1 failed');
  });

  it('fails a case whose input is invalid, pointing into the test file', async () => {
    const file = passing.replace('at: 2025-03-10T12:00:00+02:00', 'at: 2025-03-10T12:00:00');
    const dir = tempFiles({ 'offset.test.yaml': file });
    const r = await runSla(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/offset\.test\.yaml:5:\d+: error SLA4002 /);
    expect(lastLine(r.stdout)).toBe('0 passed, 1 failed');
  });

  it('runs the tests of the policies folder by default, looking ids up there', async () => {
    const dir = tempFiles({ 'relokia.yaml': readFileSync(join(ROOT, 'policies/relokia.yaml')), 'relokia.test.yaml': passing });
    const r = await runSla(['test', '--policies', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('relokia.test.yaml\n  ✓ premium re-migration still open on day 5\n');
    expect(lastLine(r.stdout)).toBe('1 passed, 0 failed');
  });

  it('fails the cases of an unknown policy', async () => {
    const dir = tempFiles({ 'unknown.test.yaml': passing.replace('policy: relokia', 'policy: relokai') });
    const r = await runSla(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error SLA4012 unknown policy `relokai`');
    expect(lastLine(r.stdout)).toBe('0 passed, 1 failed');
  });
});

describe('sla convert and fmt', () => {
  it('converts a policy to the DSL, which checks and formats to itself', async () => {
    const converted = await runSla(['convert', '--to', 'dsl', 'policies/relokia.yaml']);
    expect(converted.code).toBe(0);
    const dir = tempFiles({ 'relokia.sla': converted.stdout });
    const checked = await runSla(['check', join(dir, 'relokia.sla')]);
    expect(checked.code).toBe(0);
    const formatted = await runSla(['fmt', join(dir, 'relokia.sla')]);
    expect(formatted.code).toBe(0);
    expect(formatted.stdout).toBe(converted.stdout);
  });

  it('converts YAML to the DSL and back without loss', async () => {
    const [dsl, yaml] = await Promise.all([runSla(['convert', '--to', 'dsl', 'relokia']), runSla(['convert', '--to', 'yaml', 'relokia'])]);
    expect([dsl.code, yaml.code]).toEqual([0, 0]);
    const dir = tempFiles({ 'relokia.sla': dsl.stdout });
    const back = await runSla(['convert', '--to', 'yaml', join(dir, 'relokia.sla')]);
    expect(back.code).toBe(0);
    expect(back.stdout).toBe(yaml.stdout);
  });
});
