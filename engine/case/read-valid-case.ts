// The fast reading of a case: one pass over its fields and events against the policy's prepared
// declarations, building no message, path or closure. It accepts exactly what the careful
// validator accepts and returns the same normalised case; at the first thing it does not like it
// gives up (undefined), and the careful validator, which words every problem, takes over.
import { parseInstant } from '../calendar/index.ts';
import type { Policy } from '../ir/schema.ts';
import { isOfType } from '../ir/value-types.ts';
import { numberProblem } from '../ir/number-limits.ts';
import type { CaseEvent, NormalizedCase, Scalar } from './case-model.ts';
import { caseDeclarations, type Fill, type ValueRule } from './case-declarations.ts';
import { sortByTime } from './sort-by-time.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const instant = (v: unknown): number | undefined => {
  if (typeof v !== 'string') return undefined;
  const r = parseInstant(v);
  return typeof r === 'number' ? r : undefined;
};

/** The careful validator's checks of one value (type, range, enum, minimum, percentage), as one test. */
function fits(rule: ValueRule, v: unknown): boolean {
  if (!isOfType(rule.type, v)) return false;
  if (typeof v === 'number' && (numberProblem(v) !== undefined || v < rule.minimum || (rule.percent && v > 100))) return false;
  if (rule.texts !== undefined) return rule.texts[v as string] === true;
  return rule.values === undefined || rule.values.has(v as Scalar);
}

/** Fills in the declared names `given` leaves out; false when one of them has no default but is required. */
function fill(out: Record<string, Scalar>, given: object, fills: readonly Fill[]): boolean {
  for (const f of fills) {
    if (Object.hasOwn(given, f.name)) continue;
    if (f.default !== undefined) out[f.name] = f.default;
    else if (f.required) return false;
  }
  return true;
}

// `for…in` gives an object's own keys in the order Object.keys gives them, without making an array,
// when nothing it inherits is enumerable: its prototype is Object.prototype (or none), and
// Object.prototype has no enumerable key (checked once per case). The case, its plans and facts and
// each event are read so.
const listsOwnKeysOnly = (o: object) => {
  const proto: unknown = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
};
function objectPrototypeHasEnumerableKey(): boolean {
  for (const _ in Object.prototype) return true;
  return false;
}

const MAX_MOVES = 64;

/** The normalised case when `input` is a valid case under `policy`; undefined when it is not (or
 *  takes a form this reading leaves to the careful validator, such as a list with holes). */
export function readValidCase(policy: Policy, input: unknown): NormalizedCase | undefined {
  if (!isRecord(input) || objectPrototypeHasEnumerableKey() || !listsOwnKeysOnly(input)) return undefined;
  for (const key in input) if (key !== 'at' && key !== 'events' && key !== 'facts' && key !== 'plans' && key !== 'policy') return undefined;
  if (input.policy !== undefined && input.policy !== policy.id) return undefined;
  const at = instant(input.at);
  if (at === undefined) return undefined;
  const d = caseDeclarations(policy);

  const plans: Record<string, string> = {};
  const givenPlans = input.plans === undefined ? {} : input.plans;
  if (!isRecord(givenPlans) || !listsOwnKeysOnly(givenPlans)) return undefined;
  for (const dim in givenPlans) {
    const v = givenPlans[dim];
    if (typeof v !== 'string' || d.plans.get(dim)?.has(v) !== true) return undefined;
    plans[dim] = v;
  }
  if (!fill(plans, givenPlans, d.planFills)) return undefined;

  const facts: Record<string, Scalar> = {};
  const givenFacts = input.facts === undefined ? {} : input.facts;
  if (!isRecord(givenFacts) || !listsOwnKeysOnly(givenFacts)) return undefined;
  for (const name in givenFacts) {
    const rule = d.facts.get(name);
    const v = givenFacts[name];
    if (rule === undefined || !fits(rule, v)) return undefined;
    facts[name] = v as Scalar;
  }
  if (!fill(facts, givenFacts, d.factFills)) return undefined;

  const givenEvents = input.events === undefined ? [] : input.events;
  if (!Array.isArray(givenEvents)) return undefined;
  const events: CaseEvent[] = [];
  let moves = 0;
  let shuffled = false;
  for (let index = 0; index < givenEvents.length; index++) {
    const raw: unknown = givenEvents[index];
    if (!isRecord(raw)) return undefined;
    const type = raw.type;
    const rule = typeof type === 'string' ? d.events[type] : undefined;
    if (rule === undefined) return undefined;
    const start = instant(raw.at);
    if (start === undefined) return undefined;
    let until: number | undefined;
    if (raw.until !== undefined) {
      until = rule.duration ? instant(raw.until) : undefined;
      if (until === undefined || until < start) return undefined;
    }
    let given = 0;
    if (!listsOwnKeysOnly(raw)) return undefined;
    for (const name in raw) {
      if (name === 'type' || name === 'at' || name === 'until') continue;
      // attributes mostly come in the order they are declared in: try that place first
      const a = rule.names[given] === name ? rule.rules[given] : rule.attributes.get(name);
      if (a === undefined || !fits(a, raw[name])) return undefined;
      given++;
    }
    // Every declared attribute given: the event's own object is read for them, not a copy (a case
    // of many events would otherwise keep as many more objects through the evaluation). Attribute
    // names are never type, at or until, nor a name Object.prototype has, so only the given
    // attributes are ever read from it.
    let attrs = raw as Record<string, Scalar>;
    if (given < rule.fills.length) {
      attrs = {};
      for (const name in raw) if (name !== 'type' && name !== 'at' && name !== 'until') attrs[name] = raw[name] as Scalar;
      if (!fill(attrs, raw, rule.fills)) return undefined;
    }
    const event: CaseEvent = { index, type: rule.type, at: start, until, attrs };
    // Cases come nearly in time order: an event out of place is moved back to where it belongs,
    // while the moves stay within a budget linear in the events; past it, one sort at the end.
    // (An event moves back past later instants only, so events at the same instant stay in the
    // order of their index, which the sort relies on.)
    let k = events.length;
    if (!shuffled && k > 0 && events[k - 1].at > start) {
      for (; k > 0 && events[k - 1].at > start && moves < MAX_MOVES + index; k--, moves++) events[k] = events[k - 1];
      if (k > 0 && events[k - 1].at > start) shuffled = true;
    }
    events[k] = event;
  }

  if (shuffled) sortByTime(events);
  let happened = events.length;
  while (happened > 0 && events[happened - 1].at > at) happened--;
  let later: CaseEvent[] = [];
  if (happened < events.length) {
    // the events not happened yet cut off the list in place rather than copied out of it
    later = events.slice(happened);
    events.length = happened;
  }
  return { at, plans, facts, events, later };
}
