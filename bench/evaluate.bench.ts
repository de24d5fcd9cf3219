// The evaluator on a realistic Relokia case (a dozen tickets, a refund question, every
// entitlement), beside the same compiled rules run by a stock json-rules-engine Engine, by the
// plain direct evaluator, and beside a hand-written function computing the same answer fields.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { buildCalendars, parseInstant } from '../engine/calendar/index.ts';
import { validateCase } from '../engine/case/validate-case.ts';
import { compilePolicy, evaluate, loadPolicy, parseCaseSource, type Answer } from '../engine/index.ts';
import { evaluateCondition } from '../engine/runtime/direct.ts';
import { registerRuntime, runFacts } from '../engine/runtime/register.ts';
import { Runtime } from '../engine/runtime/runtime.ts';
import { handWrittenRelokia, type HandAnswer, type HandEntitlement, type RawCase } from './hand-written-relokia.ts';
import { fmtUs, measure, ratio, type BenchSection } from './measure.ts';

const policySource = readFileSync(new URL('../policies/relokia.yaml', import.meta.url), 'utf8');
const caseFile = 'bench/fixtures/relokia-realistic-case.yaml';
const caseSource = readFileSync(new URL('./fixtures/relokia-realistic-case.yaml', import.meta.url), 'utf8');

const ms = (s: string) => parseInstant(s) as number;
const NOT_COMPARED = new Set(['id', 'allowed', 'until', 'cost', 'reasons', 'clause', 'excess']);

/** The evaluator's answer reduced to the fields the hand-written function computes (instants as epoch ms). */
function answerFields(a: Answer): HandAnswer {
  if (!a.refund) throw new Error('the Relokia answer has no refund');
  return {
    deadlines: a.deadlines.map((d) => ({
      id: d.id,
      ...(d.subject !== undefined ? { subject: d.subject } : {}),
      due: ms(d.due),
      status: d.status,
      ...(d.met_at !== undefined ? { metAt: ms(d.met_at) } : {}),
    })),
    entitlements: a.entitlements.map((e) => {
      const o: HandEntitlement = { id: e.id, allowed: e.allowed };
      for (const [k, v] of Object.entries(e)) if (!NOT_COMPARED.has(k)) o[k] = v; // limit, used, remaining, fields such as starts_now
      if ('until' in e) o.until = e.until === null || e.until === undefined ? null : ms(e.until);
      return o;
    }),
    refund: { eligible: a.refund.eligible, percent: a.refund.percent, amount: a.refund.amount },
  };
}

function mustEqual(what: string, got: unknown, want: unknown): void {
  if (!isDeepStrictEqual(got, want))
    throw new Error(`${what} differs from the evaluator's answer:\n  evaluator: ${JSON.stringify(want)}\n  ${what}: ${JSON.stringify(got)}`);
}

/** Cold starts in fresh processes (median of a few; the first spawn only warms tsx's transform cache). */
function freshProcesses(n: number): { importMs: number; loadCompileMs: number; firstEvaluateMs: number; secondEvaluateMs: number } {
  const script = new URL('./cold-start.ts', import.meta.url).pathname;
  const cwd = new URL('..', import.meta.url).pathname;
  const runs = Array.from({ length: n + 1 }, () => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script], { cwd, encoding: 'utf8' })));
  runs.shift();
  const med = (k: string) => runs.map((r) => r[k] as number).sort((a, b) => a - b)[Math.floor(n / 2)];
  return { importMs: med('importMs'), loadCompileMs: med('loadCompileMs'), firstEvaluateMs: med('firstEvaluateMs'), secondEvaluateMs: med('secondEvaluateMs') };
}

