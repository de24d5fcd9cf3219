// The evaluator: validates the case, runs a compiled policy's rules with the runtime's facts — as
// closures built from the rules (the default) or through json-rules-engine — and maps the rule
// results back to the Answer of contract.md.
import type { RuleProperties, RuleResult } from 'json-rules-engine';
import type { Answer, ConditionTrace } from '../answer.ts';
import { answerPlan, rulePlan, type AnswerPlan, type EntitlementPlan, type RulePlan } from './answer-plan.ts';
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
import { CompiledRules, type EvaluatedNode, type RuleRun, type RuleTaker } from '../runtime/compiled-backend.ts';
import { EnginePool } from '../runtime/engine-pool.ts';
import { runFacts } from '../runtime/run-facts.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { mapAmounts } from './map-amounts.ts';
import { mapCredits } from './map-credits.ts';
import { mapDeadlines } from './map-deadlines.ts';
import { mapEntitlements } from './map-entitlements.ts';
import { mapRefund } from './map-refund.ts';
import { addTraces, clauseTexts, explainClause } from './explain.ts';
import { inPlan, type EvaluatedCondition, type MapContext, type Outcomes, type RuleOutcome } from './map-context.ts';
import { ItemsOfRuns } from './run-items.ts';

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
const LANGUAGE = /^[a-z]{2}$/;

/** One way of running a rule set on a runtime, and where its outcomes go: a slot per rule (by
 *  name; a repeated name keeps its last result), with the plan of each slot's rule. */
interface RuleSet {
  engine: EnginePool;
  closures: () => CompiledRules;
  slots: Map<string, number>;
  /** per rule of the set, by position, its slot (−1: none) */
  slotOf: Int32Array;
  plans: RulePlan[];
}

const slotsOf = (rules: readonly RuleProperties[], slots: Map<string, number>) => Int32Array.from(rules, (r) => slots.get(String(r.name)) ?? -1);

/** The whole policy's rules: a slot per rule position, as the answer plan numbers them. */
function policyRules(rules: RuleProperties[], plan: AnswerPlan): RuleSet {
  let closures: CompiledRules | undefined;
  return {
    engine: new EnginePool(rules),
    closures: () => (closures ??= new CompiledRules(rules)),
    slots: plan.index,
    slotOf: slotsOf(rules, plan.index),
    plans: plan.rules,
  };
}

/** Some entitlements' rules (and their fields' rules), run once per subject or per event. */
interface EntitlementRules extends RuleSet {
  /** a slot per rule of the set, and the entitlements' plans with their rules numbered by those slots */
  entitlements: EntitlementPlan[];
  /** the same entitlements as the whole policy's run numbers them */
  own: EntitlementPlan[];
}

function entitlementRules(compiled: CompiledPolicy, plan: AnswerPlan, own: EntitlementPlan[]): EntitlementRules {
  const ids = new Set(own.map((e) => e.id));
  const rules = compiled.rules.filter((r) => {
    const id = parseRuleName(String(r.name));
    return (id?.kind === 'entitlement' || id?.kind === 'field') && ids.has(id.entitlement);
  });
  const slots = new Map<string, number>();
  rules.forEach((r, i) => slots.set(String(r.name), i));
  const plans = rules.map((r) => plan.rules[plan.index.get(String(r.name))!]);
  const slotOf = (rule: number) => (rule < 0 ? -1 : (slots.get(String(compiled.rules[rule].name)) ?? -1));
  const entitlements = own.map((e) => ({ ...e, rule: slotOf(e.rule), fields: e.fields.map((f) => ({ ...f, rule: slotOf(f.rule) })) }));
  let closures: CompiledRules | undefined;
  return {
    engine: new EnginePool(rules),
    closures: () => (closures ??= new CompiledRules(rules)),
    slots,
    slotOf: slotsOf(rules, slots),
    plans,
    entitlements,
    own,
  };
}

