// `sla test --coverage` over the bundled tests: the table per policy, every clause decided, and the
// JSON and LCOV files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSla } from './run-sla.ts';

describe('sla test --coverage', () => {
  it('prints the coverage of each bundled policy after the summary, every clause decided', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sla-cov-'));
    const r = await runSla(['test', '--coverage', '--coverage-json', join(out, 'c.json'), '--lcov', join(out, 'c.info'), 'policies']);
    expect(r.code).toBe(0);
    const summary = r.stdout.indexOf(' passed, 0 failed');
    for (const id of ['cart2cart', 'crmonline', 'data2crm', 'relokia']) {
      const at = r.stdout.indexOf(`Coverage of policies/${id}.yaml by `);
      expect(at).toBeGreaterThan(summary);
    }
    expect(r.stdout).toMatch(/clause +rules +decided in +conditions both ways/);

    const { policies } = JSON.parse(readFileSync(join(out, 'c.json'), 'utf8'));
    expect(policies.map((p: { policy: string }) => p.policy)).toEqual(['cart2cart', 'crmonline', 'data2crm', 'relokia']);
    for (const p of policies) {
      expect(p.totals.clauses.covered, p.policy).toBe(p.totals.clauses.total);
      expect(p.totals.conditions.covered, p.policy).toBe(p.totals.conditions.total);
      expect(p.totals.outcomes.covered, p.policy).toBe(p.totals.outcomes.total);
    }
    const lcov = readFileSync(join(out, 'c.info'), 'utf8');
    expect(lcov.match(/^SF:.*policies\/\w+\.yaml$/gm)).toHaveLength(4);
    expect(lcov.match(/^end_of_record$/gm)).toHaveLength(4);
  }, 60_000);

  it('names what a smaller run leaves unexercised', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sla-cov-'));
    const file = join(dir, 'one.test.yaml');
    writeFileSync(
      file,
      'policy: data2crm\ncases:\n  - name: nothing happened\n    case: { at: 2024-03-01T10:00:00+02:00, plans: { package: none } }\n    expect: { deadlines: [] }\n',
    );
    const r = await runSla(['test', '--coverage', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('not yet exercised:');
    expect(r.stdout).toMatch(/deadline `first_response` never pending or met or breached/);
  });
});
