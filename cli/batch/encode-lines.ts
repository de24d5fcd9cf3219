// The NDJSON lines of a chunk's answers, made by the worker that answered them.

const encoder = new TextEncoder();

/** Texts as NDJSON lines (each followed by a newline) in UTF-8, one after the other in one buffer,
 *  and where each line ends; a missing text has no line. Each text is encoded when it is added, so
 *  that it dies young: a chunk's texts kept until the chunk ends (an answer's JSON is ~30 KB of
 *  UTF-16) would be copied by every scavenge they live through. The buffer is `spare` when given
 *  (one the main thread has written out and given back: reusing it spares both threads an
 *  allocation outside the heap, which V8 answers with full collections when it comes in quick
 *  succession), else one of `size` bytes; it grows as needed. Encoded in one pass: measuring the
 *  UTF-8 length first would cost as much again. */
export class LineEncoder {
  private bytes: Uint8Array;
  private at = 0;
  private readonly ends: number[] = [];

  constructor(spare: ArrayBuffer | undefined, size: number) {
    this.bytes = new Uint8Array(spare ?? new ArrayBuffer(Math.max(1, size)));
  }

  add(text: string | null): void {
    if (text !== null) {
      // a byte a character, as most are ASCII; the buffer grows for the others
      if (this.bytes.length - this.at < text.length + 1) this.grow(text.length + 1);
      for (let rest = text; ;) {
        const { read, written } = encoder.encodeInto(rest, this.bytes.subarray(this.at));
        this.at += written;
        if (read === rest.length) break;
        rest = rest.slice(read);
        this.grow(rest.length * 3 + 1); // room for the rest however it encodes, and its newline
      }
      if (this.at === this.bytes.length) this.grow(1);
      this.bytes[this.at++] = 0x0a;
    }
    this.ends.push(this.at);
  }

  /** The lines so far and where each ends. */
  finish(): { bytes: Uint8Array; ends: number[] } {
    return { bytes: this.bytes.subarray(0, this.at), ends: this.ends };
  }

  private grow(more: number): void {
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.at + more));
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }
}
