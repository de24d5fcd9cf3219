// Terminal output shows data from cases, policies and file names; a control character in it must
// show as text, never act (an ESC sequence that clears the screen, a newline that forges a table
// row, a bidi override that reorders columns). JSON output needs none of this: JSON escapes them.
// C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings, overrides and isolates.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `s` with every control character written as an escape (`\n`, `\u001b`). */
export function escapeControls(s: string): string {
  return s.replace(CONTROLS, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A copy of a plain JSON-like value with every string (keys too) escaped. */
export function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeControls(value) as T;
  if (Array.isArray(value)) return value.map(escapeStrings) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [escapeControls(k), escapeStrings(v)])) as T;
  return value;
}
