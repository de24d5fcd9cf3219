// JSON pointers into the IR: the source map and the formatter name IR items by them.
export { pointerPart as pointerSegment } from '../engine/ir/json-pointer.ts';
