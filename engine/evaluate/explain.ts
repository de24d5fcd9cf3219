// Explanations: a clause's source text in the asked language, its assumptions, and the
// conditions that decided each item, with the values they saw.
import type { ConditionTrace, Explanation } from '../answer.ts';
import { formatInstant } from '../calendar/index.ts';
import type { Policy } from '../ir/schema.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ConditionPlan } from './condition-plan.ts';

/** A condition as either backend leaves it: its JSON properties with the results of the run. */
export interface EvaluatedCondition {
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
  /** the alternatives of an `any` condition */
  any?: EvaluatedCondition[];
}

/** The same read once into one shape (the backends' objects differ in shape from condition to
 *  condition): whether it held (undefined: the run did not reach it), the value of its fact, the
 *  value it was compared with, and the alternatives of an `any`. */
export interface Seen {
  result: boolean | undefined;
  fact: unknown;
  value: unknown;
  any: Seen[] | undefined;
  /** its pending notes once asked, and of which run (evaluate/pending-notes.ts) */
  notes: readonly string[] | undefined;
  notesOf: Runtime | undefined;
}

export function seen(c: EvaluatedCondition, plan: ConditionPlan): Seen {
  const alternatives = plan.any && c.any;
  return {
    result: c.result,
    fact: c.factResult,
    value: c.valueResult,
    any: alternatives ? alternatives.map((x, i) => seen(x, plan.any![i])) : undefined,
    notes: undefined,
    notesOf: undefined,
  };
}

/** A value as a trace shows it: an instant as a text, a list of records by its length. A list or
 *  record is the answer's own unless frozen: it may be the compiled rule's, shared by every answer. */
export function showValue(instant: boolean, v: unknown, zone: string): unknown {
  if (instant && typeof v === 'number') return formatInstant(v, zone);
  if (v === undefined) return null;
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v) && v.length && typeof v[0] === 'object') return `${v.length} item(s)`;
  return Object.isFrozen(v) ? v : structuredClone(v);
}

/** A condition's trace; `pending` names the pending instants it compared (evaluate/pending-notes.ts). */
export function trace(plan: ConditionPlan, c: Seen, zone: string, check: string, pending: readonly string[]): ConditionTrace {
  let out: ConditionTrace;
  if (plan.any) {
    const alternatives = c.any!;
    const saw: string[] = new Array(alternatives.length);
    for (let i = 0; i < alternatives.length; i++) saw[i] = alternatives[i].result ? plan.any[i].holds : plan.any[i].fails;
    out = { check, saw, expected: 'at least one holds', result: c.result === true };
  } else if (plan.relation)
    // Instant against now: show now as what was seen, the instant as what it must precede or follow.
    out = {
      check,
      saw: showValue(true, c.value, zone),
      expected: c.fact === null || c.fact === undefined ? plan.pendingExpected : `${plan.relation} ${showValue(true, c.fact, zone)}`,
      result: c.result === true,
    };
  else
    out = {
      check,
      saw: showValue(plan.factIsInstant, c.fact, zone),
      expected: showValue(plan.factIsInstant || (plan.valueIsInstant && typeof c.value === 'number'), c.value, zone),
      result: c.result === true,
    };
  if (pending.length) out.pending = pending.slice(); // every answer gets a list of its own
  return out;
}

/** Picks the text of a language, falling back to the policy's first source language. */
export function pickText(text: Record<string, string>, lang: string, fallback: string): { text: string; lang: string } {
  if (Object.hasOwn(text, lang)) return { text: text[lang], lang };
  if (Object.hasOwn(text, fallback)) return { text: text[fallback], lang: fallback };
  const [first] = Object.entries(text);
  return first ? { text: first[1], lang: first[0] } : { text: '', lang };
}

type ClauseText = Omit<Explanation, 'conditions'>;

// A clause's text, source and assumptions depend on the policy and the language alone: built once.
const clauseTexts = new WeakMap<Policy, Map<string, Map<string, ClauseText>>>();

export function explainClause(p: Policy, clauseId: string, lang: string, conditions: ConditionTrace[]): Explanation {
  let byLang = clauseTexts.get(p);
  if (!byLang) clauseTexts.set(p, (byLang = new Map()));
  let texts = byLang.get(lang);
  if (!texts) byLang.set(lang, (texts = new Map()));
  let base = texts.get(clauseId);
  if (!base) texts.set(clauseId, (base = clauseText(p, clauseId, lang)));
  // every answer gets objects and lists of its own, the keys in the same order
  const out = { text: base.text, lang: base.lang } as Explanation;
  if ('source' in base) out.source = base.source;
  if ('title' in base) out.title = base.title;
  out.assumptions = base.assumptions.slice();
  out.conditions = conditions;
  return out;
}

function clauseText(p: Policy, clauseId: string, lang: string): ClauseText {
  const primary = p.sources[0]?.lang ?? 'en';
  const clause = p.clauses[clauseId];
  const { text, lang: used } = pickText(clause?.text ?? {}, lang, primary);
  const source = p.sources.find((s) => s.lang === used) ?? p.sources[0];
  return {
    text,
    lang: used,
    ...(source ? { source: source.rendering_of ? `${source.file} (${used} rendering of ${source.rendering_of})` : source.file } : {}),
    ...(clause?.title ? { title: clause.title } : {}),
    assumptions: (p.assumptions ?? []).filter((a) => a.clause === clauseId).map((a) => pickText(a.text, lang, primary).text),
  };
}
