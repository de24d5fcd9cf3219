// The evaluator: validates the case, runs a compiled policy's rules with the runtime's facts — as
// closures built from the rules (the default) or through json-rules-engine — and maps the rule
// results back to the Answer of contract.md.
import type { RuleProperties, RuleResult } from 'json-rules-engine';
import type { Answer, ConditionTrace } from '../answer.ts';
import { answerPlan, rulePlan, type AnswerPlan, type RulePlan } from './answer-plan.ts';
import { buildCalendars, formatInstant, loadHolidayData, type BusinessCalendar } from '../calendar/index.ts';
import type { Case, Language } from '../case/case-input.ts';
import { validateCase } from '../case/validate-case.ts';
import { parseRuleName } from '../compile/rule-name.ts';
import { checkCompiled } from './check-compiled.ts';
import { badUsage, hasErrors, placeDiagnostics, SlaError, unsupportedLanguage } from '../diagnostics/index.ts';
import { quoteValue } from '../diagnostics/quote-value.ts';
import type { Entitlement } from '../ir/schema.ts';
import type { CompiledPolicy, Locator } from '../policy-types.ts';
import { createRuntime } from '../runtime/create-runtime.ts';
import { CompiledRules, type RuleRun } from '../runtime/compiled-backend.ts';
import { EnginePool } from '../runtime/engine-pool.ts';
import { runFacts } from '../runtime/run-facts.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { mapAmounts } from './map-amounts.ts';
import { mapCredits } from './map-credits.ts';
import { mapDeadlines } from './map-deadlines.ts';
import { mapEntitlements } from './map-entitlements.ts';
import { mapRefund } from './map-refund.ts';
import { explainClause, seen, trace, type EvaluatedCondition } from './explain.ts';
import { pendingNotes } from './pending-notes.ts';
import type { MapContext, Outcomes, RuleOutcome } from './map-context.ts';

export interface EvaluateOptions {
  /** language of the clause texts in explanations: `en` by default; a language the policy has
   *  (`uk`, `fa`…), else the clause's first text */
  lang?: Language;
  /** the case's file name and source map, so case diagnostics carry file:line:column */
  file?: string;
  locate?: Locator;
  /** how the compiled rules are run: as closures built from them (`compiled`, the default), or by
   *  json-rules-engine (the reference); both give the same answer */
  engine?: Backend;
  /** how much of `explanations` to build: each cited clause with the conditions that decided its
   *  items (`full`, the default), the clauses' texts and assumptions alone (`clauses`, each with
   *  `conditions: []`), or nothing (`none`: `explanations` is `{}`). The items are the same. */
  explain?: ExplainLevel;
}

export type Backend = 'compiled' | 'json-rules-engine';
const BACKENDS: readonly Backend[] = ['compiled', 'json-rules-engine'];
export type ExplainLevel = 'none' | 'clauses' | 'full';
const EXPLAIN_LEVELS: readonly ExplainLevel[] = ['none', 'clauses', 'full'];

/** One way of running a rule set on a runtime. */
interface RuleSet {
  engine: EnginePool;
  closures: () => CompiledRules;
}

function ruleSet(rules: RuleProperties[]): RuleSet {
  let closures: CompiledRules | undefined;
  return { engine: new EnginePool(rules), closures: () => (closures ??= new CompiledRules(rules)) };
}

export interface Prepared {
  compiled: CompiledPolicy;
  rules: RuleSet;
  /** the rules of per-subject entitlements, run once per subject on that subject's view of the case */
  subjectRules?: RuleSet;
  /** the subject attributes of per-subject entitlements, in the order first named */
  subjectAttributes: string[];
  /** per entitlement answered per event (`each`): its rules, run once per event as of its instant */
  eachRules: Map<string, RuleSet>;
  /** the same, in the policy's order, with what each is answered per */
  perEvent: { id: string; each: NonNullable<Entitlement['each']>; rules: RuleSet }[];
  calendars: Map<string, BusinessCalendar>;
  /** a calendar counts a country's holidays (their data is loaded before the first answer) */
  countryHolidays: boolean;
  plan: AnswerPlan;
}

