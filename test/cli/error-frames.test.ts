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

  it('--json gives each diagnostic its span, start and end', async () => {
    const check = await runSla(['check', '--json', 'misspelt-event.yaml'], { cwd: DIR });
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).diagnostics).toEqual([
      expect.objectContaining({ code: 'SLA3003', file: 'misspelt-event.yaml', line: 36, column: 20, endLine: 36, endColumn: 34 }),
    ]);
    const evaluated = await runSla(['eval', '--json', 'bad-case.case.yaml', '--policies', '.'], { cwd: DIR });
    expect(evaluated.code).toBe(1);
    expect(JSON.parse(evaluated.stdout).errors[1]).toMatchObject({ code: 'SLA4006', line: 4, column: 33, endLine: 4, endColumn: 47 });
  });
});
