// Each kind of bad input gives exit 1 and a diagnostic that points at the problem
// (file:line:column, or a JSON pointer), never a stack trace.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runSla, STACK_FRAME, tempFiles } from './run-sla.ts';

const relokia = readFileSync(join(ROOT, 'policies', 'relokia.yaml'), 'utf8');
const goodCase = `policy: relokia
at: 2025-07-03T12:00:00+03:00
plans: { support: standard }
facts: { migration_price: 1000 }
events:
  - { type: ticket_opened, at: 2025-07-01T09:00:00+03:00, ticket: R-7, channel: chat }
`;

const cases: { what: string; files: Record<string, string | Uint8Array>; args: (dir: string) => string[]; expect: RegExp }[] = [
  {
    what: 'a time without an offset',
    files: { 'c.yaml': goodCase.replace('2025-07-03T12:00:00+03:00', '2025-07-03T12:00:00') },
    args: (d) => ['eval', join(d, 'c.yaml')],
    expect: /c\.yaml:2:5: error SLA4002 .*no offset/,
  },
  {
    what: 'an unknown event type',
    files: { 'c.yaml': goodCase.replace('type: ticket_opened', 'type: ticket_opend') },
    args: (d) => ['eval', join(d, 'c.yaml')],
    expect: /c\.yaml:6:\d+: error SLA4004 unknown event type `ticket_opend` \(did you mean `ticket_opened`\?\)/,
  },
  {
    what: 'an unknown plan option',
    files: { 'c.yaml': goodCase.replace('support: standard', 'support: gold') },
    args: (d) => ['eval', join(d, 'c.yaml')],
    expect: /c\.yaml:3:\d+: error SLA4007 unknown option `gold` of plan `support`/,
  },
  {
    what: 'a fact of the wrong type',
    files: { 'c.yaml': goodCase.replace('migration_price: 1000', 'migration_price: "1000"') },
    args: (d) => ['eval', join(d, 'c.yaml')],
    expect: /c\.yaml:4:\d+: error SLA4008 fact `migration_price` must be a number/,
  },
  {
    what: 'a __proto__ key',
    files: { 'c.yaml': goodCase.replace('facts: {', 'facts: { __proto__: { polluted: 1 },') },
    args: (d) => ['eval', join(d, 'c.yaml')],
    expect: /c\.yaml:4:\d+: error SLA1008/,
  },
  {
    what: 'a YAML alias bomb',
    files: { 'p.yaml': 'a: &a ["x","x","x","x"]\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\nd: [*c,*c,*c,*c]\n' },
    args: (d) => ['check', join(d, 'p.yaml')],
    expect: /p\.yaml:2:\d+: error SLA1002/,
  },
  {
    what: '20 000 nested brackets',
    files: { 'p.yaml': '['.repeat(20_000) },
    args: (d) => ['check', join(d, 'p.yaml')],
    expect: /p\.yaml:1:20000: error SLA1005/,
  },
  { what: 'an empty file', files: { 'c.yaml': '' }, args: (d) => ['eval', join(d, 'c.yaml'), '--policy', 'relokia'], expect: /c\.yaml:1:1: error SLA1006/ },
  {
    what: 'binary garbage',
    files: { 'p.yaml': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe]) },
    args: (d) => ['check', join(d, 'p.yaml')],
    expect: /p\.yaml:1:\d+: error SLA1007/,
  },
  {
    what: 'a duplicate key in a policy',
    files: { 'p.yaml': relokia.replace('currency: USD\n', 'currency: USD\ncurrency: EUR\n') },
    args: (d) => ['check', join(d, 'p.yaml')],
    expect: /p\.yaml:\d+:1: error SLA1003/,
  },
  {
    what: 'an invalid IANA zone',
    files: { 'p.yaml': relokia.replace('zone: Europe/Kyiv', 'zone: Europe/Kiyv') },
    args: (d) => ['check', join(d, 'p.yaml')],
    expect: /p\.yaml:\d+:\d+: error SLA3007 .*Kiyv/,
  },
];

describe('bad input: exit 1, a located diagnostic, no stack trace', () => {
  for (const c of cases) {
    it(c.what, async () => {
      const dir = tempFiles(c.files);
      const r = await runSla(c.args(dir));
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toMatch(c.expect);
      expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
    });
  }
});
