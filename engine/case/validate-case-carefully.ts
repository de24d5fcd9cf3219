// Checks a case against the policy's declarations and normalises it, the careful way: every
// problem names the field (a JSON pointer into the case), what was expected and what the policy
// accepts. `validateCase` comes here only when its fast reading of a valid case gives up.
import { parseInstant } from '../calendar/index.ts';
import {
  badInstant,
  caseForOtherPolicy,
  caseNumberOutOfRange,
  caseNotMapping,
  DiagnosticList,
  listOf,
  missingValue,
  negativeQuantity,
  notAnInstant,
  notDeclaredCaseValue,
  percentOutsideRange,
  quoteName,
  SlaError,
  unknownCaseField,
  unknownEventAttribute,
  unknownInCase,
  unknownPlanOption,
  untilBeforeAt,
  untilWithoutDuration,
  wrongCaseShape,
  wrongCaseValue,
  type Diagnostic,
} from '../diagnostics/index.ts';
import type { AttributeDecl, FactDecl, Policy } from '../ir/schema.ts';
import { isOfType, withArticle } from '../ir/value-types.ts';
import type { CaseEvent, NormalizedCase, Scalar } from './case-model.ts';
import { pointerPart } from '../ir/json-pointer.ts';
import { numberProblem } from '../ir/number-limits.ts';
import { percentInputs } from '../ir/amount.ts';

