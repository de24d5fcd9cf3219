// Control characters in a case, a test file or a file name are shown escaped in every text
// output (report tables, test reports, diagnostics, file names); JSON output keeps the values.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCleanOutput, folder, sla } from './in-process.ts';

const CLEAR = '\u001b[2J\u001b[H';
// A ticket id that clears the screen, one that forges a table row, one that reverses the line.
const TICKETS = [`T-1${CLEAR}`, 'T-2\n  first_response    T-9      vendor   forged', 'T-3\u202eevil'];
const caseJson = (extra: object = {}) =>
  JSON.stringify({
    policy: 'relokia',
    at: '2025-07-09T10:00:00+03:00',
    plans: { support: 'signature' },
    facts: { migration_price: 1000 },
    events: TICKETS.map((ticket) => ({ type: 'ticket_opened', at: '2025-07-07T09:00:00+03:00', ticket, channel: 'chat' })),
    ...extra,
  });

describe('sla eval', () => {
  it('escapes control characters of the case in the text report', async () => {
    const dir = folder({ 'case.json': caseJson() });
    const r = await sla('eval', join(dir, 'case.json'), '--explain');
    expect(r.code).toBe(0);
    expectCleanOutput(r);
    expect(r.stdout).toContain('T-1\\u001b[2J\\u001b[H');
    expect(r.stdout).toContain('T-2\\n  first_response');
    expect(r.stdout).toContain('T-3\\u202eevil');
    expect(r.stdout).not.toMatch(/^\s+first_response\s+T-9/m); // no forged row
  }, 20_000);

  it('keeps the values as they are in --json', async () => {
    const dir = folder({ 'case.json': caseJson() });
    const r = await sla('eval', join(dir, 'case.json'), '--json');
    expect(r.code).toBe(0);
    const subjects = JSON.parse(r.stdout).deadlines.map((d: { subject?: string }) => d.subject);
    expect(subjects).toEqual(expect.arrayContaining(TICKETS));
    expect(r.stdout).not.toContain('\u001b'); // JSON writes it as \u001b
  }, 20_000);

  it('escapes control characters quoted by diagnostics', async () => {
    const dir = folder({ 'case.json': caseJson({ plans: { support: `gold${CLEAR}` } }) });
    const r = await sla('eval', join(dir, 'case.json'));
    expect(r.code).toBe(1);
    expectCleanOutput(r);
    expect(r.stderr).toMatch(/error SLA4007 unknown option `gold\\u001b\[2J\\u001b\[H` of plan `support`/);
  }, 20_000);
});

describe('sla test and sla check', () => {
  it('escape control characters of case names and values in the test report', async () => {
    const dir = folder({
      'evil.test.yaml': [
        'policy: relokia',
        'cases:',
        '  - name: "clears\\e[2J the screen"',
        `    case: ${caseJson()}`,
        '    expect: { deadlines: [ { id: first_response, subject: "T-1\\e[2J\\e[H", status: "met\\e[31m" } ] }',
        '',
      ].join('\n'),
    });
    const r = await sla('test', join(dir, 'evil.test.yaml'));
    expect(r.code).toBe(1);
    expectCleanOutput(r);
    expect(r.stdout).toContain('✗ clears\\u001b[2J the screen');
  }, 20_000);

  it('escape control characters of file names', async () => {
    const dir = folder();
    const name = join(dir, 'bad\nname\u001b[2J.yaml');
    writeFileSync(name, 'id: x\n');
    const r = await sla('check', name);
    expect(r.code).toBe(1);
    expectCleanOutput(r);
    expect(r.stdout).toContain('bad\\nname\\u001b[2J.yaml: ');
  }, 20_000);

  it('escape control characters of unknown command-line arguments', async () => {
    const r = await sla(`ev\u001b[2Jal`);
    expect(r.code).toBe(2);
    expectCleanOutput(r);
  }, 20_000);
});
