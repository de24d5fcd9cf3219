// Explanations: a clause's source text in the asked language, its assumptions, and the
// conditions that decided each item, with the values they saw.
import type { ConditionTrace, Explanation } from '../answer.ts';
import { formatInstant } from '../calendar/index.ts';
import type { Policy } from '../ir/schema.ts';

export interface EvaluatedCondition {
  name: string;
  description: string;
  reason?: string;
  fact: string;
  params?: unknown;
  operator?: string;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
  /** the alternatives of an `any` condition */
  any?: EvaluatedCondition[];
}

const INSTANT_FACTS = new Set(['sla:instant', 'sla:now', 'sla:paused_since']);

export function showValue(fact: string, v: unknown, zone: string): unknown {
  if (typeof v === 'number' && INSTANT_FACTS.has(fact)) return formatInstant(v, zone);
  if (Array.isArray(v) && v.length && typeof v[0] === 'object') return `${v.length} item(s)`;
  return v === undefined ? null : v;
}

/** A condition's trace; `pending` names the pending instants it compared (evaluate/pending-notes.ts). */
export function trace(c: EvaluatedCondition, zone: string, item: string, pending: string[] = []): ConditionTrace {
  const check = `${item}: ${c.reason ?? c.description}`;
  const notes = pending.length ? { pending } : {};
  if (c.any)
    return {
      check,
      saw: c.any.map((x) => `${x.result ? 'holds' : 'does not hold'}: ${x.reason ?? x.description}`),
      expected: 'at least one holds',
      result: c.result === true,
      ...notes,
    };
  // Instant against now: show now as what was seen, the instant as what it must precede or follow.
  const relation = c.operator === 'instantAtOrBefore' ? 'at or after' : c.operator?.startsWith('instantAfter') ? 'before' : undefined;
  if (relation)
    return {
      check,
      saw: showValue('sla:now', c.valueResult, zone),
      expected:
        c.factResult === null || c.factResult === undefined ? `${relation} a pending instant` : `${relation} ${showValue('sla:instant', c.factResult, zone)}`,
      result: c.result === true,
      ...notes,
    };
  const valueFact = typeof c.valueResult === 'number' && (c.fact === 'sla:instant' || c.fact === 'sla:now') ? 'sla:instant' : c.fact;
  return {
    check,
    saw: showValue(c.fact, c.factResult, zone),
    expected: showValue(valueFact, c.valueResult, zone),
    result: c.result === true,
    ...notes,
  };
}

/** Picks the text of a language, falling back to the policy's first source language. */
export function pickText(text: Record<string, string>, lang: string, fallback: string): { text: string; lang: string } {
  if (Object.hasOwn(text, lang)) return { text: text[lang], lang };
  if (Object.hasOwn(text, fallback)) return { text: text[fallback], lang: fallback };
  const [first] = Object.entries(text);
  return first ? { text: first[1], lang: first[0] } : { text: '', lang };
}

// A clause's text, source and assumptions depend on the policy and the language alone: built once.
const clauseTexts = new WeakMap<Policy, Map<string, Omit<Explanation, 'conditions'>>>();

export function explainClause(p: Policy, clauseId: string, lang: string, conditions: ConditionTrace[]): Explanation {
  let texts = clauseTexts.get(p);
  if (!texts) clauseTexts.set(p, (texts = new Map()));
  const key = `${lang}\0${clauseId}`;
  let base = texts.get(key);
  if (!base) texts.set(key, (base = clauseText(p, clauseId, lang)));
  // every answer gets lists of its own
  return { ...base, assumptions: [...base.assumptions], conditions };
}

function clauseText(p: Policy, clauseId: string, lang: string): Omit<Explanation, 'conditions'> {
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
