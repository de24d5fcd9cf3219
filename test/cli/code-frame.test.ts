// The code frame: the span underlined under the right characters, whatever the line holds.
import { describe, expect, it } from 'vitest';
import { codeFrame, MAX_FRAME_WIDTH, sourceLines } from '../../cli/code-frame.ts';
import type { Diagnostic } from '../../engine/diagnostics/index.ts';
import { styleFor } from '../../cli/text/style.ts';

const at = (line: number, column: number, endLine = line, endColumn = column + 1): Diagnostic => ({
  severity: 'error',
  code: 'SLA3003',
  message: 'x',
  line,
  column,
  endLine,
  endColumn,
});

describe('codeFrame', () => {
  it('shows the line before and after, and underlines the span', () => {
    expect(codeFrame(sourceLines('a: 1\nb: wrong\nc: 3\n'), at(2, 4, 2, 9))).toEqual(['  1 | a: 1', '> 2 | b: wrong', '    |    ^^^^^', '  3 | c: 3']);
  });

  it('keeps the carets under the span after tabs and wide characters', () => {
    const [, line, carets] = codeFrame(sourceLines('x\n\t名前: bad\n'), at(2, 5, 2, 8));
    expect(line).toBe('> 2 |     名前: bad');
    expect(carets).toBe('    |          ^^^');
  });

  it('never prints control or bidi-override characters raw', () => {
    const frame = codeFrame(sourceLines('a: "\u001b[2J\u202eevil"\n'), at(1, 4, 1, 12)).join('\n');
    expect(frame).not.toMatch(/[\u001b\u202e]/);
    expect(frame).toContain('\\u001b[2J\\u202eevil');
  });

  it('cuts a long line to a window around the span', () => {
    const long = `k: ${'x'.repeat(5000)}bad${'y'.repeat(5000)}`;
    const [line, carets] = codeFrame([long], at(1, 5004, 1, 5007));
    expect(line.length).toBeLessThan(MAX_FRAME_WIDTH + 12);
    expect(line).toContain('…');
    expect(line[carets.indexOf('^')]).toBe('b');
    expect(carets.match(/\^/g)).toHaveLength(3);
  });

  it('underlines a span that runs on to the end of its first line', () => {
    expect(codeFrame(sourceLines('deadlines:\n  - id: x   \n    clause: y\n'), at(2, 5, 3, 14))[2]).toBe('    |     ^^^^^');
  });

  it('has no frame without a line, or for a line the source does not have', () => {
    expect(codeFrame(['a'], { severity: 'error', code: 'SLA1004', message: 'x' })).toEqual([]);
    expect(codeFrame(['a'], at(9, 1))).toEqual([]);
  });

  it('colours only on a terminal', () => {
    const tty = codeFrame(['a: b'], at(1, 4), styleFor({ isTTY: true }, {}));
    expect(tty.join('\n')).toContain('\u001b[31m^\u001b[39m');
    expect(codeFrame(['a: b'], at(1, 4), styleFor({ isTTY: false }, {})).join('\n')).not.toContain('\u001b');
  });
});
