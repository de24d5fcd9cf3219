// Realistic random cases for a policy: every plan dimension chosen, the facts it declares, and a
// timeline of its events whose attributes take the values the policy's filters and conditions test
// (so deadlines start, windows open, refund rules decide). Deterministic for a seed; every case is
// valid under the policy (the evaluator accepts it).
import { percentInputs } from '../ir/amount.ts';
import type { Case, CaseEventInput, CaseValue } from '../case/case-input.ts';
import type { AttributeDecl, FactDecl, Policy } from '../ir/schema.ts';
import { horizonOf } from './horizon.ts';
import { seededRandom, type Random } from './random.ts';
import { walk } from './walk-ir.ts';

export interface GenerateOptions {
  count: number;
  seed: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Subjects (tickets, issues) drawn from a small pool, so starts and stops of one subject meet. */
const SUBJECTS = ['S-1', 'S-2', 'S-3'];

/** The values the policy itself tests, per `event.attribute` and per fact. */
function testedValues(p: Policy): Map<string, CaseValue[]> {
  const found = new Map<string, Set<CaseValue>>();
  const add = (key: string, v: unknown) => {
    for (const one of Array.isArray(v) ? v : [v])
      if (['string', 'number', 'boolean'].includes(typeof one)) (found.get(key) ?? found.set(key, new Set()).get(key)!).add(one as CaseValue);
  };
  walk(p, '', (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
    const o = v as Record<string, unknown>;
    if (typeof o.event === 'string' && o.where && typeof o.where === 'object')
      for (const [attr, value] of Object.entries(o.where))
        // comparisons `{ at_least: 3 }`: their bounds are the values worth trying
        for (const one of value && typeof value === 'object' && !Array.isArray(value) ? Object.values(value) : [value]) add(`${o.event}.${attr}`, one);
    if (typeof o.fact === 'string')
      for (const op of ['equals', 'not_equals', 'in', 'not_in', 'greater_than', 'less_than', 'at_least', 'at_most']) add(o.fact, o[op]);
  });
  return new Map([...found].map(([k, s]) => [k, [...s]]));
}

/** `percent`: the policy reads the value as a percentage, so it stays within 0–100. */
function value(r: Random, decl: FactDecl | AttributeDecl, tested: CaseValue[], name: string, p: Policy, percent = false): CaseValue {
  if (decl.enum?.length) return r.pick(decl.enum);
  const min = decl.minimum ?? 0;
  switch (decl.type) {
    case 'boolean':
      return r.chance(0.5);
    case 'integer': {
      const near = tested.filter((v): v is number => typeof v === 'number');
      const top = Math.max(10, ...near.map((v) => v * 2));
      return r.int(Math.ceil(min), Math.max(Math.ceil(min), Math.floor(percent ? 100 : top)));
    }
    case 'number': {
      const near = tested.filter((v): v is number => typeof v === 'number');
      const top = Math.max(name.includes('price') || name.includes('amount') ? 5000 : 10, ...near.map((v) => v * 2));
      if (percent) return Math.round((min + r.next() * (100 - min)) * 100) / 100;
      return Math.round((min + r.next() * (top - min)) * 100) / 100;
    }
    default: {
      if (name === 'currency') return p.currency ?? 'USD';
      const strings = tested.filter((v): v is string => typeof v === 'string');
      return strings.length && r.chance(0.8) ? r.pick(strings) : r.pick(SUBJECTS);
    }
  }
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function generateCase(p: Policy, r: Random, tested: Map<string, CaseValue[]>, base: number): Case {
  const percents = percentInputs(p);
  const plans = Object.fromEntries(Object.entries(p.plans).map(([dim, decl]) => [dim, r.pick(decl.options)]));
  const facts: Record<string, CaseValue> = {};
  for (const [name, decl] of Object.entries(p.facts ?? {}))
    if (decl.default === undefined || r.chance(0.7)) facts[name] = value(r, decl, tested.get(name) ?? [], name, p, percents.facts.has(name));

  const types = Object.keys(p.events);
  const events: CaseEventInput[] = [];
  // Stops owed for deadlines started so far: most are answered, some late, some never.
  const owed: { type: string; subject?: [string, CaseValue] }[] = [];
  let t = base + r.int(0, 365) * DAY_MS + r.int(0, 23) * HOUR_MS;
  const eventCount = types.length ? r.int(0, 8) : 0;
  for (let i = 0; i < eventCount; i++) {
    const follow = owed.length && r.chance(0.6) ? owed.splice(r.int(0, owed.length - 1), 1)[0] : undefined;
    const type = follow?.type ?? r.pick(types);
    const decl = p.events[type];
    const event: CaseEventInput = { type, at: iso(t) };
    if (decl.duration) event.until = iso(t + r.int(1, 12) * HOUR_MS);
    for (const [attr, a] of Object.entries(decl.attributes ?? {}))
      if ((a.required ?? true) ? a.default === undefined || r.chance(0.7) : r.chance(0.5))
        event[attr] = value(r, a, tested.get(`${type}.${attr}`) ?? [], attr, p, percents.attributes.has(`${type}.${attr}`));
    if (follow?.subject && Object.hasOwn(decl.attributes ?? {}, follow.subject[0])) event[follow.subject[0]] = follow.subject[1];
    for (const d of p.deadlines ?? [])
      if (d.start.event === type)
        owed.push({ type: d.stop.event, ...(d.subject && event[d.subject] !== undefined ? { subject: [d.subject, event[d.subject]!] } : {}) });
    events.push(event);
    // Hours to days apart: the spans deadlines and windows are measured in.
    t += r.chance(0.5) ? r.int(1, 48) * HOUR_MS : r.int(1, 10) * DAY_MS;
  }
  const at = iso(t + r.int(0, 14 * 24) * HOUR_MS);
  return { policy: p.id, at, plans, facts, events };
}

/** `count` cases for the policy, the same ones for the same seed (and a longer run starts with them). */
export function generateCases(p: Policy, { count, seed }: GenerateOptions): Case[] {
  const r = seededRandom(seed);
  const tested = testedValues(p);
  const base = Date.parse(`${horizonOf(p)?.from ?? '2025-01-01'}T00:00:00Z`);
  return Array.from({ length: count }, () => generateCase(p, r, tested, base));
}
