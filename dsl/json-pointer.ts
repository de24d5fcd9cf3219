// JSON pointers into the IR: the source map and the formatter name IR items by them.

/** One key as a JSON-pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`). */
export const pointerSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
