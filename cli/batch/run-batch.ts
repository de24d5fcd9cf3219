// `sla eval --batch <cases>`: every case of an NDJSON file, standard input (`-`), a case file or a
// folder, answered under one policy on worker threads, one line per case in input order (the
// Answer, or `{ "errors": [...] }`, with --json; a short summary without), a progress line on a
// terminal's stderr, and a summary at the end. Exit 1 when a case was invalid.
import { compilePolicy, formatDiagnostic, SlaError, type Backend, type Diagnostic, type Language } from '../../engine/core.ts';
import { findPolicy, loadPolicyFile, policiesDir, resolvePolicy } from '../policies.ts';
import { EXIT_FINDING, EXIT_OK } from '../report-error.ts';
import { escapeStrings } from '../text/escape-controls.ts';
import { plural } from '../text/plural.ts';
import { styleFor, type Style } from '../text/style.ts';
import { UsageError } from '../usage-error.ts';
import { showDuration, Progress, rateOf } from './progress.ts';
import { batchSource, caseOf, countCases, readBatch, type CliEntry } from './read-batch.ts';
import { BatchWorkers } from './worker-batch.ts';

export interface BatchValues {
  policy?: string;
  policies?: string;
  json?: boolean;
  workers?: number;
  lang: Language;
  engine: Backend;
}

/** Where the batch writes: the process's streams, or others in tests. */
export interface BatchIo {
  stdout: Pick<NodeJS.WriteStream, 'write' | 'isTTY' | 'columns'> & { writableLength?: number };
  stderr: Pick<NodeJS.WriteStream, 'write' | 'isTTY' | 'columns'>;
  stdin: AsyncIterable<Uint8Array | string>;
}

const processIo = (): BatchIo => ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });

/** Cases looked at for a `policy:` when --policy is not given. */
const PEEK = 100;
/** Invalid cases listed with their diagnostics in the summary; the rest are counted. */
const LISTED = 20;

/** The policy the first cases name, and the entries with those looked at put back in front. */
async function namedPolicy(entries: AsyncGenerator<CliEntry>): Promise<{ named?: { id: unknown; entry: CliEntry }; entries: AsyncGenerator<CliEntry> }> {
  const head: CliEntry[] = [];
  let named: { id: unknown; entry: CliEntry } | undefined;
  while (head.length < PEEK && !named) {
    const next = await entries.next();
    if (next.done) break;
    head.push(next.value);
    const kase = caseOf(next.value);
    if (typeof kase === 'object' && kase !== null && 'policy' in kase) named = { id: (kase as { policy: unknown }).policy, entry: next.value };
  }
  async function* all() {
    yield* head;
    yield* entries;
  }
  return { named, entries: all() };
}

/** Adds a piece of output to the list, joined to the last one when both are text, or bytes that
 *  follow the last ones in the same buffer (no copy). */
function append(list: (string | Uint8Array)[], piece: string | Uint8Array): void {
  const last = list.at(-1);
  if (typeof last === 'string' && typeof piece === 'string') list[list.length - 1] = last + piece;
  else if (last instanceof Uint8Array && piece instanceof Uint8Array && last.buffer === piece.buffer && last.byteOffset + last.length === piece.byteOffset)
    list[list.length - 1] = new Uint8Array(last.buffer, last.byteOffset, last.length + piece.length);
  else list.push(piece);
}

function invalidLines(key: string, ds: Diagnostic[], style: Style): string[] {
  return [`${key}  ${style.red('invalid')}: ${plural(ds.length, 'error')}`, ...ds.map((d) => `  ${formatDiagnostic(escapeStrings(d))}`)];
}

export async function runBatch(ref: string, values: BatchValues, io: BatchIo = processIo()): Promise<number> {
  const started = performance.now();
  try {
    return await answerBatch(ref, values, io, started);
  } catch (e) {
    if (!values.json || !(e instanceof SlaError)) throw e;
    io.stdout.write(`${JSON.stringify({ errors: e.diagnostics })}\n`);
    return EXIT_FINDING;
  }
}