const CASE_KEYS = ['policy', 'at', 'plans', 'facts', 'events'];
const EVENT_KEYS = ['type', 'at', 'until'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateCaseCarefully(policy: Policy, input: unknown): NormalizedCase {
  // Bounded: a case with 100 000 bad events yields the first problems and how many more there are.
  const out = new DiagnosticList();
  const err = (d: Diagnostic) => out.push(d);
  const bail = () => new SlaError(out.list());
  const percents = percentInputs(policy);
  /** A value the policy reads as a percentage must lie in 0–100 (the sign is checked already). */
  const percent = (v: unknown, path: string, what: string): boolean => {
    if (typeof v !== 'number' || v <= 100) return true;
    err(percentOutsideRange(what, v, path));
    return false;
  };

  if (!isRecord(input)) {
    err(caseNotMapping());
    throw bail();
  }
  for (const key of Object.keys(input)) if (!CASE_KEYS.includes(key)) err(unknownCaseField(key, `/${pointerPart(key)}`));
  if (input.policy !== undefined && input.policy !== policy.id) err(caseForOtherPolicy(input.policy, policy.id));

  // Paths (and names) are written only for a problem: a valid case of thousands of events builds none.
  const instant = (v: unknown, path: () => string): number | undefined => {
    if (typeof v !== 'string') {
      err(notAnInstant(v, path()));
      return undefined;
    }
    const r = parseInstant(v);
    if (typeof r === 'number') return r;
    err(badInstant(r.error, path()));
    return undefined;
  };

  // at
  const at =
    input.at === undefined
      ? (err(missingValue('the case has no `at`: the instant the questions are asked at', '/at')), undefined)
      : instant(input.at, () => '/at');

  // plans
  const plans: Record<string, string> = {};
  const givenPlans = input.plans === undefined ? {} : input.plans;
  if (!isRecord(givenPlans)) err(wrongCaseShape('`plans` must be a mapping of plan dimension to option', '/plans'));
  else {
    for (const [dim, v] of Object.entries(givenPlans)) {
      const decl = Object.hasOwn(policy.plans, dim) ? policy.plans[dim] : undefined;
      if (!decl) {
        err(unknownInCase('plan dimension', dim, Object.keys(policy.plans), policy.id, `/plans/${pointerPart(dim)}`));
        continue;
      }
      if (typeof v !== 'string' || !decl.options.includes(v)) {
        err(unknownPlanOption(v, dim, decl.options, `/plans/${pointerPart(dim)}`));
        continue;
      }
      plans[dim] = v;
    }
    for (const [dim, decl] of Object.entries(policy.plans)) {
      if (plans[dim] !== undefined || Object.hasOwn(givenPlans, dim)) continue;
      if (decl.default !== undefined) plans[dim] = decl.default;
      else err(missingValue(`missing plan ${quoteName(dim)}`, '/plans', `choose one of ${listOf(decl.options)}`));
    }
  }

  // facts
  const facts: Record<string, Scalar> = {};
  const declaredFacts = policy.facts ?? {};
  const givenFacts = input.facts === undefined ? {} : input.facts;
  if (!isRecord(givenFacts)) err(wrongCaseShape('`facts` must be a mapping of fact name to value', '/facts'));
  else {
    for (const [name, v] of Object.entries(givenFacts)) {
      const decl = Object.hasOwn(declaredFacts, name) ? declaredFacts[name] : undefined;
      if (!decl) {
        err(unknownInCase('fact', name, Object.keys(declaredFacts), policy.id, `/facts/${pointerPart(name)}`));
        continue;
      }
      const ok =
        checkValue(decl, v, () => [`/facts/${pointerPart(name)}`, `fact ${quoteName(name)}`], err) &&
        (!percents.facts.has(name) || percent(v, `/facts/${pointerPart(name)}`, `fact ${quoteName(name)}`));
      if (ok) facts[name] = v as Scalar;
    }
    for (const [name, decl] of Object.entries(declaredFacts))
      if (facts[name] === undefined && decl.default !== undefined && !Object.hasOwn(givenFacts, name)) facts[name] = decl.default;
  }

  // events
  const events: CaseEvent[] = [];
  const givenEvents = input.events === undefined ? [] : input.events;
  if (!Array.isArray(givenEvents)) err(wrongCaseShape('`events` must be a list', '/events'));
  else
    givenEvents.forEach((raw, index) => {
      const path = `/events/${index}`;
      if (!isRecord(raw)) return err(wrongCaseShape('an event must be a mapping with `type` and `at`', path));
      const type = raw.type;
      if (typeof type !== 'string')
        return err(missingValue('the event has no `type`', `${path}/type`, `\`${policy.id}\` declares ${listOf(Object.keys(policy.events))}`));
      const decl = Object.hasOwn(policy.events, type) ? policy.events[type] : undefined;
      if (!decl) return err(unknownInCase('event type', type, Object.keys(policy.events), policy.id, `${path}/type`));
      const attrDecls = decl.attributes ?? {};
      const start =
        raw.at === undefined ? (err(missingValue(`the ${quoteName(type)} event has no \`at\``, `${path}/at`)), undefined) : instant(raw.at, () => `${path}/at`);
      let until: number | undefined;
      if (raw.until !== undefined) {
        if (!decl.duration)
          err(
            untilWithoutDuration(
              type,
              Object.entries(policy.events)
                .filter(([, d]) => d.duration)
                .map(([t]) => t),
              `${path}/until`,
            ),
          );
        else {
          until = instant(raw.until, () => `${path}/until`);
          if (until !== undefined && start !== undefined && until < start) err(untilBeforeAt(raw.until, raw.at, `${path}/until`));
        }
      }
      const attrs: Record<string, Scalar> = {};
      for (const [name, v] of Object.entries(raw)) {
        if (EVENT_KEYS.includes(name)) continue;
        const a = Object.hasOwn(attrDecls, name) ? attrDecls[name] : undefined;
        if (!a) {
          err(unknownEventAttribute(name, type, Object.keys(attrDecls), `${path}/${pointerPart(name)}`));
          continue;
        }
        const what = `attribute ${quoteName(name)}`;
        if (
          checkValue(a, v, () => [`${path}/${pointerPart(name)}`, what], err) &&
          (!percents.attributes.has(`${type}.${name}`) || percent(v, `${path}/${pointerPart(name)}`, what))
        )
          attrs[name] = v as Scalar;
      }
      for (const [name, a] of Object.entries(attrDecls)) {
        if (Object.hasOwn(raw, name)) continue;
        if (a.default !== undefined) attrs[name] = a.default;
        else if (a.required !== false) err(missingValue(`the ${quoteName(type)} event needs ${quoteName(name)}`, path, describeDecl(a)));
      }
      if (start !== undefined) events.push({ index, type, at: start, until, attrs });
    });

  if (out.length || at === undefined) throw bail();
  events.sort((a, b) => a.at - b.at || a.index - b.index);
  return {
    at,
    plans,
    facts,
    events: events.filter((e) => e.at <= at),
    later: events.filter((e) => e.at > at),
  };
}

function describeDecl(d: FactDecl | AttributeDecl): string {
  return d.enum ? `one of ${listOf(d.enum.map(String))}` : withArticle(d.type);
}

/** Type, enum and sign checks; quantities are non-negative unless the declaration allows less. */
function checkValue(decl: FactDecl | AttributeDecl, v: unknown, at: () => [path: string, what: string], err: (d: Diagnostic) => void): boolean {
  if (!isOfType(decl.type, v)) {
    const [path, what] = at();
    err(wrongCaseValue(what, describeDecl(decl), v, path));
    return false;
  }
  const outOfRange = typeof v === 'number' ? numberProblem(v) : undefined;
  if (outOfRange) {
    const [path, what] = at();
    err(caseNumberOutOfRange(what, outOfRange, path));
    return false;
  }
  if (decl.enum && !decl.enum.includes(v as Scalar)) {
    const [path, what] = at();
    err(notDeclaredCaseValue(v, what, decl.enum.map(String), path));
    return false;
  }
  if (typeof v === 'number' && v < (decl.minimum ?? 0)) {
    const [path, what] = at();
    err(negativeQuantity(what, v, decl.minimum ?? 0, path));
    return false;
  }
  return true;
}
