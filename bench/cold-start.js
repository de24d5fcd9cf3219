// One cold start in a fresh process, run by evaluate.bench.ts as `node bench/cold-start.js`: prints,
// as JSON, the milliseconds taken by importing the built engine (dist/, as a library user imports
// it), loading and compiling the Relokia policy, the first evaluate (engine, calendars and code all
// cold) and a second one.
import { readFileSync } from 'node:fs';

const t0 = performance.now();
const { compilePolicy, evaluate, loadPolicy, parseCaseSource } = await import('../dist/engine/index.js');
const t1 = performance.now();
const policy = compilePolicy(loadPolicy({ source: readFileSync(new URL('../policies/relokia.yaml', import.meta.url), 'utf8'), file: 'relokia.yaml' }));
const t2 = performance.now();
const kase = parseCaseSource(readFileSync(new URL('./fixtures/relokia-realistic-case.yaml', import.meta.url), 'utf8')).value;
const t3 = performance.now();
await evaluate(policy, kase);
const t4 = performance.now();
await evaluate(policy, kase);
const t5 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, loadCompileMs: t2 - t1, firstEvaluateMs: t4 - t3, secondEvaluateMs: t5 - t4 }));
