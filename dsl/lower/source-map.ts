// The source map of a lowered DSL file: which span of the text each JSON pointer of the IR came
// from, so that diagnostics of later stages (schema, references) underline the .sla text.
import type { Locator, Position } from '../../engine/policy-types.ts';
import { spanOf, type Located } from './cst.ts';

/** Where a top-level declaration is in the text, and the pointer of the IR item it makes. */
export interface Anchor {
  offset: number;
  end: number;
  pointer: string;
}

export class SourceMap {
  /** records in the order made; the map of pointers is built from them when a span is first asked for */
  private readonly pointers: string[] = [];
  private readonly places: Position[] = [];
  private spans?: Map<string, Position>;
  readonly anchors: Anchor[] = [];

  /** records where `pointer` came from; the first record of a pointer stands */
  at(pointer: string, x: Located): void {
    const span = spanOf(x);
    if (!span) return;
    this.pointers.push(pointer);
    this.places.push(span);
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
      if (!spans.has(p)) spans.set(p, this.places[i]);
    });
    return spans;
  }
}
