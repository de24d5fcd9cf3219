// The worker-thread batch: the same results, in the same order, as evaluating in this thread, and
// the failures of a worker confined to the cases it held.
import { expect, it } from 'vitest';
import { evaluateEntries, type Answer, type BatchEntry, type Diagnostic, type EntryResult } from '../../engine/index.ts';
import { answerSummary } from '../../cli/batch/answer-summary.ts';
import { generateCases } from '../../engine/analysis/generate-cases.ts';
import { BatchWorkers, evaluateEntriesInWorkers, type WorkerEntry } from '../../cli/batch/worker-batch.ts';
import { bundled } from '../evaluate/backends-agree.ts';

const relokia = bundled('relokia');
const generated = generateCases(relokia.policy as never, { count: 60, seed: 4 }).map((c) => ({ case: c }) as BatchEntry);

async function collect<E, A>(results: AsyncIterable<EntryResult<E, A>>) {
  const out: ({ index: number; answer: A } | { index: number; diagnostics: Diagnostic[] })[] = [];
  for await (const r of results) out.push('answer' in r ? { index: r.index, answer: r.answer } : { index: r.index, diagnostics: r.diagnostics });
  return out;
}

it('gives, on two workers, the results of evaluating in this thread, in input order, invalid cases in their places', async () => {
  const entries: BatchEntry[] = [
    ...generated.slice(0, 30),
    { case: { at: 'yesterday' } },
    { diagnostics: [{ severity: 'error', code: 'SLA1010', message: 'not valid JSON', file: 'cases.ndjson', line: 32, column: 3 }] },
    ...generated.slice(30),
  ];
  const inThread = await collect(evaluateEntries(relokia, entries));
  expect(await collect(evaluateEntriesInWorkers(relokia, entries, { workers: 2 }))).toEqual(inThread);
  expect(inThread.filter((r) => 'diagnostics' in (r as object)).map((r) => (r as { index: number }).index)).toEqual([30, 31]);
}, 120_000);

it('reads cases given as their NDJSON lines in the workers: the same results as the parsed cases, a line that is not JSON with where it stops', async () => {
  const parsed: BatchEntry[] = [...generated.slice(0, 20), { case: { at: 'yesterday' } }, ...generated.slice(20, 40)];
  const asLines: WorkerEntry[] = parsed.map((e, i) => ({ file: 'cases.ndjson', json: { text: JSON.stringify(e.case), line: i + 1 } }));
  asLines.splice(10, 0, { file: 'cases.ndjson', json: { text: '{"at": nope}', line: 99 } });
  const results = await collect(evaluateEntriesInWorkers(relokia, asLines, { workers: 2 }));
  const expected = await collect(evaluateEntries(relokia, parsed));
  const bad = results.splice(10, 1)[0] as { index: number; diagnostics: Diagnostic[] };
  expect(bad.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['SLA1010', 'cases.ndjson', 99, 8]]);
  // the line's case diagnostics name its file (evaluate was given it), the parsed case's none
  const unfiled = (r: (typeof results)[number]) =>
    'diagnostics' in r ? { diagnostics: r.diagnostics.map(({ file: _, ...d }) => d) } : { answer: (r as { answer: Answer }).answer };
  expect(results.map(unfiled)).toEqual(expected.map(unfiled));
}, 120_000);

it('gives each answer as its NDJSON line in UTF-8, or as its summary, as the command prints them', async () => {
  const entries: BatchEntry[] = [...generated.slice(0, 20), { case: { at: 'yesterday' } }, ...generated.slice(20)];
  const inThread = await collect(evaluateEntries(relokia, entries));
  const expected = (show: (a: Answer) => string) => inThread.map((r) => ('answer' in r ? show(r.answer) : r));
  const decoder = new TextDecoder();
  const json = new BatchWorkers(relokia, { workers: 2, form: 'json', window: 16 });
  const texts: unknown[] = [];
  try {
    // a chunk's bytes are read before the next chunk is asked for (its buffer is then reused)
    for await (const chunk of json.evaluateChunks(entries))
      for (const r of chunk) texts.push('answer' in r ? decoder.decode(r.answer) : { index: r.index, diagnostics: r.diagnostics });
  } finally {
    await json.close();
  }
  expect(texts).toEqual(expected((a) => `${JSON.stringify(a)}\n`));
  const summaries = (await collect(evaluateEntriesInWorkers(relokia, entries, { workers: 1, form: 'summary' }))).map((r) => ('answer' in r ? r.answer : r));
  expect(summaries).toEqual(expected(answerSummary));
}, 120_000);

