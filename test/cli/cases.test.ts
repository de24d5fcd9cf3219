// `sla cases generate` as a user runs it: NDJSON on stdout, one case per line, the same for a seed.
import { describe, expect, it } from 'vitest';
import { runSla } from './run-sla.ts';

describe('sla cases generate', () => {
  it('prints --count cases as NDJSON, the same ones for the same --seed', async () => {
    const a = await runSla(['cases', 'generate', 'relokia', '--count', '5', '--seed', '3']);
    expect(a.code).toBe(0);
    const lines = a.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines)
      expect(JSON.parse(line)).toMatchObject({ policy: 'relokia', at: expect.stringMatching(/Z$/), plans: { support: expect.any(String) } });
    expect((await runSla(['cases', 'generate', 'policies/relokia.yaml', '--count', '5', '--seed', '3'])).stdout).toBe(a.stdout);
    expect((await runSla(['cases', 'generate', 'relokia', '--count', '5', '--seed', '4'])).stdout).not.toBe(a.stdout);
  });

  it('refuses a bad count or subcommand (exit 2) and an unknown policy (exit 1)', async () => {
    expect((await runSla(['cases', 'generate', 'relokia', '--count', 'many'])).code).toBe(2);
    expect((await runSla(['cases', 'list', 'relokia'])).code).toBe(2);
    const unknown = await runSla(['cases', 'generate', 'relokai']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/SLA4012 unknown policy `relokai`.*did you mean `relokia`/);
  });
});
