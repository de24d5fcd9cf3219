// `##` comments: a run of them right before a declaration is its description.

/** `##"…"`: a description written as a JSON string (one that holds a carriage return) */
function verbatim(text: string): string {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'string' ? v : text;
  } catch {
    return text;
  }
}

interface Located {
  startOffset: number;
  image: string;
}

/** The description each run of `##` lines gives, by the offset of the token that follows the run. */
export function describedAt(tokens: readonly Located[], docs: readonly Located[]): Map<number, string> {
  const lines = new Map<number, string[]>();
  let t = 0;
  for (const d of docs) {
    while (t < tokens.length && tokens[t].startOffset < d.startOffset) t++;
    if (t >= tokens.length) break;
    const text = d.image.slice(2);
    const line = text.startsWith(' ') ? text.slice(1) : text.startsWith('"') ? verbatim(text) : text;
    const key = tokens[t].startOffset;
    const list = lines.get(key) ?? [];
    list.push(line);
    lines.set(key, list);
  }
  return new Map([...lines].map(([k, v]) => [k, v.join('\n')]));
}
