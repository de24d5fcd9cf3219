// Lines and columns are worked out from offsets only when a diagnostic or the source map needs
// them: they must be the ones the lexer counts (a line ends at \n, \r\n or a lone \r), on any text.
import fc from 'fast-check';
import { Lexer } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { Lines } from '../../dsl/lower/cst.ts';
import { allTokens } from '../../dsl/tokens.ts';

/** chevrotain's own line and column tracking: the oracle */
const tracking = new Lexer(allTokens, { positionTracking: 'full' });

const piece = fc.constantFrom('\n', '\r\n', '\r', '\n\r', ' ', '\t', '\f', 'name', '"a string"', '# a comment', '{', '2024-10-27', '24 hours', '\u00e9');
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

describe('Lines', () => {
  it('gives each token the line and column the lexer gives it, and the end just past it', () => {
    fc.assert(
      fc.property(text, (source) => {
        const lines = new Lines(source);
        const { tokens, groups, errors } = tracking.tokenize(source);
        for (const t of [...tokens, ...Object.values(groups).flat()]) {
          expect(lines.position(t.startOffset)).toEqual({ line: t.startLine, column: t.startColumn });
          expect(lines.span(t as { startOffset: number; endOffset: number })).toEqual({
            line: t.startLine,
            column: t.startColumn,
            endLine: t.endLine,
            endColumn: t.endColumn! + 1,
          });
        }
        for (const e of errors) expect(lines.position(e.offset)).toEqual({ line: e.line, column: e.column });
      }),
      { seed: 2026, numRuns: 400 },
    );
  });

  it('counts a line break of two characters once, and a lone carriage return as one', () => {
    const lines = new Lines('a\r\nb\rc\n\nd');
    expect([0, 3, 5, 8].map((o) => lines.position(o))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 5, column: 1 },
    ]);
  });
});