const prepared = new WeakMap<object, Prepared>();

/** Builds (once per compiled policy object) the engine and calendars it needs. */
export function prepare(compiled: CompiledPolicy): Prepared {
  const hit = prepared.get(compiled);
  if (hit) return hit;
  // JSON from anywhere (stored, sent, edited by hand): checked before its rules are run
  const problems = checkCompiled(compiled);
  if (hasErrors(problems)) throw new SlaError(problems.filter((d) => d.severity === 'error'));
  const entitlements = compiled.policy.entitlements ?? [];
  const subjectRules = rulesOf(compiled.rules, new Set(entitlements.filter((e) => e.subject !== undefined).map((e) => e.id)));
  const perEvent = entitlements.flatMap((e) => (e.each ? [{ id: e.id, each: e.each, rules: ruleSet(rulesOf(compiled.rules, new Set([e.id]))) }] : []));
  const p: Prepared = {
    compiled,
    rules: ruleSet(compiled.rules),
    ...(subjectRules.length ? { subjectRules: ruleSet(subjectRules) } : {}),
    subjectAttributes: [...new Set(entitlements.map((e) => e.subject).filter((a): a is string => a !== undefined))],
    eachRules: new Map(perEvent.map((e) => [e.id, e.rules])),
    perEvent,
    calendars: buildCalendars(compiled.policy.calendars, compiled.policy.zone),
    countryHolidays: Object.values(compiled.policy.calendars ?? {}).some((c) => c.holidays?.some((h) => 'country' in h)),
    plan: answerPlan(compiled),
  };
  prepared.set(compiled, p);
  return p;
}

/** The rules (and their fields' rules) of some entitlements. */
function rulesOf(rules: RuleProperties[], entitlements: Set<string>): RuleProperties[] {
  return rules.filter((r) => {
    const id = parseRuleName(String(r.name));
    return (id?.kind === 'entitlement' || id?.kind === 'field') && entitlements.has(id.entitlement);
  });
}

function outcome(r: RuleResult | RuleRun, plan: RulePlan): RuleOutcome {
  const all = (r.conditions as unknown as { all?: EvaluatedCondition[] }).all ?? [];
  return { result: r.result === true, conditions: all.map((c, i) => seen(c, plan.conditions[i])), plan };
}

/** A run's rule results placed by rule position; a repeated name keeps its last result. */
function place(runs: Iterable<RuleResult | RuleRun>, plan: AnswerPlan): Outcomes {
  const out = new Array<RuleOutcome | undefined>(plan.rules.length);
  for (const r of runs) {
    const at = plan.index.get(String(r.name));
    if (at !== undefined) out[at] = outcome(r, plan.repeated ? rulePlan(r.conditions, plan.rules[at].label) : plan.rules[at]);
  }
  return out;
}

/** Answers a case (an object as in contract.md) under a compiled policy; throws SlaError for an
 *  invalid case. */
