// Profiling helper (not a benchmark): answers the realistic Relokia case in a loop and records a
// CPU profile of the loop alone (start-up and module loading left out). Run
//   npx tsx bench/profile-evaluate.ts [evaluate|engine|hand] [seconds] [out.cpuprofile]
// and summarise it with `npx tsx bench/profile-summary.ts <out.cpuprofile>`.
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { buildCalendars } from '../engine/calendar/index.ts';
import { validateCase } from '../engine/case/validate-case.ts';
import { compilePolicy, evaluate, loadPolicy, parseCaseSource, type Case } from '../engine/index.ts';
import { registerRuntime, runFacts } from '../engine/runtime/register.ts';
import { createRuntime } from '../engine/runtime/create-runtime.ts';
import { handWrittenRelokia, type RawCase } from './hand-written-relokia.ts';

const [target = 'evaluate', seconds = '10', out = join(tmpdir(), `sla-${target}.cpuprofile`)] = process.argv.slice(2);
const loaded = loadPolicy({ source: readFileSync(new URL('../policies/relokia.yaml', import.meta.url), 'utf8'), file: 'relokia.yaml' });
const compiled = compilePolicy(loaded);
const p = compiled.policy;
const input = parseCaseSource(readFileSync(new URL('./fixtures/relokia-realistic-case.yaml', import.meta.url), 'utf8')).value as Case;
const kase = validateCase(p, input);
const calendars = buildCalendars(p.calendars, p.zone);
const stock = registerRuntime(new Engine(JSON.parse(JSON.stringify(compiled.rules))));

const once: Record<string, () => unknown> = {
  evaluate: () => evaluate(compiled, input),
  engine: () => stock.run(runFacts(createRuntime(p, calendars, kase, compiled.rules))),
  hand: () => handWrittenRelokia(input as RawCase),
};
const fn = once[target];
if (!fn) throw new Error(`unknown target ${target}; use ${Object.keys(once).join(', ')}`);
for (let i = 0; i < 200; i++) await fn(); // warm up before recording

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const end = performance.now() + Number(seconds) * 1000;
let n = 0;
while (performance.now() < end) {
  await fn();
  n++;
}
const { profile } = await session.post('Profiler.stop');
session.disconnect();
writeFileSync(out, JSON.stringify(profile));
process.stderr.write(`${target}: ${n} calls, ${((Number(seconds) * 1e6) / n).toFixed(1)} µs per call; profile in ${out}\n`);
