// Bad usage exits 2 with a one-line message and a pointer to --help; never a stack trace.
import { describe, expect, it } from 'vitest';
import { runSla, STACK_FRAME } from './run-sla.ts';

describe('sla usage', () => {
  it('prints help listing every command, exit 0', async () => {
    const r = await runSla(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['check', 'eval', 'test', 'compile', 'fmt', 'convert', 'serve']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    expect(r.stdout).toContain('Exit codes: 0 ok, 1 a finding');
  });

  it('prints the help of a command', async () => {
    for (const args of [
      ['eval', '--help'],
      ['eval', '-h'],
      ['help', 'eval'],
    ]) {
      const r = await runSla(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: sla eval <case file>/);
      expect(r.stdout).toContain('--explain');
    }
  });

  it('prints the version', async () => {
    const r = await runSla(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it('without a command, prints the usage and exits 2', async () => {
    const r = await runSla([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: sla <command>');
  });

  it('refuses an unknown command with the near miss', async () => {
    const r = await runSla(['evl', 'case.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error SLA5004 unknown command `evl` (did you mean `eval`?)');
    expect(r.stdout).toBe('');
  });

  it('refuses an unknown option, naming it', async () => {
    const r = await runSla(['eval', '--jsn', 'examples/relokia-case.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error SLA5004 unknown option `--jsn` for `sla eval` (did you mean `--json`?)');
    expect(r.stderr).toContain('run `sla eval --help` for usage');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('refuses an option without its value', async () => {
    const r = await runSla(['eval', 'examples/relokia-case.yaml', '--policy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('option `--policy` needs a value');
  });

  it('refuses a value for a flag', async () => {
    const r = await runSla(['eval', 'examples/relokia-case.yaml', '--json=yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('option `--json` does not take a value');
  });

  it('refuses missing arguments', async () => {
    const cases: [string[], string][] = [
      [['eval'], 'missing <case file>'],
      [['check'], 'missing <policy files…>'],
      [['compile'], 'missing <policy file>'],
      [['fmt'], 'missing <file…>'],
      [['convert', 'policies/relokia.yaml'], 'missing --to dsl|yaml'],
      [['convert', '--to', 'dsl'], 'missing <file>'],
    ];
    for (const [args, message] of cases) {
      const r = await runSla(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`error SLA5004 ${message}`);
    }
  });

  it('refuses extra arguments', async () => {
    const r = await runSla(['eval', 'a.yaml', 'b.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unexpected argument `b.yaml` for `sla eval`');
  });

  it('refuses an unsupported language and conversion target', async () => {
    const lang = await runSla(['eval', 'examples/relokia-case.yaml', '--lang', 'de']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('unsupported language `de`: use en, uk or fa');
    const to = await runSla(['convert', '--to', 'json', 'policies/relokia.yaml']);
    expect(to.code).toBe(2);
    expect(to.stderr).toContain('cannot convert to `json`');
  });

  it('fmt refuses a file that is not DSL', async () => {
    const r = await runSla(['fmt', 'policies/relokia.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`policies/relokia.yaml` is not a DSL file (.sla)');
  });

  it('serve refuses a bad setting before starting, exit 2', async () => {
    const r = await runSla(['serve', '--port', 'eighty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error SLA5004 invalid --port `eighty`: expected a whole number from 0 to 65535');
    const extra = await runSla(['serve', 'now']);
    expect(extra.code).toBe(2);
  });
});