export interface Prepared {
  compiled: CompiledPolicy;
  rules: RuleSet;
  /** the rules of every per-subject entitlement, as one engine (coverage runs them per subject) */
  subjectRules?: { engine: EnginePool };
  /** per subject attribute of per-subject entitlements, in the order first named: the rules of its
   *  entitlements, run once per subject on that subject's view of the case */
  bySubject: { attribute: string; rules: EntitlementRules }[];
  /** per entitlement answered per event (`each`): its rules, run once per event as of its instant */
  eachRules: Map<string, RuleSet>;
  /** the same, in the policy's order, with what each is answered per */
  perEvent: { id: string; each: NonNullable<Entitlement['each']>; rules: EntitlementRules }[];
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
  const plan = answerPlan(compiled);
  const perSubject = plan.entitlements.filter((e) => e.subject !== undefined);
  const attributes = [...new Set(perSubject.map((e) => e.subject!))];
  const perEvent = plan.entitlements.flatMap((e) => (e.each ? [{ id: e.id, each: e.each, rules: entitlementRules(compiled, plan, [e]) }] : []));
  const p: Prepared = {
    compiled,
    rules: policyRules(compiled.rules, plan),
    ...(perSubject.length ? { subjectRules: entitlementRules(compiled, plan, perSubject) } : {}),
    bySubject: attributes.map((attribute) => ({
      attribute,
      rules: entitlementRules(
        compiled,
        plan,
        perSubject.filter((e) => e.subject === attribute),
      ),
    })),
    eachRules: new Map(perEvent.map((e) => [e.id, e.rules])),
    perEvent,
    calendars: buildCalendars(compiled.policy.calendars, compiled.policy.zone),
    countryHolidays: Object.values(compiled.policy.calendars ?? {}).some((c) => c.holidays?.some((h) => 'country' in h)),
    plan,
  };
  prepared.set(compiled, p);
  return p;
}

const NO_CONDITIONS: readonly EvaluatedCondition[] = [];

/** A run's rule results placed in the rule set's slots. */
function place(runs: readonly (RuleResult | RuleRun)[], set: RuleSet, repeated: boolean): Outcomes {
  const out = new Array<RuleOutcome | undefined>(set.plans.length);
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    const at = set.slots.get(String(r.name));
    if (at === undefined) continue;
    const plan = repeated ? rulePlan(r.conditions, set.plans[at].label) : set.plans[at];
    const all = (r.conditions as unknown as { all?: EvaluatedCondition[] }).all ?? NO_CONDITIONS;
    out[at] = { result: r.result === true, conditions: all, plan, notes: undefined, notesOf: undefined };
  }
  return out;
}

/** Answers a case (an object as in contract.md) under a compiled policy; throws SlaError for an
 *  invalid case. The case is read, not copied, while the call runs (its events' own objects hold
 *  their attributes): it must not change until the answer is given, and its values are plain data
 *  (a getter could give another value each time it is read). */