export default async (): Promise<BenchSection> => {
  const loaded = loadPolicy({ source: policySource, file: 'relokia.yaml' });
  const compiled = compilePolicy(loaded);
  const p = compiled.policy;
  const input = parseCaseSource(caseSource, caseFile).value;

  // the case evaluates without error, and every way of answering it agrees
  const answer = await evaluate(loaded, input);
  if (answer.warnings.length) throw new Error(`the realistic case has warnings: ${answer.warnings.join('; ')}`);
  const expected = answerFields(answer);
  mustEqual('handWrittenRelokia', handWrittenRelokia(input as RawCase), expected);

  const kase = validateCase(p, input);
  const calendars = buildCalendars(p.calendars, p.zone);
  // a stock Engine, the rules reloaded from JSON as a consumer of the compiled policy would
  const stock = registerRuntime(new Engine(JSON.parse(JSON.stringify(compiled.rules))));
  const runStock = () => stock.run(runFacts(new Runtime(p, calendars, kase, compiled.rules)));
  const runDirect = () => {
    const rt = new Runtime(p, calendars, kase, compiled.rules);
    return compiled.rules.map((r) => evaluateCondition(rt, r.conditions as TopLevelCondition));
  };
  const { results, failureResults } = await runStock();
  const byName = new Map([...results, ...failureResults].map((r) => [String(r.name), r.result === true]));
  mustEqual('the direct evaluator', runDirect(), compiled.rules.map((r) => byName.get(String(r.name))));
  const held = compiled.rules.filter((r) => byName.get(String(r.name))).length;

  const rounds = 11;
  const evaluateUs = (await measure(() => evaluate(loaded, input), rounds, 250)).us;
  const validateUs = (await measure(() => validateCase(p, input), rounds, 200)).us;
  const engineUs = (await measure(runStock, rounds, 250)).us;
  const directUs = (await measure(runDirect, rounds, 200)).us;
  const handUs = (await measure(() => handWrittenRelokia(input as RawCase), rounds, 200)).us;
  // first evaluate on a policy object prepare() has not seen: compile the rules, build the Engine
  // and the calendars (day windows built on demand), then answer
  const coldUs = (await measure(() => evaluate({ ...loaded }, input), rounds, 300)).us;
  const loadUs = (await measure(() => compilePolicy(loadPolicy({ source: policySource, file: 'relokia.yaml' })), 7, 400)).us;
  const fresh = freshProcesses(5);

  const row = (label: string, us: number) => `| ${label} | ${fmtUs(us)} | ${ratio(us, handUs)} | ${ratio(us, engineUs)} |`;
  const events = kase.events.length;
  const tickets = answer.deadlines.filter((d) => d.id === 'first_response').length;
  const markdown = [
    `Case: \`${caseFile}\` — Signature plan, ${events} events (${tickets} tickets over two weeks, 3 answered late, 1 pending), ` +
      `a vendor-fault data corruption, a refund request (answer: ${answer.refund!.percent}% = ${answer.refund!.amount} ${answer.refund!.currency}), ` +
      `a pause; ${answer.deadlines.length} deadline items, ${answer.entitlements.length} entitlements, ${compiled.rules.length} compiled rules (${held} hold). ` +
      'The hand-written function (`bench/hand-written-relokia.ts`) is checked to give the same deadlines, entitlements and refund as the evaluator before anything is timed.',
    '',
    '| row | median per call | ÷ hand-written | ÷ raw engine run |',
    '| --- | ---: | ---: | ---: |',
    row('(a) `evaluate(loadedPolicy, case)`: validate case, run engine, map answer, explanations', evaluateUs),
    row('(b) raw engine run: stock `new Engine(rules)` + `registerRuntime`, `engine.run(runFacts(new Runtime(…)))`', engineUs),
    row('(c) the same rules through the direct evaluator (`evaluateCondition` per rule, new Runtime)', directUs),
    row('(d) hand-written `handWrittenRelokia(case)` (parses the case too)', handUs),
    row('`validateCase` alone (part of a)', validateUs),
    row('cold: first `evaluate` on a fresh policy object (compile rules, new Engine, build calendars)', coldUs),
    row('`loadPolicy` + `compilePolicy` of relokia.yaml', loadUs),
    '',
    `In a fresh Node process (median of 5): importing the engine ${fresh.importMs.toFixed(0)} ms, loading and compiling relokia.yaml ` +
      `${fresh.loadCompileMs.toFixed(0)} ms, the first \`evaluate\` ${fresh.firstEvaluateMs.toFixed(1)} ms, the second ${fresh.secondEvaluateMs.toFixed(1)} ms.`,
    '',
    `Of (a), about ${fmtUs(engineUs)} (${((engineUs / evaluateUs) * 100).toFixed(0)} %) is the json-rules-engine run and ${fmtUs(validateUs)} case validation; ` +
      `the rest (${fmtUs(Math.max(0, evaluateUs - engineUs - validateUs))}) is mapping results to the answer and building explanations. ` +
      `The runtime's own work — the same facts asked by the direct evaluator — is ${fmtUs(directUs)}, so json-rules-engine's machinery ` +
      `costs about ${fmtUs(Math.max(0, engineUs - directUs))} per run on top of it.`,
  ].join('\n');
  return { title: 'Evaluating a realistic Relokia case', markdown };
};