export async function evaluate(policy: CompiledPolicy, input: Case, options: EvaluateOptions = {}): Promise<Answer> {
  const backend = options.engine ?? 'compiled';
  if (!BACKENDS.includes(backend)) throw new SlaError([badUsage(`unknown engine ${quoteValue(backend)}`, `use ${BACKENDS.join(' or ')}`)]);
  const level = options.explain ?? 'full';
  if (!EXPLAIN_LEVELS.includes(level)) throw new SlaError([badUsage(`unknown explain level ${quoteValue(level)}`, `use ${EXPLAIN_LEVELS.join(', ')}`)]);
  const { compiled, rules, subjectRules, subjectAttributes, perEvent, calendars, countryHolidays, plan } = prepare(policy);
  const p = compiled.policy;
  if (countryHolidays) await loadHolidayData();
  const lang = options.lang ?? 'en';
  if (!/^[a-z]{2}$/.test(lang)) throw new SlaError([unsupportedLanguage(lang)]);

  let rt: Runtime;
  try {
    rt = createRuntime(p, calendars, validateCase(p, input), compiled.rules);
  } catch (e) {
    if (e instanceof SlaError && (options.file || options.locate)) throw new SlaError(placeDiagnostics(e.diagnostics, options));
    throw e;
  }

  // the closures run synchronously: only json-rules-engine's runs are awaited
  const run = backend === 'compiled' ? runClosures : runEngine;
  const first = run(rules, rt, plan);
  const outcomes = first instanceof Promise ? await first : first;
  // Per-subject entitlements: one run per distinct value of the subject attribute.
  const subjectRuns: MapContext['subjectRuns'] = new Map();
  if (subjectRules)
    for (const attribute of subjectAttributes) {
      const runs = [];
      for (const subject of rt.subjects(attribute)) {
        const scoped = rt.forSubject(attribute, subject);
        const ran = run(subjectRules, scoped, plan);
        runs.push({ subject, rt: scoped, outcomes: ran instanceof Promise ? await ran : ran });
      }
      subjectRuns.set(attribute, runs);
    }

  const zone = p.zone;
  // Per-event entitlements: a run for such an event made now, then one per event, as of its instant.
  const eventRuns: MapContext['eventRuns'] = new Map();
  for (const { id, each, rules: set } of perEvent) {
    const runs = [];
    for (const view of rt.perEvent(each)) {
      const ran = run(set, view.rt, plan);
      runs.push({ subject: view.subject, rt: view.rt, outcomes: ran instanceof Promise ? await ran : ran });
    }
    eventRuns.set(id, runs);
  }
  const warnings: string[] = rt.kase.later.map((e) => `event ${e.index + 1} (${e.type} at ${formatInstant(e.at, zone)}) is after \`at\` and was ignored`);
  // Per cited clause, in the order first cited: the traces of the conditions that decided its items.
  const traces = new Map<string, ConditionTrace[]>();
  const explain: MapContext['explain'] =
    level === 'none'
      ? () => {}
      : (clause, o, item, run = rt) => {
          let list = traces.get(clause);
          if (!list) traces.set(clause, (list = []));
          if (level !== 'full') return;
          const { conditions: plans, checks } = o.plan;
          const conditions = o.conditions;
          for (let i = 0; i < conditions.length; i++) {
            const c = conditions[i];
            const cp = plans[i];
            list.push(trace(cp, c, zone, item === undefined ? checks[i] : `${item}: ${cp.text}`, pendingNotes(cp, c, run)));
          }
        };

  const ctx: MapContext = { rt, plan, outcomes, subjectRuns, eventRuns, explain, warnings };
  const answer: Answer = {
    policy: { id: p.id, version: p.version },
    at: formatInstant(rt.kase.at, zone),
    plans: rt.kase.plans,
    deadlines: mapDeadlines(ctx),
    entitlements: mapEntitlements(ctx),
    ...(p.amounts ? { amounts: mapAmounts(ctx) } : {}),
    refund: mapRefund(ctx),
    credits: mapCredits(ctx),
    warnings,
    explanations: {},
  };
  for (const [clause, conditions] of traces) answer.explanations[clause] = explainClause(p, clause, lang, conditions);
  return answer;
}

async function runEngine(rules: RuleSet, rt: Runtime, plan: AnswerPlan): Promise<Outcomes> {
  const { results, failureResults } = await rules.engine.with((engine) => engine.run(runFacts(rt)));
  return place([...results, ...failureResults], plan);
}

function runClosures(rules: RuleSet, rt: Runtime, plan: AnswerPlan): Outcomes {
  return place(rules.closures().run(rt), plan);
}
