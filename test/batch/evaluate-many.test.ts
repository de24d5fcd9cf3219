// evaluateMany: many cases under one policy, answered in input order, each an Answer or that case's
// diagnostics, reading its input lazily.
import { expect, it } from 'vitest';
import { evaluate, evaluateEntries, evaluateMany, SlaError, type BatchResult, type Case, type CompiledPolicy } from '../../engine/index.ts';
import { generateCases } from '../../engine/analysis/generate-cases.ts';
import { bundled } from '../evaluate/backends-agree.ts';

const relokia = bundled('relokia');
const generated = generateCases(relokia.policy as never, { count: 40, seed: 12 });

async function collect(results: AsyncIterable<BatchResult>): Promise<BatchResult[]> {
  const out: BatchResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}

/** What answering each case alone gives: the oracle. */
const alone = (policy: CompiledPolicy, kase: unknown) =>
  evaluate(policy, kase as Case).then(
    (answer) => ({ answer }),
    (e: unknown) => ({ diagnostics: (e as SlaError).diagnostics }),
  );

it('answers every case in input order, an invalid case with its diagnostics in its place', async () => {
  const cases = [
    ...generated.slice(0, 10),
    { at: '2025-07-09T10:00:00' },
    ...generated.slice(10, 20),
    { plans: { support: 'gold' } },
    ...generated.slice(20),
  ] as Case[];
  const results = await collect(evaluateMany(relokia, cases));
  expect(results.map((r) => r.index)).toEqual(cases.map((_, i) => i));
  for (const [i, kase] of cases.entries()) expect({ index: i, ...(await alone(relokia, kase)) }).toEqual(results[i]);
  expect(results.filter((r) => 'diagnostics' in r).map((r) => r.index)).toEqual([10, 21]);
});

it('gives nothing for an empty input', async () => {
  expect(await collect(evaluateMany(relokia, []))).toEqual([]);
});

it('reads an endless input only a bounded window ahead of the answers taken', async () => {
  let produced = 0;
  async function* endless() {
    for (;;) yield generated[produced++ % generated.length] as Case;
  }
  let taken = 0;
  for await (const r of evaluateMany(relokia, endless(), { window: 3 })) {
    expect('answer' in r).toBe(true);
    taken++;
    expect(produced - taken).toBeLessThanOrEqual(3 + 1);
    if (taken === 300) break;
  }
});

it('reports a case the evaluator throws on as SLA5020 in its place, and goes on', async () => {
  const throwing = {
    get at(): string {
      throw new Error('the case exploded');
    },
  };
  const results = await collect(evaluateMany(relokia, [generated[0], throwing, generated[1]] as Case[]));
  expect(results.map((r) => ('answer' in r ? 'answer' : r.diagnostics.map((d) => d.code).join()))).toEqual(['answer', 'SLA5020', 'answer']);
  expect((results[1] as { diagnostics: { message: string }[] }).diagnostics[0].message).toBe('the case was not evaluated: the case exploded');
});

it('places the diagnostics of an entry at its line and column', async () => {
  const locate = (pointer: string) => (pointer === '/plans/support' ? { line: 7, column: 31, endLine: 7, endColumn: 37 } : undefined);
  const entries = [{ case: { ...generated[0], plans: { support: 'gold' } }, file: 'cases.ndjson', locate }];
  const [r] = await collect(evaluateEntries(relokia, entries));
  expect('diagnostics' in r && r.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['SLA4007', 'cases.ndjson', 7, 31]]);
});

it('refuses an invalid compiled policy once, not once per case', async () => {
  const broken = { ...relokia, rules: 'none' } as unknown as CompiledPolicy;
  const error = await evaluateMany(broken, generated as Case[])
    .next()
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SlaError);
  expect((error as SlaError).diagnostics.map((d) => d.path)).toEqual(['/rules']);
});
