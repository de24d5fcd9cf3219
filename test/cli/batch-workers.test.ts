// The worker-thread batch: the same results, in the same order, as evaluating in this thread, and
// the failures of a worker confined to the cases it held.
import { expect, it } from 'vitest';
import { evaluateEntries, type BatchEntry, type EntryResult } from '../../engine/index.ts';
import { generateCases } from '../../engine/analysis/generate-cases.ts';
import { BatchWorkers, evaluateEntriesInWorkers } from '../../cli/batch/worker-batch.ts';
import { bundled } from '../evaluate/backends-agree.ts';

const relokia = bundled('relokia');
const generated = generateCases(relokia.policy as never, { count: 60, seed: 4 }).map((c) => ({ case: c }) as BatchEntry);

async function collect<E>(results: AsyncIterable<EntryResult<E>>) {
  const out: unknown[] = [];
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
  const batch = new BatchWorkers(relokia, { workers: 2 });
  const inThread = await collect(evaluateEntries(relokia, generated));
  const results: unknown[] = [];
  try {
    for await (const r of batch.evaluate(generated)) {
      // a worker dies while the window is full: it held a case then
      if (r.index === 10) await batch.pool.threads[0].terminate();
      results.push('answer' in r ? { index: r.index, answer: r.answer } : { index: r.index, diagnostics: r.diagnostics });
    }
  } finally {
    await batch.close();
  }
  expect(results).toHaveLength(generated.length);
  const failed = results.filter((r) => 'diagnostics' in (r as object)) as { index: number; diagnostics: { code: string }[] }[];
  expect(failed.length).toBeGreaterThan(0);
  for (const f of failed) expect(f.diagnostics.map((d) => d.code)).toEqual(['SLA5020']);
  const failedAt = new Set(failed.map((f) => f.index));
  expect(results.filter((r) => !failedAt.has((r as { index: number }).index))).toEqual(inThread.filter((r) => !failedAt.has((r as { index: number }).index)));
}, 120_000);
