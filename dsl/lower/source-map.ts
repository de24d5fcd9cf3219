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
  private readonly spans = new Map<string, Position>();
  readonly anchors: Anchor[] = [];

  /** records where `pointer` came from; the first record of a pointer stands */
  at(pointer: string, x: Located): void {
    if (this.spans.has(pointer)) return;
    const span = spanOf(x);
    if (span) this.spans.set(pointer, span);
  }

  /** the span of a pointer, or of its nearest ancestor that has one */
  readonly locate: Locator = (pointer) => {
    for (let p = pointer; ; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
      const hit = this.spans.get(p);
      if (hit) return { ...hit }; // a copy: callers may not change the map
      if (p === '') return undefined;
    }
  };
}
