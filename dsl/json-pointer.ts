// JSON pointers into the IR: the source map and the formatter name IR items by them.
import { pointerPart } from '../engine/ir/json-pointer.ts';

/** One key as a pointer segment; most names need no escape, and lowering makes one for every name. */
export const pointerSegment = (key: string): string => (key.includes('~') || key.includes('/') ? pointerPart(key) : key);
