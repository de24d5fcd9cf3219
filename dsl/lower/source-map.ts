// The source map of a lowered DSL file: which span of the text each JSON pointer of the IR came
// from, so that diagnostics of later stages (schema, references) underline the .sla text. Only
// offsets are recorded while lowering; lines and columns are worked out when a span is asked for
// (a policy that loads without a problem never asks).
import type { Locator, Position } from '../../engine/policy-types.ts';
import { rangeOf, type Lines, type Located } from './cst.ts';

/** Where a top-level declaration is in the text, and the pointer of the IR item it makes. */
export interface Anchor {
  offset: number;
  end: number;
  pointer: string;
}

export class SourceMap {
  /** records in the order made (pointer, first and last offset); the map of pointers is built from them when a span is first asked for */
  private readonly pointers: string[] = [];
  private readonly offsets: number[] = [];
  private spans?: Map<string, Position>;
  readonly anchors: Anchor[] = [];

  constructor(private readonly lines: Lines) {}

  /** records where `pointer` came from; the first record of a pointer stands */
  at(pointer: string, x: Located): void {
    const r = rangeOf(x);
    if (!r) return;
    this.pointers.push(pointer);
    this.offsets.push(r.startOffset, r.endOffset);
    this.spans = undefined;
  }

  /** the span of a pointer, or of its nearest ancestor that has one */
  readonly locate: Locator = (pointer) => {
    const spans = (this.spans ??= this.index());
    for (let p = pointer; ; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
      const hit = spans.get(p);
      if (hit) return { ...hit }; // a copy: callers may not change the map
      if (p === '') return undefined;
    }
  };

  private index(): Map<string, Position> {
    const spans = new Map<string, Position>();
    this.pointers.forEach((p, i) => {
      if (!spans.has(p)) spans.set(p, this.lines.span({ startOffset: this.offsets[2 * i], endOffset: this.offsets[2 * i + 1] }));
    });
    return spans;
  }
}
