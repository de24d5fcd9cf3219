// What a compiled condition's trace and pending notes need of the condition itself — its words,
// how its values are shown, the instants it compares — worked out once per policy from the rule's
// JSON (which both backends evaluate position for position), so a call only fills in the values.
// Every plan has every property, so the code reading plans sees one shape.
import type { Hidden, Moment } from '../compile/fact-params.ts';
import type { Instant, Policy } from '../ir/schema.ts';

export interface ConditionPlan {
  name: unknown;
  description: unknown;
  /** `reason ?? description`, as the condition has it */
  words: unknown;
  /** the same in a text: what a trace's `check` and a reason quote */
  text: string;
  /** `: text`, what follows an item's label in the item's trace */
  afterLabel: string;
  /** the alternatives of an `any` condition */
  any: ConditionPlan[] | undefined;
  /** `holds: …` and `does not hold: …`, as an alternative of an `any` is shown */
  holds: string;
  fails: string;
  /** an instant compared against now: how the trace words what the instant must precede or follow */
  relation: string | undefined;
  /** its `expected` while the instant is pending */
  pendingExpected: string;
  fact: unknown;
  /** the fact's value is an instant (shown as a text) */
  factIsInstant: boolean;
  /** a number compared with it is an instant too */
  valueIsInstant: boolean;
  /** the instants it compares (its own, or in the query it passes to a fact), as of `at` with `hide` */
  compared: Instant[];
  /** `compared[0]` is the value the fact read (`sla:instant` without a `path`): pending when that value is null */
  readsOwn: boolean;
  at: Moment | undefined;
  hide: Hidden | undefined;
  /** the notes of `compared` pending, as worded for a policy (evaluate/pending-notes.ts): a cache,
   *  filled as they are first asked for, the same for every case */
  notes: KeptNotes | undefined;
}

export interface KeptNotes {
  policy: Policy;
  /** per compared instant, its note in a list of one; null when the note depends on the case */
  lists: (readonly string[] | null | undefined)[];
}

type Params = { expr?: Instant; condition?: { before?: Instant; after?: Instant; started_before?: Instant }; at?: Moment; hide?: Hidden };

const INSTANT_FACTS = new Set<unknown>(['sla:instant', 'sla:now', 'sla:paused_since']);
const NO_INSTANTS: Instant[] = [];

/** The plan of a condition as the compiled rule holds it (the evaluated conditions carry the same properties). */
export function conditionPlan(c: Record<string, unknown>): ConditionPlan {
  const words = c.reason ?? c.description;
  const text = `${words}`;
  const operator = c.operator as string | undefined;
  const relation = operator === 'instantAtOrBefore' ? 'at or after' : operator?.startsWith('instantAfter') ? 'before' : undefined;
  const p = (c.params ?? {}) as Params;
  const own = c.fact === 'sla:instant' && p.expr ? p.expr : undefined;
  const q = p.condition ?? {};
  const compared = own ? [own] : [q.before, q.after, q.started_before].filter((i): i is Instant => i !== undefined);
  return {
    name: c.name,
    description: c.description,
    words,
    text,
    afterLabel: `: ${text}`,
    any: Array.isArray(c.any) ? c.any.map((x) => conditionPlan((x ?? {}) as Record<string, unknown>)) : undefined,
    holds: `holds: ${text}`,
    fails: `does not hold: ${text}`,
    relation,
    pendingExpected: `${relation} a pending instant`,
    fact: c.fact,
    factIsInstant: INSTANT_FACTS.has(c.fact),
    valueIsInstant: c.fact === 'sla:instant' || c.fact === 'sla:now',
    compared: compared.length ? compared : NO_INSTANTS,
    readsOwn: own !== undefined && !c.path,
    at: p.at,
    hide: p.hide,
    notes: undefined,
  };
}

/** The plans of a rule's top-level `all` conditions, in order. */
export function conditionPlans(conditions: unknown): ConditionPlan[] {
  const all = (conditions as { all?: unknown } | undefined)?.all;
  return Array.isArray(all) ? all.map((c) => conditionPlan((c ?? {}) as Record<string, unknown>)) : [];
}
