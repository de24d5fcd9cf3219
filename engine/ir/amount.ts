// The shapes of amount and percentage expressions (schema.ts `Amount`, `Percent`), told apart in
// one place for the checker, the runtime, the describer and the printers; and where a policy
// holds them.
import { describeEvent } from './describe.ts';
import { pointerPart } from './json-pointer.ts';
import { isByPlan } from './plan-value.ts';
import type { Amount, AmountItem, EachAttribute, EventRef, Percent, Policy } from './schema.ts';

/** A number read from the case: a fact, or an attribute of one event or of each. */
export type Source = { fact: string } | { attribute: string; of: EventRef } | EachAttribute;
/** A candidate of a percentage's `max` / `min`. */
export type PercentCandidate = number | Source;
/** A candidate of an amount's `max` / `min`. */
export type AmountCandidate = Exclude<Amount, { max: unknown } | { min: unknown }> | EachAttribute;

export const isSource = (v: unknown): v is Source => typeof v === 'object' && v !== null && ('fact' in v || 'attribute' in v);
export const isEach = (v: unknown): v is EachAttribute => typeof v === 'object' && v !== null && 'each' in v;

/** `max` or `min` and its candidates, for either kind of expression; undefined for a single term. */
export function best<T>(v: T): { pick: 'max' | 'min'; candidates: unknown[] } | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  if ('max' in v) return { pick: 'max', candidates: (v as { max: unknown[] }).max };
  if ('min' in v) return { pick: 'min', candidates: (v as { min: unknown[] }).min };
  return undefined;
}

export function describeSource(s: Source): string {
  if ('fact' in s) return s.fact;
  if ('each' in s) return `${s.attribute} of each ${describeEvent(s.each)}`;
  return `${s.attribute} of ${describeEvent(s.of)}`;
}

export function describePercent(p: Percent | PercentCandidate): string {
  if (typeof p === 'number') return `${p}%`;
  const b = best(p);
  if (!b) return `${describeSource(p as Source)} percent`;
  const cands = (b.candidates as PercentCandidate[]).map((c) => (typeof c === 'number' ? `${c}%` : describeSource(c)));
  return `the ${b.pick === 'max' ? 'highest' : 'lowest'} percentage among ${cands.join(' and ')},`;
}

export function describeAmount(a: Amount | AmountCandidate): string {
  const b = best(a);
  if (b) return `the ${b.pick === 'max' ? 'highest' : 'lowest'} of ${(b.candidates as AmountCandidate[]).map(describeAmount).join(' and ')}`;
  if ('amount' in a) return `${a.amount}${a.currency ? ` ${a.currency}` : ''}`;
  if ('percent' in a) return `${describePercent(a.percent)} of ${a.of}`;
  return describeSource(a as Source);
}

/** Every amount expression of a policy with its JSON pointer: each option of a plan value apart. */
export function amountsOf(p: Policy): { amount: Amount; path: string; applies?: AmountItem['applies'] }[] {
  const out: { amount: Amount; path: string; applies?: AmountItem['applies'] }[] = [];
  const add = (v: AmountItem['value'], path: string, applies?: AmountItem['applies']) => {
    if (!isByPlan(v)) return out.push({ amount: v as Amount, path, applies });
    for (const [option, a] of Object.entries(v.values)) out.push({ amount: a, path: `${path}/values/${pointerPart(option)}`, applies });
  };
  (p.entitlements ?? []).forEach((e, i) => e.cost !== undefined && add(e.cost, `/entitlements/${i}/cost`, e.applies));
  (p.amounts ?? []).forEach((a, i) => add(a.value, `/amounts/${i}/value`, a.applies));
  return out;
}

/** The sources a policy reads as percentages (with their pointers): their values must lie in 0–100. */
export function percentSources(p: Policy): { source: Source; path: string }[] {
  const out: { source: Source; path: string }[] = [];
  const percent = (v: Percent, path: string) => {
    const b = best(v);
    if (b) b.candidates.forEach((c, i) => isSource(c) && out.push({ source: c, path: `${path}/${b.pick}/${i}` }));
    else if (isSource(v)) out.push({ source: v, path });
  };
  for (const { amount, path } of amountsOf(p)) {
    const b = best(amount);
    if (b)
      b.candidates.forEach(
        (c, i) => typeof c === 'object' && c !== null && 'percent' in c && percent((c as { percent: Percent }).percent, `${path}/${b.pick}/${i}/percent`),
      );
    else if ('percent' in amount) percent(amount.percent, `${path}/percent`);
  }
  return out;
}

const inputsCache = new WeakMap<Policy, { facts: Set<string>; attributes: Set<string> }>();
/** The facts and event attributes (`event.attribute`) a policy reads as percentages. */
export function percentInputs(p: Policy): { facts: Set<string>; attributes: Set<string> } {
  let found = inputsCache.get(p);
  if (!found) {
    found = { facts: new Set(), attributes: new Set() };
    for (const { source } of percentSources(p)) {
      if ('fact' in source) found.facts.add(source.fact);
      else found.attributes.add(`${'each' in source ? source.each.event : source.of.event}.${source.attribute}`);
    }
    inputsCache.set(p, found);
  }
  return found;
}
