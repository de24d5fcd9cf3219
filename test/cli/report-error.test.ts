// How errors end a command: exit codes, and a stack trace only when asked for with SLA_DEBUG.
import { afterEach, describe, expect, it } from 'vitest';
import { diagnostic, SlaError } from '../../engine/diagnostics/index.ts';
import { reportError } from '../../cli/report-error.ts';
import { plain, styleFor } from '../../cli/text/style.ts';
import { UnavailableError } from '../../cli/unavailable-error.ts';
import { UsageError } from '../../cli/usage-error.ts';
import { STACK_FRAME } from './run-sla.ts';

function capture() {
  let text = '';
  const stream = { isTTY: false, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

describe('reportError', () => {
  const debug = process.env.SLA_DEBUG;
  afterEach(() => {
    if (debug === undefined) delete process.env.SLA_DEBUG;
    else process.env.SLA_DEBUG = debug;
  });

  it('prints the diagnostics of bad input and exits 1', () => {
    const out = capture();
    const e = new SlaError([diagnostic('SLA4002', 'time without offset', { file: 'case.yaml', line: 2, column: 5 })]);
    expect(reportError(e, out.stream)).toBe(1);
    expect(out.text()).toBe('case.yaml:2:5: error SLA4002 time without offset\n');
  });

  it('prints bad usage with the near miss and where to get help, exit 2', () => {
    const out = capture();
    expect(reportError(new UsageError('unknown option `--jsn` for `sla eval`', 'eval', 'did you mean `--json`?'), out.stream)).toBe(2);
    expect(out.text()).toBe('error SLA5004 unknown option `--jsn` for `sla eval` (did you mean `--json`?)\nrun `sla eval --help` for usage\n');
  });

  it('prints what is not available in one line, exit 2', () => {
    const out = capture();
    expect(reportError(new UnavailableError('`sla serve` is not available yet'), out.stream)).toBe(2);
    expect(out.text()).toBe('sla: `sla serve` is not available yet\n');
  });

  it('prints an unexpected error as one line without a stack, exit 2', () => {
    delete process.env.SLA_DEBUG;
    const out = capture();
    expect(reportError(new TypeError('cannot read properties of undefined\n  more detail'), out.stream)).toBe(2);
    expect(out.text()).toBe('sla: internal error: cannot read properties of undefined (set SLA_DEBUG=1 for details)\n');
    expect(out.text()).not.toMatch(STACK_FRAME);
  });

  it('adds the stack with SLA_DEBUG=1', () => {
    process.env.SLA_DEBUG = '1';
    const out = capture();
    expect(reportError(new TypeError('boom'), out.stream)).toBe(2);
    expect(out.text()).toMatch(/^sla: internal error: boom\nTypeError: boom\n/);
    expect(out.text()).toMatch(STACK_FRAME);
  });
});

describe('styleFor', () => {
  it('colours a terminal only, and never when NO_COLOR is set', () => {
    expect(styleFor({ isTTY: true }, {}).green('ok')).toBe('\u001b[32mok\u001b[39m');
    expect(styleFor({ isTTY: true }, { NO_COLOR: '1' })).toBe(plain);
    expect(styleFor({ isTTY: false }, {})).toBe(plain);
    expect(styleFor({}, {})).toBe(plain);
  });
});
