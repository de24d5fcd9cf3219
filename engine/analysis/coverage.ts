// Coverage of a policy by test cases: each clause decided at least once, each compiled rule and
// each of its conditions seen both holding and failing, and the outcomes that matter for an SLA
// (a deadline pending, met and breached; a window open and closed; each refund rule deciding,
// each exclusion applying). Measured by running the compiled rules on the cases, as evaluate does.
import type { RuleProperties, RuleResult } from 'json-rules-engine';
import { loadHolidayData } from '../calendar/index.ts';
import { validateCase } from '../case/validate-case.ts';
import { parseRuleName } from '../compile/rule-name.ts';
import { evaluate, prepare } from '../evaluate/evaluate.ts';
import type { CompiledCondition } from '../compile/compile-condition.ts';
import type { CompiledPolicy } from '../policy-types.ts';
import { createRuntime } from '../runtime/create-runtime.ts';
import type { EnginePool } from '../runtime/engine-pool.ts';
import { runFacts } from '../runtime/run-facts.ts';
import type { Runtime } from '../runtime/runtime.ts';

export interface ConditionCoverage {
  /** position in the rule: "1", or "2/any/0" inside an `any` */
  at: string;
  /** the compiler's label: plan, until, when/0… */
  name: string;
  description: string;
  held: number;
  failed: number;
}

export interface RuleCoverage {
  rule: string;
  clause: string;
  held: number;
  failed: number;
  conditions: ConditionCoverage[];
}

export interface OutcomeCoverage {
  /** "deadline `first_response`", "window `re_migration`", "refund rule `unused`", "exclusion `x`" */
  item: string;
  wanted: string[];
  seen: string[];
}

export interface ClauseCoverage {
  clause: string;
  rules: string[];
  /** the most cases in which one of its rules held (the clause decided something) */
  held: number;
}

export interface Ratio {
  covered: number;
  total: number;
}

export interface Coverage {
  policy: string;
  cases: number;
  /** cases the policy refused (invalid for it): not counted */
  refused: number;
  clauses: ClauseCoverage[];
  rules: RuleCoverage[];
  outcomes: OutcomeCoverage[];
  totals: { clauses: Ratio; rules: Ratio; conditions: Ratio; outcomes: Ratio };
}

interface EvaluatedCondition {
  result?: boolean;
  any?: EvaluatedCondition[];
}

function conditionsOf(rule: RuleProperties): ConditionCoverage[] {
  const out: ConditionCoverage[] = [];
  const visit = (c: CompiledCondition, at: string) => {
    out.push({ at, name: c.name, description: c.description, held: 0, failed: 0 });
    if ('any' in c) c.any.forEach((x, i) => visit(x, `${at}/any/${i}`));
  };
  ((rule.conditions as { all: CompiledCondition[] }).all ?? []).forEach((c, i) => visit(c, String(i)));
  return out;
}

function clauseOf(rule: RuleProperties, compiled: CompiledPolicy): string {
  const params = (rule.event as { params?: { clause?: string; id?: string } }).params ?? {};
  if (params.clause) return params.clause;
  // Field rules carry no clause: theirs is their entitlement's.
  const id = parseRuleName(String(rule.name));
  const ent = id?.kind === 'field' ? compiled.policy.entitlements?.find((e) => e.id === id.entitlement) : undefined;
  return ent?.clause ?? '';
}

const ratio = (covered: number, total: number): Ratio => ({ covered, total });

