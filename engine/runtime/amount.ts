// Evaluates amount and percentage expressions (ir/amount.ts) against one evaluation's case: the
// same function answers a rule's `sla:amount` fact, an entitlement's cost and an amount item, so
// both backends and every answer read one computation. Money is rounded to cents, half away from zero.
import { formatInstant } from '../calendar/index.ts';
import { best, describeSource, isEach, type AmountCandidate, type PercentCandidate, type Source } from '../ir/amount.ts';
import type { AmountItem } from '../answer.ts';
import type { Amount, Percent } from '../ir/schema.ts';
import { percentOf, roundHalfAway } from '../money.ts';
import type { Runtime } from './runtime.ts';

/** An amount item's answer without its id and clause, and what the case lacks for it (for warnings). */
export type AmountResult = Omit<AmountItem, 'id' | 'clause'> & { missing: string[] };

/** One value a source gave, with what it is in words. */
interface Found {
  value: number;
  label: string;
}

const caseCurrency = (rt: Runtime) => String(rt.kase.facts.currency ?? rt.policy.currency ?? 'USD');

function read(s: Source, rt: Runtime, missing: string[]): Found[] {
  if ('fact' in s) {
    const v = rt.kase.facts[s.fact];
    if (typeof v === 'number') return [{ value: v, label: `${v} (${s.fact})` }];
    missing.push(`the case does not give \`${s.fact}\``);
    return [];
  }
  const events = isEach(s) ? rt.events(s.each) : [rt.event(s.of)].filter((e) => e !== undefined);
  return events.flatMap((e) => {
    const v = e.attrs[s.attribute];
    return typeof v === 'number' ? [{ value: v, label: `${v} (${s.attribute} of the ${e.type} at ${formatInstant(e.at, rt.policy.zone)})` }] : [];
  });
}

/** The chosen one of several found values, with the reason that says which and why. */
function choose<F extends Found>(pick: 'max' | 'min', found: F[]): { chosen?: F; reason?: string } {
  if (found.length === 0) return {};
  const chosen = found.reduce((a, b) => ((pick === 'max' ? b.value > a.value : b.value < a.value) ? b : a));
  if (found.length === 1) return { chosen, reason: `the only candidate: ${chosen.label}` };
  const ties = found.filter((f) => f.value === chosen.value).length;
  const which = pick === 'max' ? 'highest' : 'lowest';
  return { chosen, reason: `the ${which} of ${found.length} candidates: ${chosen.label}${ties > 1 ? ` (${ties} tie)` : ''}` };
}

function percentCandidates(c: PercentCandidate, rt: Runtime, missing: string[]): Found[] {
  return typeof c === 'number' ? [{ value: c, label: `${c}` }] : read(c, rt, missing);
}

export function evaluatePercent(p: Percent, rt: Runtime, missing: string[]): { value: number | null; reasons: string[] } {
  const b = best(p);
  if (b) {
    const { chosen, reason } = choose(
      b.pick,
      (b.candidates as PercentCandidate[]).flatMap((c) => percentCandidates(c, rt, missing)),
    );
    if (!chosen)
      return {
        value: null,
        reasons: [
          `unknown: no candidate has a value (${(b.candidates as PercentCandidate[]).map((c) => (typeof c === 'number' ? c : describeSource(c))).join(', ')})`,
        ],
      };
    return { value: chosen.value, reasons: [reason!] };
  }
  const found = percentCandidates(p as PercentCandidate, rt, missing);
  if (!found.length) return { value: null, reasons: [`unknown: ${describeSource(p as Source)} has no value`] };
  return { value: found[0].value, reasons: typeof p === 'number' ? [] : [`the percentage is ${found[0].label}`] };
}

/** A single term (not `max` / `min`); `each` gives one result per matching event. */
function terms(a: AmountCandidate, rt: Runtime, missing: string[]): AmountResult[] {
  const currency = 'currency' in a && a.currency ? a.currency : caseCurrency(rt);
  if ('amount' in a) return [{ amount: roundHalfAway(a.amount), currency, reasons: [], missing }];
  if ('percent' in a) {
    const p = evaluatePercent(a.percent, rt, missing);
    const basis = rt.kase.facts[a.of];
    const base = { currency, of: a.of, missing, ...(p.value === null ? {} : { percent: p.value }) };
    // 0% of any price is nothing: the price need not be known
    if (typeof basis !== 'number' && p.value === 0) return [{ ...base, amount: 0, reasons: [...p.reasons, `0% of ${a.of}, whatever it is`] }];
    if (typeof basis !== 'number') {
      missing.push(`the case does not give \`${a.of}\``);
      return [{ ...base, amount: null, reasons: [...p.reasons, `unknown: the price it applies to, \`${a.of}\`, is not given`] }];
    }
    if (p.value === null) return [{ ...base, amount: null, basis, reasons: p.reasons }];
    return [{ ...base, amount: percentOf(basis, p.value), basis, reasons: [...p.reasons, `${p.value}% of ${a.of} (${basis})`] }];
  }
  return read(a, rt, missing).map((f) => ({ amount: roundHalfAway(f.value), currency, reasons: [`the amount is ${f.label}`], missing }));
}

export function evaluateAmount(a: Amount, rt: Runtime): AmountResult {
  const missing: string[] = [];
  const b = best(a);
  if (!b)
    return (
      terms(a as AmountCandidate, rt, missing)[0] ?? {
        amount: null,
        currency: caseCurrency(rt),
        reasons: [`unknown: ${describeSource(a as Source)} has no value`],
        missing,
      }
    );
  const results = (b.candidates as AmountCandidate[]).flatMap((c) => terms(c, rt, missing));
  const known = results.flatMap((r) =>
    r.amount === null ? [] : [{ r, value: r.amount, label: `${r.amount} ${r.currency}${r.reasons.length ? ` (${r.reasons.at(-1)})` : ''}` }],
  );
  const { chosen, reason } = choose(b.pick, known);
  if (!chosen) return { amount: null, currency: caseCurrency(rt), reasons: ['unknown: no candidate has a value'], missing };
  return { ...chosen.r, reasons: [reason!, ...chosen.r.reasons.slice(0, -1)], missing };
}