async function answerBatch(ref: string, values: BatchValues, io: BatchIo, started: number): Promise<number> {
  const source = await batchSource(ref);
  const showProgress = Boolean(io.stderr.isTTY);
  // counting reads a file twice, so only for the progress bar, and never a stream that reading consumes
  const total = showProgress ? await countCases(source).catch(() => undefined) : undefined;

  let entries = readBatch(source, io.stdin);
  let path: string;
  const dir = policiesDir(values.policies);
  if (values.policy !== undefined) path = await resolvePolicy(values.policy, dir);
  else {
    const peeked = await namedPolicy(entries);
    entries = peeked.entries;
    if (!peeked.named) throw new UsageError('no policy for this batch: pass --policy <id or file>, or set `policy:` in its first case', 'eval');
    const { id, entry } = peeked.named;
    path = await findPolicy(String(id), dir).catch((e: unknown) => {
      if (!(e instanceof SlaError)) throw e;
      throw new SlaError(e.diagnostics.map((d) => ({ ...d, file: entry.file, path: '/policy', ...(entry.locate?.('/policy') ?? {}) })));
    });
  }
  const loaded = await loadPolicyFile(path);
  const policy = compilePolicy(loaded);

  const style = styleFor(io.stdout);
  const err = styleFor(io.stderr);
  const progress = showProgress ? new Progress(io.stderr, total, started) : undefined;
  // the progress line shares the terminal with the answers when both go to it
  const sameTerminal = Boolean(io.stdout.isTTY && progress);
  let cases = 0;
  let invalid = 0;
  const listed: string[] = []; // the lines of the first LISTED invalid cases
  const batch = new BatchWorkers(policy, { workers: values.workers, lang: values.lang, engine: values.engine, form: values.json ? 'json' : 'summary' });
  try {
    for await (const chunk of batch.evaluateChunks(entries)) {
      // the lines of a chunk, written in as few pieces as they are: the answers' lines as the
      // workers made them, one after the other in their buffer, and the other lines as text
      const out: (string | Uint8Array)[] = [];
      for (const r of chunk) {
        cases++;
        let diagnostics = 'diagnostics' in r ? r.diagnostics : undefined;
        if (diagnostics) {
          // about the policy, not the case (a duration its clock cannot compute): placed in its file
          diagnostics = diagnostics.map((d) => (d.file === undefined && d.path !== undefined ? { ...d, file: loaded.file, ...loaded.locate(d.path) } : d));
          invalid++;
          if (invalid <= LISTED) listed.push(...invalidLines(r.entry.key, diagnostics, err));
          append(out, `${values.json ? JSON.stringify({ errors: diagnostics }) : invalidLines(r.entry.key, diagnostics, style).join('\n')}\n`);
        } else append(out, values.json ? (r as { answer: Uint8Array }).answer : `${r.entry.key}  ${(r as { answer: string }).answer}\n`);
      }
      if (sameTerminal) progress!.clear();
      let written: Promise<unknown> | undefined;
      for (const piece of out) written = new Promise((resolve) => io.stdout.write(piece, resolve));
      // A stream that holds what it could not write at once (a pipe on some systems) is waited for:
      // memory stays bounded, and the chunk's buffer is not given back to a worker while in use.
      if (io.stdout.writableLength) await written;
      progress?.update(cases);
    }
  } finally {
    await batch.close();
  }
  progress?.clear();

  const ms = performance.now() - started;
  const summary = `${plural(cases, 'case')} in ${showDuration(ms)} (${Math.round(rateOf(cases, ms))} cases/s): ${plural(cases - invalid, 'answer')}, ${invalid} invalid`;
  io.stderr.write(`${invalid ? err.red(summary) : summary}\n`);
  if (invalid) {
    io.stderr.write(`invalid cases:\n${listed.map((l) => `  ${l}`).join('\n')}\n`);
    if (invalid > LISTED) io.stderr.write(`  … and ${plural(invalid - LISTED, 'more invalid case')} (each on its line above)\n`);
  }
  return invalid ? EXIT_FINDING : EXIT_OK;
}