/** Runs every case under the compiled policy and measures what the cases exercised. */
export async function measureCoverage(compiled: CompiledPolicy, cases: readonly unknown[]): Promise<Coverage> {
  const prepared = prepare(compiled);
  const { calendars } = prepared;
  const engine = prepared.rules.engine;
  const subjectEngine = prepared.subjectRules?.engine;
  const p = compiled.policy;
  if (Object.values(p.calendars ?? {}).some((c) => c.holidays?.some((h) => 'country' in h))) await loadHolidayData();
  const rules = new Map(
    compiled.rules.map((r) => [
      String(r.name),
      { rule: String(r.name), clause: clauseOf(r, compiled), held: 0, failed: 0, conditions: conditionsOf(r) } satisfies RuleCoverage,
    ]),
  );
  // Per-subject entitlements are decided by their runs on each subject's view of the case.
  const perSubject = new Set((p.entitlements ?? []).filter((e) => e.subject !== undefined).map((e) => e.id));
  const subjectRules = new Set(
    [...rules.keys()].filter((name) => {
      const id = parseRuleName(name);
      return (id?.kind === 'entitlement' || id?.kind === 'field') && perSubject.has(id.entitlement);
    }),
  );
  // Per-event entitlements, by theirs on each event's view (and on one for such an event made now).
  const perEvent = (p.entitlements ?? []).filter((e) => e.each !== undefined);
  const eventRule = (name: string) => {
    const id = parseRuleName(name);
    return (id?.kind === 'entitlement' || id?.kind === 'field') && perEvent.some((e) => e.id === id.entitlement);
  };

  const outcomes = new Map<string, OutcomeCoverage>();
  const want = (item: string, wanted: string[]) => outcomes.set(item, { item, wanted, seen: [] });
  for (const d of p.deadlines ?? []) if (d.report !== false) want(`deadline \`${d.id}\``, ['pending', 'met', 'breached']);
  for (const e of p.entitlements ?? []) if (e.until || e.opens || e.closed_by) want(`window \`${e.id}\``, ['open', 'closed']);
  for (const r of p.refund?.rules ?? []) {
    want(`refund rule \`${r.id}\``, ['decides']);
    for (const x of r.exclusions ?? []) want(`exclusion \`${x.id}\``, ['applies']);
  }
  const see = (item: string, what: string) => {
    const o = outcomes.get(item);
    if (o && !o.seen.includes(what)) o.seen.push(what);
  };

  const record = (results: RuleResult[], only: (name: string) => boolean) => {
    for (const r of results) {
      const c = rules.get(String(r.name));
      if (!c || !only(c.rule)) continue;
      if (r.result) c.held++;
      else c.failed++;
      const byAt = new Map(c.conditions.map((x) => [x.at, x]));
      const visit = (e: EvaluatedCondition, at: string) => {
        const x = byAt.get(at);
        if (x) x[e.result ? 'held' : 'failed']++;
        e.any?.forEach((y, i) => visit(y, `${at}/any/${i}`));
      };
      ((r.conditions as unknown as { all?: EvaluatedCondition[] }).all ?? []).forEach((e, i) => visit(e, String(i)));
      const id = parseRuleName(c.rule);
      if (r.result && id?.kind === 'exclusion') see(`exclusion \`${id.exclusion}\``, 'applies');
      // A window is seen closed only where its plan has it: "not in your plan" is not "closed now".
      if (id?.kind === 'entitlement') {
        const all = (r.conditions as unknown as { all?: (EvaluatedCondition & { name?: string })[] }).all ?? [];
        if (r.result) see(`window \`${id.entitlement}\``, 'open');
        else if (all.every((e) => e.name !== 'plan' || e.result)) see(`window \`${id.entitlement}\``, 'closed');
      }
    }
  };
  const run = async (pool: EnginePool, rt: Runtime) => {
    const { results, failureResults } = await pool.with((e) => e.run(runFacts(rt)));
    return [...results, ...failureResults];
  };

  let refused = 0;
  for (const input of cases) {
    let rt: Runtime;
    try {
      rt = createRuntime(p, calendars, validateCase(p, input), compiled.rules);
    } catch (e) {
      if ((e as { diagnostics?: unknown }).diagnostics) {
        refused++;
        continue;
      }
      throw e;
    }
    record(await run(engine, rt), (name) => !subjectRules.has(name) && !eventRule(name));
    for (const e of perEvent) {
      const pool = prepared.eachRules.get(e.id)!.engine;
      for (const view of rt.perEvent(e.each!)) record(await run(pool, view.rt), () => true);
    }
    if (subjectEngine)
      for (const attribute of new Set((p.entitlements ?? []).map((e) => e.subject).filter((a): a is string => a !== undefined)))
        for (const subject of rt.subjects(attribute)) record(await run(subjectEngine, rt.forSubject(attribute, subject)), (name) => subjectRules.has(name));
    const answer = await evaluate(compiled, input as never);
    for (const d of answer.deadlines) see(`deadline \`${d.id}\``, d.status);
    if (answer.refund?.rule) see(`refund rule \`${answer.refund.rule}\``, 'decides');
  }

  const ruleList = [...rules.values()];
  const clauses = [...new Set(ruleList.map((r) => r.clause))].filter(Boolean).map((clause): ClauseCoverage => {
    const own = ruleList.filter((r) => r.clause === clause);
    return { clause, rules: own.map((r) => r.rule), held: Math.max(0, ...own.map((r) => r.held)) };
  });
  const conditions = ruleList.flatMap((r) => r.conditions);
  const outcomeList = [...outcomes.values()];
  return {
    policy: p.id,
    cases: cases.length - refused,
    refused,
    clauses,
    rules: ruleList,
    outcomes: outcomeList,
    totals: {
      clauses: ratio(clauses.filter((c) => c.held > 0).length, clauses.length),
      // A rule without conditions (an entitlement for everyone) cannot fail: not counted.
      rules: ratio(ruleList.filter((r) => r.conditions.length && r.held > 0 && r.failed > 0).length, ruleList.filter((r) => r.conditions.length).length),
      conditions: ratio(conditions.filter((c) => c.held > 0 && c.failed > 0).length, conditions.length),
      outcomes: ratio(
        outcomeList.reduce((n, o) => n + o.seen.length, 0),
        outcomeList.reduce((n, o) => n + o.wanted.length, 0),
      ),
    },
  };
}
