// Evaluates amount and percentage expressions (ir/amount.ts) against one evaluation's case: the
// same function answers a rule's `sla:amount` fact, an entitlement's cost and an amount item, so
// both backends and every answer read one computation. Money is rounded to cents, half away from zero.
import { formatInstant } from '../calendar/index.ts';
import { best, describeSource, isEach, type AmountCandidate, type PercentCandidate, type Source } from '../ir/amount.ts';
import type { AmountItem } from '../answer.ts';
import type { CaseEvent } from '../case/case-model.ts';
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

// Loops rather than flatMap and spreads: these run for every amount of every answer.
function read(s: Source, rt: Runtime, missing: string[], out: Found[]): void {
  if ('fact' in s) {
    const v = rt.kase.facts[s.fact];
    if (typeof v === 'number') out.push({ value: v, label: `${v} (${s.fact})` });
    else missing.push(`the case does not give \`${s.fact}\``);
    return;
  }
  if (isEach(s)) for (const e of rt.events(s.each)) readAttribute(s.attribute, e, rt, out);
  else readAttribute(s.attribute, rt.event(s.of), rt, out);
}

function readAttribute(attribute: string, e: CaseEvent | undefined, rt: Runtime, out: Found[]): void {
  const v = e?.attrs[attribute];
  if (typeof v === 'number') out.push({ value: v, label: `${v} (${attribute} of the ${e!.type} at ${formatInstant(e!.at, rt.policy.zone)})` });
}

/** The chosen one of several found values, with the reason that says which and why. */
function choose<F extends Found>(pick: 'max' | 'min', found: F[]): { chosen?: F; reason?: string } {
  if (found.length === 0) return {};
  let chosen = found[0];
  for (let i = 1; i < found.length; i++) if (pick === 'max' ? found[i].value > chosen.value : found[i].value < chosen.value) chosen = found[i];
  if (found.length === 1) return { chosen, reason: `the only candidate: ${chosen.label}` };
  let ties = 0;
  for (const f of found) if (f.value === chosen.value) ties++;
  const which = pick === 'max' ? 'highest' : 'lowest';
  return { chosen, reason: `the ${which} of ${found.length} candidates: ${chosen.label}${ties > 1 ? ` (${ties} tie)` : ''}` };
}

function percentCandidates(c: PercentCandidate, rt: Runtime, missing: string[], out: Found[]): void {
  if (typeof c === 'number') out.push({ value: c, label: `${c}` });
  else read(c, rt, missing, out);
}

export function evaluatePercent(p: Percent, rt: Runtime, missing: string[]): { value: number | null; reasons: string[] } {
  const b = best(p);
  const found: Found[] = [];
  if (b) {
    const candidates = b.candidates as PercentCandidate[];
    for (const c of candidates) percentCandidates(c, rt, missing, found);
    const { chosen, reason } = choose(b.pick, found);
    if (!chosen)
      return {
        value: null,
        reasons: [`unknown: no candidate has a value (${candidates.map((c) => (typeof c === 'number' ? c : describeSource(c))).join(', ')})`],
      };
    return { value: chosen.value, reasons: [reason!] };
  }
  percentCandidates(p as PercentCandidate, rt, missing, found);
  if (!found.length) return { value: null, reasons: [`unknown: ${describeSource(p as Source)} has no value`] };
  return { value: found[0].value, reasons: typeof p === 'number' ? [] : [`the percentage is ${found[0].label}`] };
}

/** A percentage's result, its fields in the answer's order (`percent` and `basis` when known). */
function percentResult(
  currency: string,
  of: string,
  missing: string[],
  percent: number | null,
  amount: number | null,
  basis: number | undefined,
  reasons: string[],
): AmountResult {
  const r = { currency, of, missing } as AmountResult;
  if (percent !== null) r.percent = percent;
  r.amount = amount;
  if (basis !== undefined) r.basis = basis;
  r.reasons = reasons;
  return r;
}

/** A single term (not `max` / `min`) into `out`; `each` gives one result per matching event. */
function terms(a: AmountCandidate, rt: Runtime, missing: string[], out: AmountResult[]): void {
  const currency = 'currency' in a && a.currency ? a.currency : caseCurrency(rt);
  if ('amount' in a) {
    out.push({ amount: roundHalfAway(a.amount), currency, reasons: [], missing });
    return;
  }
  if ('percent' in a) {
    const p = evaluatePercent(a.percent, rt, missing);
    const basis = rt.kase.facts[a.of];
    const reasons = p.reasons.slice();
    // 0% of any price is nothing: the price need not be known
    if (typeof basis !== 'number' && p.value === 0) {
      reasons.push(`0% of ${a.of}, whatever it is`);
      out.push(percentResult(currency, a.of, missing, p.value, 0, undefined, reasons));
    } else if (typeof basis !== 'number') {
      missing.push(`the case does not give \`${a.of}\``);
      reasons.push(`unknown: the price it applies to, \`${a.of}\`, is not given`);
      out.push(percentResult(currency, a.of, missing, p.value, null, undefined, reasons));
    } else if (p.value === null) out.push(percentResult(currency, a.of, missing, null, null, basis, p.reasons));
    else {
      reasons.push(`${p.value}% of ${a.of} (${basis})`);
      out.push(percentResult(currency, a.of, missing, p.value, percentOf(basis, p.value), basis, reasons));
    }
    return;
  }
  const found: Found[] = [];
  read(a, rt, missing, found);
  for (const f of found) out.push({ amount: roundHalfAway(f.value), currency, reasons: [`the amount is ${f.label}`], missing });
}

export function evaluateAmount(a: Amount, rt: Runtime): AmountResult {
  const missing: string[] = [];
  const b = best(a);
  const results: AmountResult[] = [];
  if (!b) {
    terms(a as AmountCandidate, rt, missing, results);
    return (
      results[0] ?? {
        amount: null,
        currency: caseCurrency(rt),
        reasons: [`unknown: ${describeSource(a as Source)} has no value`],
        missing,
      }
    );
  }
  for (const c of b.candidates as AmountCandidate[]) terms(c, rt, missing, results);
  const known: (Found & { r: AmountResult })[] = [];
  for (const r of results)
    if (r.amount !== null) known.push({ r, value: r.amount, label: `${r.amount} ${r.currency}${r.reasons.length ? ` (${r.reasons.at(-1)})` : ''}` });
  const { chosen, reason } = choose(b.pick, known);
  if (!chosen) return { amount: null, currency: caseCurrency(rt), reasons: ['unknown: no candidate has a value'], missing };
  return { ...chosen.r, reasons: [reason!, ...chosen.r.reasons.slice(0, -1)], missing };
}
