// Reads a policy, case or test file as bytes and refuses what is not reasonable text before any
// parser sees it: missing (SLA5003), not a regular file (SLA5005: a folder, a device such as
// /dev/zero, a FIFO that would block for ever), over the size limit (SLA1004), binary or invalid
// UTF-8 (SLA1007). The size is checked on the opened file before reading, and the read is bounded.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { cannotRead, fileNotFound, fileTooLarge, notRegularFile, notText, SlaError, type Diagnostic } from '../engine/diagnostics/index.ts';
import { MAX_SOURCE_CHARS } from '../engine/source/parse-data.ts';
import { displayPath } from './display-path.ts';

/** A file of at most this many bytes has at most as many characters, the parsers' limit. */
export const MAX_SOURCE_BYTES = MAX_SOURCE_CHARS;

// C0 controls other than tab, line feed and carriage return, and DEL: YAML forbids them and no
// policy needs them, so they mean binary data.
const CONTROL = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f]/;

export interface SourceFile {
  /** as shown in diagnostics */
  file: string;
  text: string;
}

export async function readSourceFile(path: string): Promise<SourceFile> {
  const file = displayPath(path);
  const fail = (d: Diagnostic): never => {
    throw new SlaError([d]);
  };
  const tooLarge = (size: string) => fileTooLarge(size, MAX_SOURCE_BYTES, file);
  let handle;
  try {
    // Non-blocking, so opening a FIFO returns at once (and is then refused as not a regular file).
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT' || code === 'ENOTDIR'
        ? fileNotFound(file)
        : code === 'EISDIR'
          ? notRegularFile(file, 'a folder, not a file')
          : cannotRead(file, code ?? 'unknown error'),
    );
  }
  let bytes: Buffer;
  try {
    const st = await handle.stat();
    if (st.isDirectory()) fail(notRegularFile(file, 'a folder, not a file'));
    if (!st.isFile()) fail(notRegularFile(file, 'not a regular file (a device, FIFO or socket)'));
    if (st.size > MAX_SOURCE_BYTES) fail(tooLarge(String(st.size)));
    // One byte more than the limit tells a file that grew since stat from one that did not.
    const buffer = Buffer.alloc(MAX_SOURCE_BYTES + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = (await handle.read(buffer, length, buffer.length - length)).bytesRead) > 0;) length += n;
    if (length > MAX_SOURCE_BYTES) fail(tooLarge(`over ${MAX_SOURCE_BYTES}`));
    bytes = buffer.subarray(0, length);
  } finally {
    await handle.close();
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The lossy decoding marks the first bad byte with U+FFFD: point there.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    return fail(notText('invalid UTF-8 (binary input?)', { file, ...positionOf(lossy, lossy.indexOf('\uFFFD')) }));
  }
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    fail(notText(`control character U+${code} (binary input?)`, { file, ...positionOf(text, control.index) }));
  }
  return { file, text };
}

function positionOf(text: string, index: number): { line?: number; column?: number } {
  if (index < 0) return {};
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
