// The cases of `sla eval --batch`, read lazily (the batch pulls them as it has room): NDJSON from a
// file or standard input (one case per line, blank lines skipped), a single case file, or a folder
// of them (NDJSON, YAML and JSON case files, searched recursively; test files are left out). Each
// entry has a key to report it by (`file:line`, or the file) and a way to place its diagnostics.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diagnostic, fileNotFound, notRegularFile, notText, SlaError } from '../../engine/diagnostics/index.ts';
import { parseData } from '../../engine/source/parse-data.ts';
import type { Locator } from '../../engine/policy-types.ts';
import { displayPath } from '../display-path.ts';
import { TEST_FILE, walk } from '../find-test-files.ts';
import { MAX_SOURCE_BYTES, readSourceFile } from '../read-source-file.ts';
import { readJsonLine } from './json-line.ts';
import { readLines } from './read-lines.ts';
import type { WorkerEntry } from './worker-batch.ts';

export interface CliEntry extends WorkerEntry {
  /** `file:line` of an NDJSON line, the file of a case file */
  key: string;
}

export const STDIN = '-';
const STDIN_NAME = '<stdin>';
const CASE_FILE = /\.(ya?ml|json)$/i;
const NDJSON = /\.(ndjson|jsonl)$/i;

/** Where the cases of `--batch <ref>` are: checked before any is read, so a typo is one clear error. */
export interface BatchSource {
  ref: string;
  /** a FIFO is NDJSON read once, as it comes, like standard input */
  kind: 'stdin' | 'fifo' | 'ndjson' | 'case' | 'folder';
  path: string;
}

export async function batchSource(ref: string): Promise<BatchSource> {
  if (ref === STDIN) return { ref, kind: 'stdin', path: STDIN_NAME };
  const path = resolve(ref);
  const st = await stat(path).catch(() => undefined);
  if (!st) throw new SlaError([fileNotFound(displayPath(path))]);
  // a FIFO streams cases (`--batch <(generate)`); a device such as /dev/zero would never end a line
  if (!st.isDirectory() && !st.isFile() && !st.isFIFO())
    throw new SlaError([notRegularFile(displayPath(path), 'not a file, folder or FIFO (a device or socket)')]);
  return { ref, path, kind: st.isDirectory() ? 'folder' : st.isFIFO() ? 'fifo' : CASE_FILE.test(path) ? 'case' : 'ndjson' };
}

/** The files a folder's batch reads, in order. */
export const folderFiles = (dir: string) => walk(dir, (name) => (NDJSON.test(name) || CASE_FILE.test(name)) && !TEST_FILE.test(name));

/** How many cases the source holds, where that is cheap to know ahead (for the progress bar's ETA):
 *  the non-blank lines of an NDJSON file, counted in one streaming pass; a folder's files. */
export async function countCases(source: BatchSource): Promise<number | undefined> {
  if (source.kind === 'stdin' || source.kind === 'fifo') return undefined;
  if (source.kind === 'case') return 1;
  const files = source.kind === 'folder' ? await folderFiles(source.path) : [source.path];
  let total = 0;
  for (const f of files) {
    if (!NDJSON.test(f) && source.kind === 'folder') total++;
    else for await (const line of readLines(createReadStream(f), MAX_SOURCE_BYTES)) if (!line.bytes || !isBlank(line.bytes)) total++;
  }
  return total;
}

const isBlank = (bytes: Uint8Array) => bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d);
const decoder = new TextDecoder('utf-8', { fatal: true });

/** One NDJSON line as an entry: its text, to be read as JSON, or why it cannot be. */
function lineEntry(file: string, number: number, bytes: Uint8Array | undefined): CliEntry {
  const key = `${file}:${number}`;
  const at = { file, line: number, column: 1 };
  if (!bytes)
    return {
      key,
      file,
      diagnostics: [diagnostic('SLA1004', `the line is over ${MAX_SOURCE_BYTES} bytes`, { ...at, help: 'one case per line, each at most 1 MB' })],
    };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { key, file, diagnostics: [notText('invalid UTF-8 (binary input?)', at)] };
  }
  if (number === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
  // read by the worker that answers it (json-line.ts)
  return { key, file, json: { text, line: number }, locate: lineLocator(text, number) };
}

/** The case of an entry: given, or read from its line (undefined for a line that is not JSON). */
export function caseOf(entry: CliEntry): unknown {
  if (!entry.json) return entry.case;
  const read = readJsonLine(entry.json, entry.file ?? '');
  return 'value' in read ? read.value : undefined;
}

/** Positions in one line's JSON: the line is parsed with positions only when a diagnostic asks. */
function lineLocator(text: string, number: number): Locator {
  let locate: Locator | undefined;
  return (pointer, part) => {
    try {
      locate ??= parseData(text).locate;
    } catch {
      return { line: number, column: 1 };
    }
    const p = locate(pointer, part);
    return p ? { ...p, line: number, endLine: number } : { line: number, column: 1 };
  };
}

async function* ndjsonEntries(file: string, chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<CliEntry> {
  for await (const line of readLines(chunks, MAX_SOURCE_BYTES)) {
    if (line.bytes && isBlank(line.bytes)) continue;
    yield lineEntry(file, line.number, line.bytes);
  }
}

async function caseFileEntry(path: string): Promise<CliEntry> {
  const file = displayPath(path);
  try {
    const { text } = await readSourceFile(path);
    const { value, locate } = parseData(text, file);
    return { key: file, file, case: value, locate };
  } catch (e) {
    if (e instanceof SlaError) return { key: file, file, diagnostics: e.diagnostics };
    throw e;
  }
}

/** The entries of a batch source, read as they are pulled. */
export async function* readBatch(source: BatchSource, stdin: AsyncIterable<Uint8Array | string> = process.stdin): AsyncGenerator<CliEntry> {
  if (source.kind === 'stdin') return yield* ndjsonEntries(STDIN_NAME, stdin);
  const files = source.kind === 'folder' ? await folderFiles(source.path) : [source.path];
  for (const path of files) {
    if (source.kind === 'case' || (source.kind === 'folder' && !NDJSON.test(path))) yield await caseFileEntry(path);
    else yield* ndjsonEntries(displayPath(path), createReadStream(path));
  }
}
