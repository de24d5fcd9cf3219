// A file named .json is JSON: YAML (which reads it too, keeping positions) would also take what
// JSON forbids, such as trailing commas, comments and unquoted keys.
import { notJson, type Diagnostic } from '../diagnostics/index.ts';

/** The JSON syntax error of `source`, or undefined when it is valid JSON. */
export function jsonSyntaxProblem(
  source: string,
  file: string | undefined,
  positionOf: (offset: number) => { line: number; column: number; endLine?: number; endColumn?: number },
): Diagnostic | undefined {
  try {
    JSON.parse(source);
    return undefined;
  } catch (e) {
    const message = String((e as Error).message);
    // The engine's own words only: the runtime's message may quote the whole input.
    const what = /^(Unexpected token '.'|Unexpected end of JSON input|Unexpected non-whitespace character after JSON|Expected [^"]{1,80}?(?= in JSON at))/.exec(
      message,
    )?.[1];
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : trailingComma(source);
    return notJson(what && `${what.charAt(0).toLowerCase()}${what.slice(1)}`, { file, ...(offset !== undefined ? positionOf(offset) : {}) });
  }
}

/** The offset of the first comma followed only by blanks and a closing bracket, outside strings. */
function trailingComma(source: string): number | undefined {
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ',' && /^\s*[\]}]/.test(source.slice(i + 1, i + 200))) return i;
  }
  return undefined;
}
