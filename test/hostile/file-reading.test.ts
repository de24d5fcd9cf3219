// A case names its policy by id only, and the CLI reads regular files only, of bounded size: a
// case cannot make `sla` read /etc/passwd, stream /dev/zero or block on a FIFO.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_QUOTE } from '../../engine/diagnostics/quote-value.ts';
import { diagnosticLines, expectCleanOutput, folder, sla } from './in-process.ts';

const AT = 'at: 2025-03-10T12:00:00+02:00\nplans: { support: premium }\nfacts: { migration_price: 1 }\n';

describe('a case names its policy by id, never by path', () => {
  for (const ref of ['/etc/passwd', '../../../../../../etc/passwd', '/dev/zero', 'policies/relokia.yaml', 'relokia.yaml', 'Relokia', '12']) {
    it(`policy: ${ref} → SLA4015 at the case's policy line`, async () => {
      const dir = folder({ 'case.yaml': `# a case\npolicy: ${ref}\n${AT}` });
      const r = await sla('eval', join(dir, 'case.yaml'));
      expect(r.code).toBe(1);
      expect(diagnosticLines(r)).toEqual([expect.stringMatching(/case\.yaml:2:9: error SLA4015 .* is not a policy id/)]);
      expect(r.stderr).not.toMatch(/root:/);
      expectCleanOutput(r);
    }, 20_000);
  }

  for (const [what, top, inCase, line] of [
    ['a test file', '/etc/passwd', '', 1],
    ['a case of a test file', 'relokia', 'policy: ../../etc/shadow, ', 4],
  ] as const) {
    it(`${what} naming a path fails with SLA5001, at the line`, async () => {
      const dir = folder({
        'paths.test.yaml': `policy: ${top}\ncases:\n  - name: one\n    case: { ${inCase}${AT.trim().split('\n').join(', ')} }\n    expect: {}\n`,
      });
      const r = await sla('test', join(dir, 'paths.test.yaml'));
      expect(r.code).toBe(1);
      expect(diagnosticLines(r)).toEqual([expect.stringMatching(new RegExp(`paths\\.test\\.yaml:${line}:\\d+: error SLA5001 ".*" is not a policy id`))]);
      expect(r.stdout + r.stderr).not.toMatch(/root:/);
      expectCleanOutput(r);
    }, 20_000);
  }

  it('an id is looked up in --policies', async () => {
    const dir = folder({ 'case.yaml': `policy: relokia\n${AT}` });
    const r = await sla('eval', join(dir, 'case.yaml'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).policy.id).toBe('relokia');
  }, 20_000);
});

describe('files the CLI reads are regular and bounded', () => {
  it('/dev/zero as a policy on the command line is refused before reading (SLA5005)', async () => {
    const r = await sla('check', '/dev/zero');
    expect(r.code).toBe(1);
    expect(diagnosticLines(r)).toEqual(['/dev/zero: error SLA5005 not a regular file (a device, FIFO or socket)']);
  }, 10_000);

  it('a FIFO as the case is refused at once, without waiting for a writer (SLA5005)', async () => {
    const dir = folder();
    const fifo = join(dir, 'case.yaml');
    execFileSync('mkfifo', [fifo]);
    const r = await sla('eval', fifo, '--policy', 'relokia');
    expect(r.code).toBe(1);
    expect(diagnosticLines(r)).toEqual([expect.stringMatching(/case\.yaml: error SLA5005 not a regular file/)]);
  }, 10_000);

  it('a folder is refused (SLA5005)', async () => {
    const dir = folder();
    const r = await sla('eval', dir, '--policy', 'relokia');
    expect(r.code).toBe(1);
    expect(diagnosticLines(r)).toEqual([expect.stringMatching(/: error SLA5005 a folder, not a file$/)]);
  }, 10_000);

  it('a file over 1 000 000 bytes is refused by its size (SLA1004), in bytes as the limit is', async () => {
    const dir = folder({ 'big.yaml': `# ${'x'.repeat(1_000_000)}\n` });
    const r = await sla('check', join(dir, 'big.yaml'));
    expect(r.code).toBe(1);
    expect(diagnosticLines(r)).toEqual([expect.stringMatching(/big\.yaml: error SLA1004 the file is 1000003 bytes; the limit is 1000000 bytes$/)]);
  }, 10_000);

  it('a file read by mistake shows at most a short excerpt of itself', async () => {
    const dir = folder({ passwd: Array.from({ length: 40 }, (_, i) => `user${i}:x:${i}:${i}:User ${i}:/home/user${i}:/bin/sh`).join('\n') + '\n' });
    const r = await sla('check', join(dir, 'passwd'));
    expect(r.code).toBe(1);
    const [line] = diagnosticLines(r);
    expect(line).toMatch(/passwd:1:1: error SLA2004 the document must be an object, not string "user0:x:0:0:.*…$/);
    const quoted = line.slice(line.indexOf('"'));
    expect(quoted.length).toBeLessThanOrEqual(MAX_QUOTE);
    expect(r.stdout + r.stderr).not.toContain('user39');
  }, 10_000);

  it('a missing file is SLA5003, and a binary one SLA1007', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x00]));
    const r = await sla('check', join(dir, 'none.yaml'), join(dir, 'bin.yaml'));
    expect(r.code).toBe(1);
    expect(diagnosticLines(r)).toEqual([
      expect.stringMatching(/none\.yaml: error SLA5003 file not found$/),
      expect.stringMatching(/bin\.yaml:1:5: error SLA1007 not text: invalid UTF-8/),
    ]);
  }, 10_000);
});
