// Reading the CST: tokens, nodes and the children a visitor method receives, and the span of any
// of them in the source text.
import type { CstNode, IToken } from 'chevrotain';

/** A span of text: 1-based line and column of its first character and of the position just past its last. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What a visitor method receives: a node's children by label. */
export type Children = { [label: string]: (IToken | CstNode)[] | undefined };

/** Something the text has a place for; undefined for an optional part left out. */
export type Located = IToken | CstNode | Children | Span | undefined;

export const isToken = (x: IToken | CstNode): x is IToken => (x as IToken).image !== undefined;
const isNode = (x: object): x is CstNode => 'children' in x && 'name' in x;
const isSpan = (x: object): x is Span => 'endColumn' in x && 'line' in x;

interface Extent {
  startOffset: number;
  endOffset: number;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

function extent(x: IToken | CstNode): Extent | undefined {
  const l = isToken(x) ? x : x.location;
  if (!l || !Number.isFinite(l.startLine) || !Number.isFinite(l.endColumn)) return undefined;
  return l as Extent;
}

/** The span of a token, a node, or a node's children together. */
export function spanOf(x: Located): Span | undefined {
  if (!x) return undefined;
  if (isSpan(x)) return x;
  let first: Extent | undefined;
  let last: Extent | undefined;
  const consider = (e: Extent | undefined) => {
    if (!e) return;
    if (!first || e.startOffset < first.startOffset) first = e;
    if (!last || e.endOffset > last.endOffset) last = e;
  };
  if ('image' in x || isNode(x)) consider(extent(x as IToken | CstNode));
  else {
    // each list of children is in source order: only its ends can be the first or the last
    for (const key in x) {
      const list = (x as Children)[key];
      if (!list?.length) continue;
      consider(extent(list[0]));
      consider(extent(list[list.length - 1]));
    }
  }
  if (!first || !last) return undefined;
  return { line: first.startLine, column: first.startColumn, endLine: last.endLine, endColumn: last.endColumn + 1 };
}

/** The span from the start of `a` to the end of `b`. */
export function spanFrom(a: Located, b: Located): Span | undefined {
  const s = spanOf(a);
  const e = spanOf(b);
  return s && e ? { line: s.line, column: s.column, endLine: e.endLine, endColumn: e.endColumn } : (s ?? e);
}

/** The offset of the first token of a node or of children. */
export function startOffset(x: CstNode | Children): number | undefined {
  if (isNode(x)) return x.location?.startOffset;
  let min: number | undefined;
  for (const key in x) {
    const head = x[key]?.[0];
    const at = head && (isToken(head) ? head.startOffset : head.location?.startOffset);
    if (at !== undefined && (min === undefined || at < min)) min = at;
  }
  return min;
}

/** The only token of a one-token rule (a name, a value, a date…). */
export function soleToken(children: Children): IToken | undefined {
  for (const key in children) {
    const x = children[key]?.[0];
    if (x && isToken(x)) return x;
  }
  return undefined;
}
