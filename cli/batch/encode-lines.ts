// The NDJSON lines of a chunk's answers, made by the worker that answered them.

const encoder = new TextEncoder();

/** Many texts as NDJSON lines (each followed by a newline) in UTF-8, one after the other, in `spare`
 *  when it is large enough (a buffer the main thread has written out and given back: reusing it
 *  spares both threads an allocation outside the heap, which V8 answers with full collections when
 *  it comes in quick succession), and where each line ends; a missing text has no line. Encoded in
 *  one pass: measuring the UTF-8 length first would cost as much again. */
export function encodeLines(texts: (string | null)[], spare: ArrayBuffer | undefined): { bytes: Uint8Array; ends: number[] } {
  // a byte a character, as most are ASCII; the buffer grows for the others
  const guess = texts.reduce((n, t) => (t === null ? n : n + t.length + 1), 0);
  let bytes = new Uint8Array(spare && spare.byteLength >= guess ? spare : new ArrayBuffer(Math.ceil(guess * 1.25)));
  let at = 0;
  const grow = (more: number) => {
    const grown = new Uint8Array(bytes.length * 2 + more);
    grown.set(bytes.subarray(0, at));
    bytes = grown;
  };
  const ends = texts.map((t) => {
    if (t === null) return at;
    for (let rest = t; ;) {
      const { read, written } = encoder.encodeInto(rest, bytes.subarray(at));
      at += written;
      if (read === rest.length) break;
      rest = rest.slice(read);
      grow(rest.length * 3); // room for the rest however it encodes
    }
    if (at === bytes.length) grow(1);
    bytes[at++] = 0x0a;
    return at;
  });
  return { bytes: bytes.subarray(0, at), ends };
}
