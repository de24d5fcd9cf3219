import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runSla, tempFiles } from './run-sla.ts';

describe('sla fmt', () => {
  it('keeps the file’s # comments while formatting', async () => {
    const source = readFileSync(join(ROOT, 'policies', 'data2crm.sla'), 'utf8');
    const messy = `# reviewed by the billing team\n${source.replace('zone Europe/Kyiv', 'zone    Europe/Kyiv')}`;
    const dir = tempFiles({ 'p.sla': messy });
    const r = await runSla(['fmt', join(dir, 'p.sla')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`# reviewed by the billing team\n${source}`);
  });

  it('--check lists a file that is not formatted and exits 1', async () => {
    const source = readFileSync(join(ROOT, 'policies', 'data2crm.sla'), 'utf8');
    const dir = tempFiles({ 'p.sla': source.replace('zone Europe/Kyiv', 'zone    Europe/Kyiv') });
    const r = await runSla(['fmt', '--check', join(dir, 'p.sla')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('p.sla: not formatted');
  });

  it('leaves the bundled DSL policies unchanged', async () => {
    const r = await runSla(['fmt', '--check', ...['relokia', 'data2crm', 'cart2cart', 'crmonline'].map((id) => `policies/${id}.sla`)]);
    expect(r.code).toBe(0);
  });
});

describe('sla test --dsl', () => {
  it('runs the cases under the DSL form of the policy', async () => {
    const dir = tempFiles({
      'relokia.sla': readFileSync(join(ROOT, 'policies', 'relokia.sla'), 'utf8'),
      'relokia.yaml': 'id: broken\n',
    });
    const withDsl = await runSla(['test', '--dsl', '--policies', dir, 'policies/relokia.test.yaml']);
    expect(withDsl.code).toBe(0);
    expect(withDsl.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    const withYaml = await runSla(['test', '--policies', dir, 'policies/relokia.test.yaml']);
    expect(withYaml.code).toBe(1);
  });
});
