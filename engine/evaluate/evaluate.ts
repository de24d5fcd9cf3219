// The evaluator: validates the case, runs the compiled rules through json-rules-engine with the
// runtime's facts, and maps the rule results back to the Answer of contract.md.
import type { Engine, RuleResult } from 'json-rules-engine';
import type { Answer, ConditionTrace } from '../answer.ts';
import { buildCalendars, formatInstant, loadHolidayData, type BusinessCalendar } from '../calendar/index.ts';
import { validateCase } from '../case/validate-case.ts';
import { compilePolicy } from '../compile/compile-policy.ts';
import { placeDiagnostics, SlaError, unsupportedLanguage } from '../diagnostics/index.ts';
import type { Policy } from '../ir/schema.ts';
import type { CompiledPolicy, LoadedPolicy, Locator } from '../policy-types.ts';
import { createEngine, runFacts } from '../runtime/register.ts';
import { Runtime } from '../runtime/runtime.ts';
import { mapCredits } from './map-credits.ts';
import { mapDeadlines } from './map-deadlines.ts';
import { mapEntitlements } from './map-entitlements.ts';
import { mapRefund } from './map-refund.ts';
import { explainClause, trace, type EvaluatedCondition } from './explain.ts';

export interface EvaluateOptions {
  /** language of explanations: en (default), uk, fa */
  lang?: string;
  /** the case's file name and source map, so case diagnostics carry file:line:column */
  file?: string;
  locate?: Locator;
}

export interface Prepared {
  compiled: CompiledPolicy;
  engine: Engine;
  /** the rules of per-subject entitlements, run once per subject on that subject's view of the case */
  subjectEngine?: Engine;
  calendars: Map<string, BusinessCalendar>;
}

const prepared = new WeakMap<object, Prepared>();

/** Compiles (once per policy object) and builds the engine and calendars it needs. */
export function prepare(policy: LoadedPolicy | CompiledPolicy | Policy): Prepared {
  const hit = prepared.get(policy);
  if (hit) return hit;
  const compiled = 'kind' in policy && policy.kind === 'compiled' ? (policy as CompiledPolicy) : compilePolicy(policy as LoadedPolicy | Policy);
  const perSubject = new Set((compiled.policy.entitlements ?? []).filter((e) => e.subject !== undefined).map((e) => e.id));
  const subjectRules = compiled.rules.filter((r) => perSubject.has(String((r.event.params as { id?: string } | undefined)?.id)) && /^(entitlement|field):/.test(String(r.name)));
  const p: Prepared = {
    compiled,
    engine: createEngine(compiled.rules),
    ...(subjectRules.length ? { subjectEngine: createEngine(subjectRules) } : {}),
    calendars: buildCalendars(compiled.policy.calendars, compiled.policy.zone),
  };
  prepared.set(policy, p);
  return p;
}

export interface RuleOutcome {
  name: string;
  result: boolean;
  conditions: EvaluatedCondition[];
}

function outcome(r: RuleResult): RuleOutcome {
  const all = ((r.conditions as unknown as { all?: EvaluatedCondition[] }).all ?? []) as EvaluatedCondition[];
  return { name: String(r.name), result: r.result === true, conditions: all };
}

/** Answers a case (an object as in contract.md) under a policy; throws SlaError for an invalid case. */
export async function evaluate(policy: LoadedPolicy | CompiledPolicy | Policy, input: unknown, options: EvaluateOptions = {}): Promise<Answer> {
  const { compiled, engine, subjectEngine, calendars } = prepare(policy);
  const p = compiled.policy;
  if (usesCountryHolidays(p)) await loadHolidayData();
  const lang = options.lang ?? 'en';
  if (!/^[a-z]{2}$/.test(lang)) throw new SlaError([unsupportedLanguage(lang)]);

  let rt: Runtime;
  try {
    rt = new Runtime(p, calendars, validateCase(p, input), compiled.rules);
  } catch (e) {
    if (e instanceof SlaError && (options.file || options.locate))
      throw new SlaError(placeDiagnostics(e.diagnostics, options));
    throw e;
  }

  const outcomes = await run(engine, rt);
  // Per-subject entitlements: one run per distinct value of the subject attribute.
  const subjectRuns: MapContext['subjectRuns'] = new Map();
  if (subjectEngine)
    for (const attribute of new Set((p.entitlements ?? []).map((e) => e.subject).filter((a): a is string => a !== undefined))) {
      const runs = [];
      for (const subject of rt.subjects(attribute)) {
        const scoped = rt.forSubject(attribute, subject);
        runs.push({ subject, rt: scoped, outcomes: await run(subjectEngine, scoped) });
      }
      subjectRuns.set(attribute, runs);
    }

  const zone = p.zone;
  const warnings: string[] = rt.kase.later.map(
    (e) => `event ${e.index + 1} (${e.type} at ${formatInstant(e.at, zone)}) is after \`at\` and was ignored`,
  );
  const traces = new Map<string, ConditionTrace[]>();
  const explain = (clause: string, item: string, conditions: EvaluatedCondition[]) => {
    const list = traces.get(clause) ?? [];
    list.push(...conditions.map((c) => trace(c, zone, item)));
    traces.set(clause, list);
  };

  const ctx: MapContext = { rt, outcomes, subjectRuns, explain, warnings };
  const answer: Answer = {
    policy: { id: p.id, version: p.version },
    at: formatInstant(rt.kase.at, zone),
    plans: rt.kase.plans,
    deadlines: mapDeadlines(ctx),
    entitlements: mapEntitlements(ctx),
    refund: mapRefund(ctx),
    credits: mapCredits(ctx),
    warnings,
    explanations: {},
  };
  for (const [clause, conditions] of traces) answer.explanations[clause] = explainClause(p, clause, lang, conditions);
  return answer;
}

const usesCountryHolidays = (p: Policy) =>
  Object.values(p.calendars ?? {}).some((c) => c.holidays?.some((h) => 'country' in h));

async function run(engine: Engine, rt: Runtime): Promise<Map<string, RuleOutcome>> {
  const { results, failureResults } = await engine.run(runFacts(rt));
  return new Map([...results, ...failureResults].map((r) => [String(r.name), outcome(r)]));
}

export interface MapContext {
  rt: Runtime;
  outcomes: Map<string, RuleOutcome>;
  /** per subject attribute: each subject's view of the case and its rule outcomes */
  subjectRuns: Map<string, { subject: string; rt: Runtime; outcomes: Map<string, RuleOutcome> }[]>;
  explain: (clause: string, item: string, conditions: EvaluatedCondition[]) => void;
  warnings: string[];
}