export async function evaluate(policy: CompiledPolicy, input: Case, options: EvaluateOptions = {}): Promise<Answer> {
  const backend = options.engine ?? 'compiled';
  if (!BACKENDS.includes(backend)) throw new SlaError([badUsage(`unknown engine ${quoteValue(backend)}`, `use ${BACKENDS.join(' or ')}`)]);
  const level = options.explain ?? 'full';
  if (!EXPLAIN_LEVELS.includes(level)) throw new SlaError([badUsage(`unknown explain level ${quoteValue(level)}`, `use ${EXPLAIN_LEVELS.join(', ')}`)]);
  const { compiled, rules, bySubject, perEvent, calendars, countryHolidays, plan } = prepare(policy);
  const p = compiled.policy;
  if (countryHolidays) await loadHolidayData();
  const lang = options.lang ?? 'en';
  if (!LANGUAGE.test(lang)) throw new SlaError([unsupportedLanguage(lang)]);

  let rt: Runtime;
  try {
    rt = createRuntime(p, calendars, validateCase(p, input), compiled.rules);
  } catch (e) {
    if (e instanceof SlaError && (options.file || options.locate)) throw new SlaError(placeDiagnostics(e.diagnostics, options));
    throw e;
  }

  // the closures run synchronously: only json-rules-engine's runs are awaited
  const run = backend === 'compiled' ? runClosures : runEngine;
  const first = run(rules, rt, plan.repeated);
  const outcomes = first instanceof Promise ? await first : first;
  const zone = p.zone;
  const warnings: string[] = rt.kase.later.map((e) => `event ${e.index + 1} (${e.type} at ${formatInstant(e.at, zone)}) is after \`at\` and was ignored`);
  // Per cited clause, in the order first cited: the traces of the conditions that decided its items.
  const traces = new Map<string, ConditionTrace[]>();
  const cite = (clause: string, more?: ConditionTrace[]): ConditionTrace[] | undefined => {
    if (level === 'none') return undefined;
    let list = traces.get(clause);
    if (!list) traces.set(clause, (list = more ?? []));
    else if (more) for (let k = 0; k < more.length; k++) list.push(more[k]);
    return list;
  };
  const full = level === 'full';
  const explain: MapContext['explain'] = (clause, o, item, on = rt) => {
    const list = cite(clause);
    if (list && full) addTraces(list, o, item, on, zone);
  };

  // Entitlements answered per subject, then per event, that the case's plans give: an item per run,
  // made right after the run, which is dropped then (not kept until the answer is put together).
  const runItems: MapContext['runItems'] = new Map();
  const itemsOf = (set: EntitlementRules): ItemsOfRuns[] => {
    const out: ItemsOfRuns[] = [];
    for (let k = 0; k < set.own.length; k++) {
      const o = outcomes[set.own[k].rule];
      if (o === undefined || !inPlan(o)) continue;
      const made = new ItemsOfRuns(set.entitlements[k], full ? zone : undefined);
      runItems.set(made.e.id, made);
      out.push(made);
    }
    return out;
  };
  for (let a = 0; a < bySubject.length; a++) {
    const { attribute, rules: set } = bySubject[a];
    const mapped = itemsOf(set);
    if (!mapped.length) continue;
    const subjects = rt.subjects(attribute);
    const slots = new Slots(set);
    for (let s = 0; s < subjects.length; s++) {
      const scoped = rt.forSubject(attribute, subjects[s]);
      const ran = run(set, scoped, plan.repeated, slots);
      const subjectOutcomes = ran instanceof Promise ? await ran : ran;
      for (let m = 0; m < mapped.length; m++) mapped[m].add(scoped, subjectOutcomes, subjects[s]);
    }
  }
  // a run for such an event made now, then one per event, as of its instant
  for (let k = 0; k < perEvent.length; k++) {
    const { each, rules: set } = perEvent[k];
    const [made] = itemsOf(set);
    if (!made) continue;
    const views = rt.perEvent(each);
    const slots = new Slots(set);
    for (let v = 0; v < views.length; v++) {
      const ran = run(set, views[v].rt, plan.repeated, slots);
      made.add(views[v].rt, ran instanceof Promise ? await ran : ran, views[v].subject);
    }
  }

  const ctx: MapContext = { rt, plan, outcomes, runItems, explain, traced: full, cite, warnings };
  const policyId = { id: p.id, version: p.version };
  const at = formatInstant(rt.kase.at, zone);
  // the items in the order of the answer's keys (a key spread in would be one more object per answer)
  const answer: Answer = p.amounts
    ? {
        policy: policyId,
        at,
        plans: rt.kase.plans,
        deadlines: mapDeadlines(ctx),
        entitlements: mapEntitlements(ctx),
        amounts: mapAmounts(ctx),
        refund: mapRefund(ctx),
        credits: mapCredits(ctx),
        warnings,
        explanations: {},
      }
    : {
        policy: policyId,
        at,
        plans: rt.kase.plans,
        deadlines: mapDeadlines(ctx),
        entitlements: mapEntitlements(ctx),
        refund: mapRefund(ctx),
        credits: mapCredits(ctx),
        warnings,
        explanations: {},
      };
  const texts = clauseTexts(p, lang);
  traces.forEach((conditions, clause) => (answer.explanations[clause] = explainClause(p, texts, clause, lang, conditions)));
  return answer;
}

async function runEngine(rules: RuleSet, rt: Runtime, repeated: boolean, _slots?: Slots): Promise<Outcomes> {
  const { results, failureResults } = await rules.engine.with((engine) => engine.run(runFacts(rt)));
  return place([...results, ...failureResults], rules, repeated);
}

/** The outcomes of a rule set's closure runs, by slot. The runs of a set made again and again in
 *  one evaluation (per subject, per event) share one: each run's outcomes are read before the next
 *  run, which sets the same objects (and the same conditions' results) again instead of making new
 *  ones (every rule runs each time). */
class Slots implements RuleTaker {
  readonly out: (RuleOutcome | undefined)[];
  constructor(private readonly set: RuleSet) {
    this.out = new Array<RuleOutcome | undefined>(set.plans.length);
  }

  take(rule: number, result: boolean, all: EvaluatedNode[] | undefined): void {
    const at = this.set.slotOf[rule];
    if (at < 0) return;
    const conditions = all ?? NO_CONDITIONS;
    const o = this.out[at];
    if (o === undefined) this.out[at] = { result, conditions, plan: this.set.plans[at], notes: undefined, notesOf: undefined };
    else {
      o.result = result;
      o.conditions = conditions;
      o.notes = undefined;
      o.notesOf = undefined;
    }
  }

  previous(rule: number): EvaluatedNode[] | undefined {
    const at = this.set.slotOf[rule];
    const conditions = at < 0 ? undefined : this.out[at]?.conditions;
    return conditions === undefined || conditions === NO_CONDITIONS ? undefined : (conditions as EvaluatedNode[]);
  }
}

function runClosures(rules: RuleSet, rt: Runtime, repeated: boolean, slots = new Slots(rules)): Outcomes {
  // a repeated name's outcome is worded from its own conditions, which only `run` keeps
  if (repeated) return place(rules.closures().run(rt), rules, true);
  rules.closures().each(rt, slots);
  return slots.out;
}
