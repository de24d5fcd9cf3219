// What a user sees for realistic mistakes in YAML policies and cases: each diagnostic line, then
// the source lines with the span underlined. Fixtures: fixtures/errors/<name>.yaml (a policy, or a
// case when named *.case.yaml, evaluated under fixtures/errors/mini.yaml) and <name>.out.txt.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runSla } from './run-sla.ts';

const DIR = fileURLToPath(new URL('./fixtures/errors/', import.meta.url));
const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'mini.yaml');

describe('error frames', () => {
  it.each(fixtures)('%s', async (file) => {
    const args = file.endsWith('.case.yaml') ? ['eval', file, '--policies', '.'] : ['check', file];
    const r = await runSla(args, { cwd: DIR });
    expect(r.code).toBe(1);
    await expect(r.stdout + r.stderr).toMatchFileSnapshot(`./fixtures/errors/${file.replace(/\.yaml$/, '.out.txt')}`);
  });

  it('underlines the key of an unknown property, not its value', async () => {
    const r = await runSla(['check', 'unknown-property.yaml'], { cwd: DIR });
    expect(r.stdout).toContain('> 34 |     subjekt: ticket\n     |     ^^^^^^^\n');
  });
});
