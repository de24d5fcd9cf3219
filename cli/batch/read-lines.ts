// The lines of a byte stream (a file, standard input), read as they arrive: only the current line
// is held, and a line longer than the limit is skipped up to its end and reported, never buffered.

export interface Line {
  /** from 1 */
  number: number;
  /** without its line ending; undefined when the line was over the limit */
  bytes?: Uint8Array;
}

const NEWLINE = 0x0a;
const CR = 0x0d;

export async function* readLines(chunks: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let held = 0;
  let tooLong = false;
  let number = 0;
  const finish = (): Line => {
    number++;
    if (tooLong) return { number };
    let bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    if (bytes.length && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    return { number, bytes };
  };
  const add = (part: Uint8Array) => {
    if (tooLong || part.length === 0) return;
    held += part.length;
    if (held > maxBytes) {
      tooLong = true;
      parts = [];
    } else parts.push(part);
  };
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(NEWLINE); nl >= 0; nl = buf.indexOf(NEWLINE, start)) {
      add(buf.subarray(start, nl));
      yield finish();
      [parts, held, tooLong, start] = [[], 0, false, nl + 1];
    }
    add(buf.subarray(start));
  }
  if (held > 0 || tooLong) yield finish();
}
