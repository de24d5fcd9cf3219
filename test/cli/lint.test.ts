// `sla lint` as a user runs it: the bundled policies pass with their justified warnings, --strict
// turns warnings into a failing exit, --format json is machine-readable, and an unsound policy fails.
import { describe, expect, it } from 'vitest';
import { basePolicy } from '../analysis/lint-policy.ts';
import { runSla, STACK_FRAME, tempFiles } from './run-sla.ts';

describe('sla lint', () => {
  it('lints the bundled policies: warnings only, test files skipped, exit 0', async () => {
    const files = ['cart2cart', 'crmonline', 'data2crm', 'relokia'].flatMap((id) => [`policies/${id}.yaml`, `policies/${id}.test.yaml`]);
    const r = await runSla(['lint', ...files]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('policies/relokia.yaml: clean');
    expect(r.stdout).toContain('policies/relokia.test.yaml: skipped (test file)');
    expect(r.stdout).toMatch(/^policies\/cart2cart\.yaml:\d+:\d+: warning SLA6002 calendar `business` takes holidays off only until 2022-02-24/m);
    expect(r.stdout).toContain('policies/cart2cart.yaml: 1 warning');
  });

  it('--strict fails on warnings', async () => {
    expect((await runSla(['lint', '--strict', 'cart2cart'])).code).toBe(1);
    expect((await runSla(['lint', '--strict', 'relokia'])).code).toBe(0);
  });

  it('--format json gives every diagnostic with its span and help', async () => {
    const r = await runSla(['lint', '--format', 'json', 'cart2cart']);
    expect(r.code).toBe(0);
    const { diagnostics } = JSON.parse(r.stdout);
    expect(diagnostics.map((d: { code: string }) => d.code)).toEqual(['SLA6002']);
    for (const d of diagnostics)
      expect(d).toMatchObject({
        severity: 'warning',
        file: expect.stringMatching(/cart2cart\.yaml$/),
        line: expect.any(Number),
        column: expect.any(Number),
        help: expect.any(String),
      });
  });

  it('exits 1 on a lint error, and reports an invalid policy as check does', async () => {
    const shadowed = basePolicy();
    shadowed.refund!.rules.unshift({ id: 'any_use', when: [{ event: 'done' }], percent: 50, reason: 'used' });
    const dir = tempFiles({ 'shadowed.yaml': JSON.stringify(shadowed, null, 2), 'broken.yaml': 'id: x\n' });
    const r = await runSla(['lint', 'shadowed.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^shadowed\.yaml:\d+:\d+: error SLA6005 refund rule `late` is never reached/m);
    const broken = await runSla(['lint', 'broken.yaml'], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/error SLA2003/);
    expect(broken.stdout + broken.stderr).not.toMatch(STACK_FRAME);
  });

  it('refuses an unknown format (exit 2)', async () => {
    const r = await runSla(['lint', '--format', 'xml', 'relokia']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown format `xml`/);
  });

  it('reads the DSL form too', async () => {
    const r = await runSla(['lint', 'policies/relokia.sla']);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toContain('policies/relokia.sla: clean');
  });
});
