// How a diagnostic quotes the user's words (a name, a key, an id): in backticks, cut to a short
// excerpt, so that a message stays one readable line whatever the input holds.
export const MAX_QUOTED = 60;

export function quoted(word: string): string {
  const chars = [...word];
  return `\`${chars.length <= MAX_QUOTED ? word : `${chars.slice(0, MAX_QUOTED - 1).join('')}…`}\``;
}
