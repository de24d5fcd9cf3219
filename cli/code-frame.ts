// The source lines under a diagnostic, its span underlined, as rustc and Babel show them:
//
//     4 |   start: { event: ticket_opened }
//   > 5 |   stop: { event: ticket_answerd }
//       |                  ^^^^^^^^^^^^^^
//     6 | calendars:
//
// The lines are the user's own file, shown as text and never as terminal commands: tabs become
// spaces and control or bidi-override characters escapes (`\u001b`), so a file cannot move the
// cursor or reorder what is printed. A long line is cut to a window around the span.
import type { Diagnostic } from '../engine/diagnostics/index.ts';
import { displayWidth } from './text/display-width.ts';
import { escapeControls } from './text/escape-controls.ts';
import { plain, type Style } from './text/style.ts';

/** Columns of a line shown at most; a longer one is cut around the span. */
export const MAX_FRAME_WIDTH = 120;
const CONTEXT = 1;
const TAB = '    ';
const show = (text: string) => escapeControls(text.replace(/\t/g, TAB));

/** A source split as the front ends count lines (LF or CRLF); a final newline ends the last line. */
export function sourceLines(source: string): string[] {
  const lines = source.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The frame lines of one diagnostic (none if it has no line, or the line is not in the source). */
export function codeFrame(lines: readonly string[], d: Diagnostic, style: Style = plain): string[] {
  // A problem at the very end (an unclosed bracket) may sit on the line after the last.
  if (!d.line || d.line > lines.length + 1) return [];
  const text = lines[d.line - 1] ?? '';
  const start = Math.min(Math.max(0, (d.column ?? 1) - 1), text.length);
  // The span on its first line: to its end, or to the end of the line when it runs on.
  const end =
    d.endLine === d.line && d.endColumn !== undefined
      ? Math.min(Math.max(d.endColumn - 1, start + 1), text.length)
      : d.endLine && d.endLine > d.line
        ? text.trimEnd().length
        : start + 1;

  const last = Math.max(d.line, Math.min(lines.length, d.line + CONTEXT));
  const gutter = String(last).length;
  const window = windowOf(text, start, Math.max(end, start + 1));
  const out: string[] = [];
  for (let n = Math.max(1, d.line - CONTEXT); n <= last; n++) {
    const marker = n === d.line ? style.red('>') : ' ';
    const body = n === d.line ? window.text : cut(show(lines[n - 1] ?? ''));
    out.push(`${marker} ${style.dim(`${String(n).padStart(gutter)} |`)}${body ? ` ${body}` : ''}`);
    if (n === d.line) {
      const carets = '^'.repeat(Math.max(1, window.caretWidth));
      out.push(`  ${style.dim(`${' '.repeat(gutter)} |`)} ${' '.repeat(window.caretAt)}${d.severity === 'error' ? style.red(carets) : style.yellow(carets)}`);
    }
  }
  return out;
}

/** A line longer than the frame is cut to a window that starts a little before the span. */
function windowOf(line: string, start: number, end: number): { text: string; caretAt: number; caretWidth: number } {
  const from = displayWidth(show(line)) <= MAX_FRAME_WIDTH ? 0 : Math.max(0, start - 20);
  const lead = from > 0 ? '…' : '';
  const before = show(line.slice(from, start));
  const span = show(line.slice(start, end));
  const room = MAX_FRAME_WIDTH - displayWidth(lead + before);
  const shownSpan = displayWidth(span) <= room ? span : `${[...span].slice(0, Math.max(1, room - 1)).join('')}…`;
  const after = show(line.slice(end));
  const rest = MAX_FRAME_WIDTH - displayWidth(lead + before + shownSpan);
  const tail = displayWidth(after) <= rest ? after : `${[...after].slice(0, Math.max(0, rest - 1)).join('')}…`;
  return {
    text: `${lead}${before}${shownSpan}${shownSpan === span ? tail : ''}`.trimEnd(),
    caretAt: displayWidth(lead + before),
    caretWidth: displayWidth(shownSpan),
  };
}

const cut = (text: string) => (displayWidth(text) <= MAX_FRAME_WIDTH ? text : `${[...text].slice(0, MAX_FRAME_WIDTH - 1).join('')}…`).trimEnd();