it('reads an endless input only the reorder window ahead of the answers taken', async () => {
  let produced = 0;
  async function* endless() {
    for (;;) yield generated[produced++ % generated.length];
  }
  let taken = 0;
  for await (const r of evaluateEntriesInWorkers(relokia, endless(), { workers: 2, window: 6 })) {
    expect('answer' in r).toBe(true);
    taken++;
    expect(produced - taken).toBeLessThanOrEqual(6 + 1);
    if (taken === 100) break;
  }
}, 120_000);

it('reports a case that cannot be sent to a worker as SLA5020, and answers the others', async () => {
  const entries = [generated[0], { case: { ...(generated[1].case as object), facts: { migration_price: () => 1 } } }, generated[2]];
  const results = await collect(evaluateEntriesInWorkers(relokia, entries, { workers: 1 }));
  expect(results.map((r) => ('answer' in (r as object) ? 'answer' : (r as { diagnostics: { code: string }[] }).diagnostics[0].code))).toEqual([
    'answer',
    'SLA5020',
    'answer',
  ]);
}, 120_000);

it('fails only the cases a crashed worker held (SLA5020), answers the rest, and ends', async () => {
  // chunks of 32 cases (a window of 192 on 2 workers), so that later chunks are out while results
  // come in, and a worker holds more work than it can finish while it is being stopped
  const many = generateCases(relokia.policy as never, { count: 400, seed: 5 }).map((c) => ({ case: c }) as BatchEntry);
  const batch = new BatchWorkers(relokia, { workers: 2, window: 192 });
  const workers: { id: number; currentUsage: number }[] = [];
  batch.pool.on('workerCreate', (w: { id: number; currentUsage: number }) => workers.push(w));
  const inThread = await collect(evaluateEntries(relokia, many));
  const results: unknown[] = [];
  let killed = false;
  try {
    for await (const r of batch.evaluate(many)) {
      // a worker dies while it holds a chunk
      const busy = killed ? undefined : workers.find((w) => w.currentUsage > 0);
      if (busy) {
        killed = true;
        await batch.pool.threads.find((t) => t.threadId === busy.id)!.terminate();
      }
      results.push('answer' in r ? { index: r.index, answer: r.answer } : { index: r.index, diagnostics: r.diagnostics });
    }
  } finally {
    await batch.close();
  }
  expect(killed).toBe(true);
  expect(results).toHaveLength(many.length);
  const failed = results.filter((r) => 'diagnostics' in (r as object)) as { index: number; diagnostics: { code: string }[] }[];
  // the chunks it held: the one it was answering and the next
  expect(failed.length).toBeGreaterThan(0);
  expect(failed.length).toBeLessThanOrEqual(2 * 32);
  for (const f of failed) expect(f.diagnostics.map((d) => d.code)).toEqual(['SLA5020']);
  const failedAt = new Set(failed.map((f) => f.index));
  expect(results.filter((r) => !failedAt.has((r as { index: number }).index))).toEqual(inThread.filter((r) => !failedAt.has((r as { index: number }).index)));
}, 120_000);

it('runs on as many workers as asked with no warning printed, however many chunks are in flight', async () => {
  // 4 workers hold 12 chunks at once, each listening for the batch's failure
  const many = generateCases(relokia.policy as never, { count: 400, seed: 6 }).map((c) => ({ case: c }) as BatchEntry);
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
  process.on('warning', onWarning);
  try {
    expect(await collect(evaluateEntriesInWorkers(relokia, many, { workers: 4 }))).toHaveLength(400);
    // a warning is emitted on the next turn of the event loop
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  expect(warnings).toEqual([]);
}, 120_000);
