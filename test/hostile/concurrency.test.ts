// Evaluation is re-entrant: every bundled test case evaluated concurrently against one shared
// policy object (as a server does), staggered and several times over, answers exactly as the same
// cases evaluated one after another, under each way of running the rules.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { compilePolicy, evaluate, loadPolicy, parseCaseSource, SlaError, type Backend, type Case, type CompiledPolicy } from '../../engine/index.ts';
import { parseTestDocument } from '../../engine/testing/index.ts';

const dir = new URL('../../policies/', import.meta.url);
const testFiles = readdirSync(dir)
  .filter((f) => f.endsWith('.test.yaml'))
  .sort();

interface Job {
  policy: string;
  case: unknown;
}
const jobs: Job[] = testFiles.flatMap((f) => {
  const { value } = parseCaseSource(readFileSync(new URL(f, dir), 'utf8'), f);
  const doc = parseTestDocument(value, { file: f });
  return doc.cases.map((t) => ({ policy: t.policy ?? doc.policy ?? '', case: t.case }));
});

const load = (id: string) => loadPolicy({ source: readFileSync(new URL(`${id}.yaml`, dir), 'utf8'), file: `${id}.yaml` });

/** An answer, or the diagnostics of a refused case, as JSON; any other error as its message. */
async function answer(policy: CompiledPolicy, input: unknown, engine: Backend): Promise<string> {
  try {
    return JSON.stringify(await evaluate(policy, input as Case, { engine }));
  } catch (e) {
    return e instanceof SlaError ? JSON.stringify(e.diagnostics) : `unexpected: ${String(e)}`;
  }
}

// A seeded generator, so a failure replays with the same interleaving.
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}
// An evaluation runs on promise jobs alone, so runs overlap only when they start within the same
// macrotask: stagger them by a number of microtask turns.
async function pause(turns: number): Promise<void> {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}

for (const engine of ['compiled', 'json-rules-engine'] as Backend[])
  for (const form of ['compiled', 'compiled and reloaded from JSON'] as const) {
    it(`${jobs.length} bundled cases answer concurrently as sequentially, ${form}, run by ${engine}`, async () => {
      const ids = [...new Set(jobs.map((j) => j.policy))];
      const shared = new Map(
        ids.map((id) => {
          const compiled = compilePolicy(load(id));
          return [id, form === 'compiled' ? compiled : (JSON.parse(JSON.stringify(compiled)) as CompiledPolicy)];
        }),
      );
      const sequential: string[] = [];
      for (const j of jobs) sequential.push(await answer(shared.get(j.policy)!, j.case, engine));
      expect(sequential.filter((a) => a.startsWith('unexpected'))).toEqual([]);

      const next = random(9);
      const rounds = 4;
      const concurrent = await Promise.all(
        Array.from({ length: rounds }, () => jobs)
          .flat()
          .map(async (j, i) => {
            await pause(Math.floor(next() * 200)); // staggered starts: runs overlap at different stages
            return { i: i % jobs.length, got: await answer(shared.get(j.policy)!, j.case, engine) };
          }),
      );
      const differences = concurrent.filter(({ i, got }) => got !== sequential[i]);
      expect(differences.length).toBe(0);
    }, 120_000);
  }
