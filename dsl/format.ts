// `sla fmt`: the canonical form of a DSL file, keeping its `#` comments. A comment between
// declarations stays above the declaration that follows it; one inside a declaration, or at the
// end of its last line, moves above that declaration; one in the header goes to the top, one after
// the last declaration to the end. (`##` comments are descriptions: they are part of the IR.)
import type { Diagnostic } from '../engine/diagnostics/index.ts';
import { parseDslDetailed } from './parse.ts';
import { END, printPolicy, type LeadingComments } from './print-dsl.ts';

export interface FormatResult {
  /** the formatted text; absent when the file has errors */
  text?: string;
  diagnostics: Diagnostic[];
}

export function formatDsl(source: string, options: { file?: string } = {}): FormatResult {
  const parsed = parseDslDetailed(source, { file: options.file, recover: false });
  if (!parsed.policy) return { diagnostics: parsed.diagnostics };
  const anchors = parsed.anchors ?? [];
  const headerEnd = parsed.headerEnd ?? -1;
  const leading: LeadingComments = new Map();
  let a = 0;
  for (const c of parsed.comments ?? []) {
    while (a < anchors.length && anchors[a].end < c.startOffset) a++;
    // the declaration that contains the comment or comes next; a comment at the end of a
    // declaration's last line belongs to that declaration
    const prev = anchors[a - 1];
    const trailing = prev !== undefined && !/[\n\r]/.test(source.slice(prev.end + 1, c.startOffset));
    const key = c.startOffset < headerEnd ? '' : trailing ? prev.pointer : a < anchors.length ? anchors[a].pointer : END;
    const list = leading.get(key) ?? [];
    list.push(c.image.trimEnd());
    leading.set(key, list);
  }
  return { text: printPolicy(parsed.policy, leading), diagnostics: [] };
}
