// Profiling helper (not a benchmark): answers the realistic Relokia case in a loop so a CPU
// profile shows where the time goes. Run
//   node --cpu-prof --cpu-prof-dir=/tmp/sla-prof --import tsx bench/profile-evaluate.ts [evaluate|engine|hand] [seconds]
// and summarise the profile with `npx tsx bench/profile-summary.ts /tmp/sla-prof/<file>.cpuprofile`.
import { readFileSync } from 'node:fs';
import { Engine } from 'json-rules-engine';
import { buildCalendars } from '../engine/calendar/index.ts';
import { validateCase } from '../engine/case/validate-case.ts';
import { compilePolicy, evaluate, loadPolicy, parseCaseSource } from '../engine/index.ts';
import { registerRuntime, runFacts } from '../engine/runtime/register.ts';
import { Runtime } from '../engine/runtime/runtime.ts';
import { handWrittenRelokia, type RawCase } from './hand-written-relokia.ts';

const [target = 'evaluate', seconds = '10'] = process.argv.slice(2);
const loaded = loadPolicy({ source: readFileSync(new URL('../policies/relokia.yaml', import.meta.url), 'utf8'), file: 'relokia.yaml' });
const compiled = compilePolicy(loaded);
const p = compiled.policy;
const input = parseCaseSource(readFileSync(new URL('./fixtures/relokia-realistic-case.yaml', import.meta.url), 'utf8')).value;
const kase = validateCase(p, input);
const calendars = buildCalendars(p.calendars, p.zone);
const stock = registerRuntime(new Engine(JSON.parse(JSON.stringify(compiled.rules))));

const once: Record<string, () => unknown> = {
  evaluate: () => evaluate(loaded, input),
  engine: () => stock.run(runFacts(new Runtime(p, calendars, kase, compiled.rules))),
  hand: () => handWrittenRelokia(input as RawCase),
};
const fn = once[target];
if (!fn) throw new Error(`unknown target ${target}; use ${Object.keys(once).join(', ')}`);
const end = performance.now() + Number(seconds) * 1000;
let n = 0;
while (performance.now() < end) {
  await fn();
  n++;
}
process.stderr.write(`${target}: ${n} calls, ${((Number(seconds) * 1e6) / n).toFixed(1)} µs per call\n`);
