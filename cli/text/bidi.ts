// Right-to-left text (Persian, Arabic, Hebrew) in a left-to-right terminal report: each paragraph
// whose first strong character is RTL goes inside RIGHT-TO-LEFT ISOLATE … POP DIRECTIONAL ISOLATE,
// so a bidi-aware terminal orders it correctly and it cannot reorder the columns around it.
const RLI = '\u2067';
const PDI = '\u2069';
const RTL_CHAR = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const FIRST_STRONG = /[\p{L}]/u;

export function startsRightToLeft(paragraph: string): boolean {
  const first = FIRST_STRONG.exec(paragraph);
  return first !== null && RTL_CHAR.test(first[0]);
}

/** Wraps each RTL line (paragraph) of `text` in isolates; other text is returned unchanged. */
export function isolateRtl(text: string): string {
  if (!RTL_CHAR.test(text)) return text;
  return text
    .split('\n')
    .map((line) => (startsRightToLeft(line) ? `${RLI}${line}${PDI}` : line))
    .join('\n');
}
