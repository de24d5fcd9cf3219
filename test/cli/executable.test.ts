// The `sla` executable itself (bin/sla.js on the build): its exit codes, and a closed pipe.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runSlaProcess, STACK_FRAME, tempFiles } from './run-sla.ts';

describe('the sla executable', () => {
  it('exits 0 for a valid policy, 1 for a finding, 2 for bad usage, never with a stack trace', async () => {
    const dir = tempFiles({ 'broken.yaml': 'id: x\n' });
    const ok = await runSlaProcess(['check', 'policies/relokia.yaml']);
    const finding = await runSlaProcess(['check', join(dir, 'broken.yaml')]);
    const usage = await runSlaProcess(['chek']);
    expect([ok.code, finding.code, usage.code]).toEqual([0, 1, 2]);
    expect(usage.stderr).toContain('did you mean `check`');
    for (const r of [ok, finding, usage]) expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
  });

  it('stops quietly when its output pipe closes early', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'sla.js'), 'compile', 'policies/relokia.yaml'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
