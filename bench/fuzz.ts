// npm run fuzz [cases]: the differential law of test/evaluate/backends-agree.test.ts over many
// cases (10^5 by default, spread over the bundled policies), seeded; writes its count and result
// to bench/fuzz-result.json, which `npm run bench` puts in BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Case } from '../engine/index.ts';
import { BUNDLED, bundled, caseArbitrary, disagreement } from '../test/evaluate/backends-agree.ts';

const total = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 2026);
const perPolicy = Math.ceil(total / BUNDLED.length);
const started = performance.now();
const policies: { id: string; cases: number; failure: string | null }[] = [];
for (const id of BUNDLED) {
  const policy = bundled(id);
  let cases = 0;
  const run = await fc.check(
    fc.asyncProperty(caseArbitrary(policy.policy), async ({ kase, nudge }) => {
      cases++;
      if (cases % 5000 === 0) process.stderr.write(`${id}: ${cases} cases\n`);
      return (await disagreement(policy, { policy: id, ...kase } as Case, nudge)) === null;
    }),
    { seed, numRuns: perPolicy, endOnFailure: true },
  );
  policies.push({ id, cases: run.numRuns, failure: run.failed ? String(fc.defaultReportMessage(run)) : null });
  process.stderr.write(`${id}: ${run.numRuns} cases, ${run.failed ? 'FAILED' : 'agree'}\n`);
}
const result = {
  date: new Date().toISOString().slice(0, 10),
  commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(),
  seed,
  cases: policies.reduce((n, p) => n + p.cases, 0),
  seconds: Math.round((performance.now() - started) / 1000),
  agree: policies.every((p) => p.failure === null),
  policies,
};
writeFileSync(new URL('./fuzz-result.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${result.cases} cases in ${result.seconds} s: ${result.agree ? 'both backends agree on every one' : 'DISAGREEMENT'}\n`);
process.exitCode = result.agree ? 0 : 1;
