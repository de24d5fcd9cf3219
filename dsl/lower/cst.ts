// Reading the CST: tokens, nodes and the children a visitor method receives, where any of them is
// in the source text (offsets, as the lexer and parser track them), and the line:column span of a
// place, worked out from the text only when a diagnostic or the source map is asked for one.
import type { CstNode, IToken } from 'chevrotain';

/** A span of text: 1-based line and column of its first character and of the position just past its last. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where a piece of text is: the offsets of its first and of its last character (as tokens have them). */
export interface Range {
  startOffset: number;
  endOffset: number;
}

/** What a visitor method receives: a node's children by label. */
export type Children = { [label: string]: (IToken | CstNode)[] | undefined };

/** Something the text has a place for; undefined for an optional part left out. A token is a Range. */
export type Located = IToken | CstNode | Children | Range | undefined;

export const isToken = (x: IToken | CstNode): x is IToken => (x as IToken).image !== undefined;
const isNode = (x: object): x is CstNode => 'children' in x && 'name' in x;

const finite = (l: Partial<Range> | undefined): Range | undefined =>
  l && Number.isFinite(l.startOffset) && Number.isFinite(l.endOffset) ? (l as Range) : undefined;

/** a token's or node's range; undefined for a node that holds no token, or a token the recovering parser made up */
const extent = (x: IToken | CstNode): Range | undefined => finite(isToken(x) ? x : x.location);

/** The range of a token, a node, or a node's children together. */
export function rangeOf(x: Located): Range | undefined {
  if (!x) return undefined;
  // a token or a range (no label of the grammar is called startOffset)
  if (typeof (x as Range).startOffset === 'number') return finite(x as Range);
  if (isNode(x)) return extent(x);
  // each list of children is in source order: only its ends can be the first or the last
  let start = Infinity;
  let end = -Infinity;
  const consider = (e: Range | undefined) => {
    if (!e) return;
    if (e.startOffset < start) start = e.startOffset;
    if (e.endOffset > end) end = e.endOffset;
  };
  for (const key in x) {
    const list = (x as Children)[key];
    if (!list?.length) continue;
    consider(extent(list[0]));
    if (list.length > 1) consider(extent(list[list.length - 1]));
  }
  return start === Infinity ? undefined : { startOffset: start, endOffset: end };
}

/** The range from the start of `a` to the end of `b` (or the one of them that has a place). */
export function rangeFrom(a: Located, b: Located): Range | undefined {
  const s = rangeOf(a);
  const e = rangeOf(b);
  return s && e ? { startOffset: s.startOffset, endOffset: e.endOffset } : (s ?? e);
}

/** Lines and columns of a text, counted as the lexer counts them: a line ends at \n, \r\n or \r. */
export class Lines {
  private starts?: number[];
  constructor(private readonly source: string) {}

  /** the 1-based line and column of an offset */
  position(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.source));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  /** the span of a range: from its first character to just past its last (a token never holds a line break) */
  span(r: Range): Span {
    const s = this.position(r.startOffset);
    const e = this.position(r.endOffset);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column + 1 };
  }

  /** The span of a token, a node, or a node's children together. */
  spanOf(x: Located): Span | undefined {
    const r = rangeOf(x);
    return r && this.span(r);
  }
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
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
