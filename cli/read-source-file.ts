// Reads a policy, case or test file as bytes and refuses what is not reasonable text before any
// parser sees it: missing (SLA5003), over 1 MB (SLA1004), binary or invalid UTF-8 (SLA1007).
import { readFile, stat } from 'node:fs/promises';
import { diagnostic, SlaError, type Diagnostic } from '../engine/diagnostics/index.ts';
import { displayPath } from './display-path.ts';

export const MAX_SOURCE_BYTES = 1024 * 1024;

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
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) fail(diagnostic('SLA5003', 'a folder, not a file', { file }));
    size = st.size;
  } catch (e) {
    if (e instanceof SlaError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT' || code === 'ENOTDIR'
        ? diagnostic('SLA5003', 'file not found', { file })
        : diagnostic('SLA5003', `cannot read the file (${code ?? String(e)})`, { file }),
    );
  }
  const tooLarge = (bytes: number) =>
    diagnostic('SLA1004', `input too large: ${bytes} bytes, the limit is 1 MB (${MAX_SOURCE_BYTES} bytes)`, { file });
  if (size > MAX_SOURCE_BYTES) fail(tooLarge(size));
  const bytes = await readFile(path);
  if (bytes.length > MAX_SOURCE_BYTES) fail(tooLarge(bytes.length)); // grew since stat

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The lossy decoding marks the first bad byte with U+FFFD: point there.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    return fail(diagnostic('SLA1007', 'not text: invalid UTF-8 (binary input?)', { file, ...positionOf(lossy, lossy.indexOf('\uFFFD')) }));
  }
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    fail(diagnostic('SLA1007', `not text: control character U+${code} (binary input?)`, { file, ...positionOf(text, control.index) }));
  }
  return { file, text };
}

function positionOf(text: string, index: number): { line?: number; column?: number } {
  if (index < 0) return {};
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
