// Right-to-left text with Latin words in it (product names, identifiers, acronyms): each Latin run
// is isolated (`<bdi dir="ltr">`), so it reads left to right inside the sentence and the
// punctuation and numbers beside it stay with the Persian text around it.
import type { ComponentChildren } from 'preact';

// Latin words joined by spaces, inner punctuation kept (`e.g.`, `09:00`, `ticket_opened`); a
// run ends on a letter or digit, so the sentence's own punctuation stays outside it
const LATIN_RUN = /[A-Za-z](?:[\w.:/@+-]*[A-Za-z0-9])?(?:[ \t]+[A-Za-z0-9](?:[\w.:/@+-]*[A-Za-z0-9])?)*/g;

export function isolateLatin(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of text.matchAll(LATIN_RUN)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(<bdi dir="ltr">{m[0]}</bdi>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
