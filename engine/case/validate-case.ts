// Checks a case against the policy's declarations and normalises it. Every problem names the
// field (a JSON pointer into the case), what was expected and what the policy accepts.
import { parseInstant } from '../calendar/index.ts';
import { diagnostic, didYouMean, listOf, SlaError, type Code, type Diagnostic } from '../diagnostics/index.ts';
import type { AttributeDecl, FactDecl, Policy } from '../ir/schema.ts';
import { isOfType, withArticle } from '../ir/value-types.ts';
import type { CaseEvent, NormalizedCase, Scalar } from './case-model.ts';
import { quoteName, quoteValue } from '../diagnostics/quote-value.ts';
import { numberProblem } from '../ir/number-limits.ts';

const CASE_KEYS = ['policy', 'at', 'plans', 'facts', 'events'];
const EVENT_KEYS = ['type', 'at', 'until'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateCase(policy: Policy, input: unknown): NormalizedCase {
  const out: Diagnostic[] = [];
  const err = (code: Code, path: string, message: string, help?: string) =>
    out.push(diagnostic(code, message, { path, ...(help ? { help } : {}) }));
  const bail = () => new SlaError(out);

  if (!isRecord(input)) {
    err('SLA4001', '', 'a case must be a mapping with `at`, `plans`, `facts` and `events`');
    throw bail();
  }
  for (const key of Object.keys(input))
    if (!CASE_KEYS.includes(key)) err('SLA4001', `/${key}`, `unknown case field ${quoteName(key)}`, didYouMean(key, CASE_KEYS) ?? `expected ${listOf(CASE_KEYS)}`);
  if (input.policy !== undefined && input.policy !== policy.id)
    err('SLA4012', '/policy', `the case is for policy ${quoteValue(input.policy)}, but it is evaluated under \`${policy.id}\``);

  const instant = (v: unknown, path: string): number | undefined => {
    if (typeof v !== 'string') {
      err('SLA4003', path, `${quoteValue(v)} is not an instant`, 'write an ISO 8601 time with an offset, e.g. 2025-03-10T12:00:00+02:00');
      return undefined;
    }
    const r = parseInstant(v);
    if (typeof r === 'number') return r;
    err(/offset/i.test(r.error) ? 'SLA4002' : 'SLA4003', path, r.error);
    return undefined;
  };

  // at
  const at = input.at === undefined ? (err('SLA4009', '/at', 'the case has no `at`: the instant the questions are asked at'), undefined) : instant(input.at, '/at');

  // plans
  const plans: Record<string, string> = {};
  const givenPlans = input.plans === undefined ? {} : input.plans;
  if (!isRecord(givenPlans)) err('SLA4008', '/plans', '`plans` must be a mapping of plan dimension to option');
  else {
    for (const [dim, v] of Object.entries(givenPlans)) {
      const decl = Object.hasOwn(policy.plans, dim) ? policy.plans[dim] : undefined;
      if (!decl) {
        err('SLA4007', `/plans/${dim}`, `unknown plan dimension ${quoteName(dim)}`, didYouMean(dim, Object.keys(policy.plans)) ?? `${policy.id} has ${listOf(Object.keys(policy.plans))}`);
        continue;
      }
      if (typeof v !== 'string' || !decl.options.includes(v)) {
        err('SLA4007', `/plans/${dim}`, `unknown option ${quoteValue(v)} for plan ${quoteName(dim)}`, (typeof v === 'string' && didYouMean(v, decl.options)) || `expected one of ${listOf(decl.options)}`);
        continue;
      }
      plans[dim] = v;
    }
    for (const [dim, decl] of Object.entries(policy.plans)) {
      if (plans[dim] !== undefined || Object.hasOwn(givenPlans, dim)) continue;
      if (decl.default !== undefined) plans[dim] = decl.default;
      else err('SLA4009', `/plans`, `missing plan ${quoteName(dim)}`, `choose one of ${listOf(decl.options)}`);
    }
  }

  // facts
  const facts: Record<string, Scalar> = {};
  const declaredFacts = policy.facts ?? {};
  const givenFacts = input.facts === undefined ? {} : input.facts;
  if (!isRecord(givenFacts)) err('SLA4008', '/facts', '`facts` must be a mapping of fact name to value');
  else {
    for (const [name, v] of Object.entries(givenFacts)) {
      const decl = Object.hasOwn(declaredFacts, name) ? declaredFacts[name] : undefined;
      if (!decl) {
        err('SLA4006', `/facts/${name}`, `unknown fact ${quoteName(name)}`, didYouMean(name, Object.keys(declaredFacts)) ?? `${policy.id} declares ${listOf(Object.keys(declaredFacts))}`);
        continue;
      }
      const ok = checkValue(decl, v, `/facts/${name}`, `fact ${quoteName(name)}`, err);
      if (ok) facts[name] = v as Scalar;
    }
    for (const [name, decl] of Object.entries(declaredFacts))
      if (facts[name] === undefined && decl.default !== undefined && !Object.hasOwn(givenFacts, name)) facts[name] = decl.default;
  }

  // events
  const events: CaseEvent[] = [];
  const givenEvents = input.events === undefined ? [] : input.events;
  if (!Array.isArray(givenEvents)) err('SLA4008', '/events', '`events` must be a list');
  else
    givenEvents.forEach((raw, index) => {
      const path = `/events/${index}`;
      if (!isRecord(raw)) return err('SLA4008', path, 'an event must be a mapping with `type` and `at`');
      const type = raw.type;
      if (typeof type !== 'string') return err('SLA4009', `${path}/type`, 'the event has no `type`', `${policy.id} knows ${listOf(Object.keys(policy.events))}`);
      const decl = Object.hasOwn(policy.events, type) ? policy.events[type] : undefined;
      if (!decl) return err('SLA4004', `${path}/type`, `unknown event type ${quoteName(type)}`, didYouMean(type, Object.keys(policy.events)) ?? `${policy.id} knows ${listOf(Object.keys(policy.events))}`);
      const attrDecls = decl.attributes ?? {};
      const start = raw.at === undefined ? (err('SLA4009', `${path}/at`, `the ${quoteName(type)} event has no \`at\``), undefined) : instant(raw.at, `${path}/at`);
      let until: number | undefined;
      if (raw.until !== undefined) {
        if (!decl.duration) err('SLA4005', `${path}/until`, `${quoteName(type)} events have no \`until\``, `only events declared with a duration do (${listOf(Object.entries(policy.events).filter(([, d]) => d.duration).map(([t]) => t))})`);
        else {
          until = instant(raw.until, `${path}/until`);
          if (until !== undefined && start !== undefined && until < start) err('SLA4010', `${path}/until`, `\`until\` (${raw.until}) is before \`at\` (${raw.at})`);
        }
      }
      const attrs: Record<string, Scalar> = {};
      for (const [name, v] of Object.entries(raw)) {
        if (EVENT_KEYS.includes(name)) continue;
        const a = Object.hasOwn(attrDecls, name) ? attrDecls[name] : undefined;
        if (!a) {
          const known = Object.keys(attrDecls);
          err('SLA4005', `${path}/${name}`, `unknown attribute ${quoteName(name)} of ${quoteName(type)}`, didYouMean(name, known) ?? (known.length ? `${quoteName(type)} has ${listOf(known)}` : `${quoteName(type)} has no attributes`));
          continue;
        }
        if (checkValue(a, v, `${path}/${name}`, `attribute ${quoteName(name)}`, err)) attrs[name] = v as Scalar;
      }
      for (const [name, a] of Object.entries(attrDecls)) {
        if (Object.hasOwn(raw, name)) continue;
        if (a.default !== undefined) attrs[name] = a.default;
        else if (a.required !== false) err('SLA4009', `${path}`, `the ${quoteName(type)} event needs ${quoteName(name)}`, describeDecl(a));
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
function checkValue(
  decl: FactDecl | AttributeDecl,
  v: unknown,
  path: string,
  what: string,
  err: (code: Code, path: string, message: string, help?: string) => void,
): boolean {
  if (!isOfType(decl.type, v)) {
    const nonFinite = typeof v === 'number' && !Number.isFinite(v);
    err('SLA4008', path, `${what} must be ${describeDecl(decl)}, not ${quoteValue(v)}${nonFinite ? ' (numbers must be finite)' : ''}`);
    return false;
  }
  const outOfRange = typeof v === 'number' ? numberProblem(v) : undefined;
  if (outOfRange) {
    err('SLA4016', path, `${what}: ${outOfRange}`);
    return false;
  }
  if (decl.enum && !decl.enum.includes(v as Scalar)) {
    err('SLA4008', path, `${quoteValue(v)} is not a value of ${what}`, didYouMean(String(v), decl.enum.map(String)) ?? `expected one of ${listOf(decl.enum.map(String))}`);
    return false;
  }
  if (typeof v === 'number' && v < (decl.minimum ?? 0)) {
    err('SLA4011', path, `${what} is ${v}; it cannot be less than ${decl.minimum ?? 0}`);
    return false;
  }
  return true;
}
