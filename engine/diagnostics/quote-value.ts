// How a diagnostic quotes a value from the user's input: as JSON, cut to a short excerpt, so a
// message never carries a whole file that was read by mistake (`policy: /etc/passwd`) or a
// megabyte-long string.
export const MAX_QUOTE = 60;

/** `"abc"`, `12`, `NaN`, `[1,2]`; longer than MAX_QUOTE characters: its start and `…`. */
export function quoteValue(v: unknown): string {
  const text = typeof v === 'number' && !Number.isFinite(v) ? String(v) : (JSON.stringify(v) ?? 'nothing');
  return text.length <= MAX_QUOTE ? text : `${[...text].slice(0, MAX_QUOTE - 1).join('')}…`;
}

/** A name from the user's input (a key, an event type) in backticks, cut as `quoteValue` cuts. */
export function quoteName(name: string): string {
  return name.length <= MAX_QUOTE ? `\`${name}\`` : `\`${[...name].slice(0, MAX_QUOTE - 1).join('')}…\``;
}
