// Explanations: a clause's source text in the asked language, its assumptions, and the
// conditions that decided each item, with the values they saw.
import type { ConditionTrace, Explanation } from '../answer.ts';
import { formatInstant } from '../calendar/index.ts';
import type { Policy } from '../ir/schema.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ConditionPlan } from './condition-plan.ts';
import type { EvaluatedCondition, RuleOutcome } from './map-context.ts';
import { conditionNotes } from './pending-notes.ts';

/** A value as a trace shows it: an instant as a text, a list of records by its length. A list or
 *  record is the answer's own unless frozen: it may be the compiled rule's, shared by every answer. */
export function showValue(instant: boolean, v: unknown, zone: string): unknown {
  if (instant && typeof v === 'number') return formatInstant(v, zone);
  if (v === undefined) return null;
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v) && v.length && typeof v[0] === 'object') return `${v.length} item(s)`;
  if (Object.isFrozen(v)) return v;
  return Array.isArray(v) && v.every(isScalar) ? v.slice() : structuredClone(v);
}

const isScalar = (x: unknown) => typeof x !== 'object' || x === null;

/** A condition's trace; `pending` names the pending instants it compared (evaluate/pending-notes.ts). */
export function trace(plan: ConditionPlan, c: EvaluatedCondition, zone: string, check: string, pending: readonly string[]): ConditionTrace {
  let saw: unknown;
  let expected: unknown;
  if (plan.any) {
    const alternatives = c.any!;
    const words: string[] = new Array(alternatives.length);
    for (let i = 0; i < alternatives.length; i++) words[i] = alternatives[i].result ? plan.any[i].holds : plan.any[i].fails;
    saw = words;
    expected = 'at least one holds';
  } else if (plan.relation) {
    // Instant against now: show now as what was seen, the instant as what it must precede or follow.
    saw = showValue(true, c.valueResult, zone);
    expected = c.factResult === null || c.factResult === undefined ? plan.pendingExpected : `${plan.relation} ${showValue(true, c.factResult, zone)}`;
  } else {
    saw = showValue(plan.factIsInstant, c.factResult, zone);
    expected = showValue(plan.factIsInstant || (plan.valueIsInstant && typeof c.valueResult === 'number'), c.valueResult, zone);
  }
  // one literal either way (a key added later is kept out of line); every answer gets a list of its own
  return pending.length ? { check, saw, expected, result: c.result === true, pending: pending.slice() } : { check, saw, expected, result: c.result === true };
}

/** Appends the traces of an outcome's conditions, seen on the run `on`; `item` labels an item per subject. */
export function addTraces(list: ConditionTrace[], o: RuleOutcome, item: string | undefined, on: Runtime, zone: string): void {
  const { conditions: plans, checks } = o.plan;
  const conditions = o.conditions;
  for (let i = 0; i < conditions.length; i++) {
    const cp = plans[i];
    list.push(trace(cp, conditions[i], zone, item === undefined ? checks[i] : item + cp.afterLabel, conditionNotes(o, i, on)));
  }
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
const textsOf = new WeakMap<Policy, Map<string, Map<string, ClauseText>>>();

/** The clause texts of a policy in a language, made as they are first asked for. */
export function clauseTexts(p: Policy, lang: string): Map<string, ClauseText> {
  let byLang = textsOf.get(p);
  if (!byLang) textsOf.set(p, (byLang = new Map()));
  let texts = byLang.get(lang);
  if (!texts) byLang.set(lang, (texts = new Map()));
  return texts;
}

export function explainClause(p: Policy, texts: Map<string, ClauseText>, clauseId: string, lang: string, conditions: ConditionTrace[]): Explanation {
  let base = texts.get(clauseId);
  if (!base) texts.set(clauseId, (base = clauseText(p, clauseId, lang)));
  // every answer gets objects and lists of its own, the keys in the same order (each shape one literal)
  const { text, lang: used, source, title } = base;
  const assumptions = base.assumptions.slice();
  if (source === undefined) return title === undefined ? { text, lang: used, assumptions, conditions } : { text, lang: used, title, assumptions, conditions };
  return title === undefined ? { text, lang: used, source, assumptions, conditions } : { text, lang: used, source, title, assumptions, conditions };
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
