// Input files are refused before any parser sees them when they are missing, too large or not text.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSla, STACK_FRAME, tempFiles } from './run-sla.ts';

// Random bytes with a NUL and an invalid UTF-8 sequence, whatever the random part holds.
const garbage = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0xc3]), randomBytes(4096)]);
const dir = tempFiles({
  'garbage.yaml': garbage,
  'latin1.yaml': Buffer.from('id: caf\xe9\n', 'latin1'),
  'control.yaml': 'id: x\nat: \u0001\n',
  'huge.yaml': `# ${'x'.repeat(1024 * 1024)}\n`,
});

describe('sla input files', () => {
  it('a missing policy file is a finding (exit 1) with SLA5003', async () => {
    const r = await runSla(['check', 'no-such-policy.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no-such-policy.yaml: error SLA5003 file not found');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('a missing case file is a finding (exit 1) with SLA5003', async () => {
    const r = await runSla(['eval', 'no-such-case.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('no-such-case.yaml: error SLA5003 file not found\n');
  });

  it('a folder where a file is expected is a finding', async () => {
    const r = await runSla(['eval', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error SLA5005 a folder, not a file');
  });

  it('refuses binary garbage with SLA1007, for check and eval alike', async () => {
    const check = await runSla(['check', join(dir, 'garbage.yaml')]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/garbage\.yaml:1:1: error SLA1007 not text: invalid UTF-8/);
    const evaluated = await runSla(['eval', join(dir, 'garbage.yaml')]);
    expect(evaluated.code).toBe(1);
    expect(evaluated.stderr).toMatch(/garbage\.yaml:1:1: error SLA1007/);
    expect(evaluated.stderr).not.toMatch(STACK_FRAME);
  });

  it('points at the first byte that is not UTF-8', async () => {
    const r = await runSla(['check', join(dir, 'latin1.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/latin1\.yaml:1:8: error SLA1007/);
  });

  it('refuses control characters, pointing at the first', async () => {
    const r = await runSla(['eval', join(dir, 'control.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/control\.yaml:2:5: error SLA1007 not text: control character U\+0001/);
  });

  it('refuses files over 1 000 000 bytes with SLA1004', async () => {
    const r = await runSla(['check', join(dir, 'huge.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/huge\.yaml: error SLA1004 the file is 1048579 bytes; the limit is 1000000 bytes/);
  });

  it('sla test on a path that does not exist fails it', async () => {
    const r = await runSla(['test', 'no-such-folder']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no-such-folder: error SLA5003 file not found');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });

  it('sla test on a folder without test files passes with nothing run', async () => {
    const empty = tempFiles();
    const r = await runSla(['test', empty]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('0 passed, 0 failed\n');
    expect(r.stderr).toContain('no test files (*.test.yaml)');
  });
});
