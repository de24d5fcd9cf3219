// A corpus of cases for `sla diff --cases`: an NDJSON file (one case per line, as `sla cases
// generate` prints), a case or test file, or a folder of them (searched recursively). Each case
// gets a key to report it by: `file:line`, the file, or `file#case name` for a test file's cases.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CorpusCase } from '../engine/analysis/impact.ts';
import type { Case } from '../engine/core.ts';
import { diagnostic, SlaError } from '../engine/diagnostics/index.ts';
import { displayPath } from './display-path.ts';
import { loadEngine } from './engine.ts';
import { TEST_FILE, walk } from './find-test-files.ts';
import { readSourceFile } from './read-source-file.ts';

const NDJSON = /\.(ndjson|jsonl)$/i;
const CASE_FILE = /\.(ya?ml|json)$/i;
/** NDJSON corpora may be large: 1 000 generated cases are about 0.5 MB. */
const MAX_NDJSON_BYTES = 64 * 1024 * 1024;

async function readNdjson(path: string): Promise<CorpusCase[]> {
  const file = displayPath(path);
  const { size } = await stat(path);
  if (size > MAX_NDJSON_BYTES) throw new SlaError([diagnostic('SLA1004', `the corpus is over ${MAX_NDJSON_BYTES / 1024 / 1024} MB`, { file })]);
  const lines = (await readFile(path, 'utf8')).split(/\r?\n/);
  const out: CorpusCase[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new SlaError([diagnostic('SLA1010', `line ${i + 1} is not JSON: ${(e as Error).message}`, { file, line: i + 1, column: 1 })]);
    }
    out.push({ key: `${file}:${i + 1}`, case: value as Case });
  });
  return out;
}

async function readCaseFile(path: string): Promise<CorpusCase[]> {
  const { file, text } = await readSourceFile(path);
  const { parseCaseSource } = await loadEngine();
  const { value, locate } = parseCaseSource(text, file);
  if (!TEST_FILE.test(path)) return [{ key: file, case: value as Case }];
  const { parseTestDocument } = await import('../engine/testing/index.ts');
  const doc = parseTestDocument(value, { file, locate });
  return doc.cases.map((c) => ({ key: `${file}#${c.name}`, case: c.case as Case }));
}

export async function readCorpus(ref: string): Promise<CorpusCase[]> {
  const path = resolve(ref);
  const st = await stat(path).catch(() => undefined);
  if (!st) throw new SlaError([diagnostic('SLA5003', 'file not found', { file: ref })]);
  const files = st.isDirectory() ? await walk(path, (name) => NDJSON.test(name) || CASE_FILE.test(name)) : [path];
  const out: CorpusCase[] = [];
  for (const f of files) out.push(...(NDJSON.test(f) ? await readNdjson(f) : await readCaseFile(f)));
  return out;
}
