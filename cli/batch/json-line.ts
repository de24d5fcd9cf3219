// One NDJSON line of a batch, read as a case: JSON.parse, and for a line that is not JSON, where
// and why. The worker thread that answers a line reads it (so the thread reading the input does not
// parse every line); the reading thread reads only the first lines, for the policy they name.
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { notJson, type Diagnostic } from '../../engine/diagnostics/index.ts';

/** A line's text (UTF-8 decoded, without its newline or a leading byte order mark) and number. */
export interface JsonLine {
  text: string;
  line: number;
}

/** The case on a line, or the diagnostic of a line that is not JSON. */
export function readJsonLine({ text, line }: JsonLine, file: string): { value: unknown } | { diagnostic: Diagnostic } {
  try {
    // JSON.parse, not the YAML reader that keeps positions: it is a hundred times faster, and the
    // positions are needed only for a case that has problems (its locator reads the line then).
    return { value: JSON.parse(text) };
  } catch {
    return { diagnostic: jsonProblem(text, file, line) };
  }
}

/** Where and why a line is not JSON: JSON.parse does not always say where (Node 20 gives no position
 *  for an unexpected token), so the line is read again by a parser that reports offsets. */
function jsonProblem(text: string, file: string, line: number): Diagnostic {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const what =
    first &&
    printParseErrorCode(first.error)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
  const span = first ? { column: first.offset + 1, endLine: line, endColumn: first.offset + Math.max(1, first.length) + 1 } : { column: 1 };
  return { ...notJson(what, { file, line, ...span }), help: 'each line of an NDJSON file is one case, as JSON' };
}
