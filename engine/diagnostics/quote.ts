// How a diagnostic quotes the user's words (a name, a key, an id): in backticks, cut to a short
// excerpt, so that a message stays one readable line whatever the input holds.
export const MAX_QUOTED = 60;

const cut = (text: string) => {
  const chars = [...text];
  return chars.length <= MAX_QUOTED ? text : `${chars.slice(0, MAX_QUOTED - 1).join('')}…`;
};

export const quoted = (word: string): string => `\`${cut(word)}\``;

/** A value as JSON (NaN and Infinity by name, which JSON would show as null), cut short too. */
export const quotedValue = (v: unknown): string => cut(typeof v === 'number' && !Number.isFinite(v) ? String(v) : (JSON.stringify(v) ?? 'nothing'));
