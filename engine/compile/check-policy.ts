// Compiler stage "check": every reference in the IR resolves to a declaration, values have the
// declared types, plan-dependent values cover every option they are used for. Errors carry JSON
// pointers that the front end maps back to file:line:column.
import { checkZone, LIMIT_MS, LIMIT_YEARS, nominalMs, parseDuration } from '../calendar/index.ts';
import {
  clauseWithoutText,
  decidedByLedger,
  downtimeWithoutDuration,
  duplicateId,
  eachWithSubject,
  durationNeedsCalendar,
  durationTooLong,
  emptyComparison,
  emptyValueSet,
  invalidDuration,
  invalidZone,
  ledgerSizes,
  ledgerUsage,
  missingPlanValues,
  mixedCurrencies,
  notDeclaredValue,
  numberNeeded,
  oneComparison,
  percentOutOfRange,
  stopWithoutSubject,
  subjectOnNoEvent,
  unknownReference,
  wrongValueType,
  type Diagnostic,
  type ReferenceKind,
} from '../diagnostics/index.ts';
import type { Amount, AttributeComparison, AttributeDecl, Condition, Entitlement, EventRef, FactDecl, Instant, Percent, Policy } from '../ir/schema.ts';
import { best, type AmountCandidate, type PercentCandidate, type Source } from '../ir/amount.ts';
import { COMPARISONS, comparisonsIn, comparisonsOf } from '../ir/operators.ts';
import { isByPlan } from '../ir/plan-value.ts';
import { isOfType } from '../ir/value-types.ts';

type Scalar = string | number | boolean;

export function checkPolicy(p: Policy): Diagnostic[] {
  const out: Diagnostic[] = [];
  const facts = p.facts ?? {};
  const calendars = p.calendars ?? {};
  const instants = p.instants ?? {};
  const counters = p.counters ?? {};
  const deadlineIds = new Set((p.deadlines ?? []).map((d) => d.id));
  const entitlementIds = new Set((p.entitlements ?? []).map((e) => e.id));

  const unknown = (kind: ReferenceKind, path: string, name: string, known: Iterable<string>, of?: string) =>
    out.push(unknownReference(kind, name, known, path, of));

  // ── declarations ──
  const zoneProblem = checkZone(p.zone);
  if (zoneProblem) out.push(invalidZone({ message: zoneProblem }, '/zone'));
  for (const [dim, decl] of Object.entries(p.plans)) {
    if (decl.default !== undefined && !decl.options.includes(decl.default)) unknown('plan option', `/plans/${dim}/default`, decl.default, decl.options, dim);
  }
  for (const [name, decl] of Object.entries(facts)) {
    if (decl.default !== undefined) checkValue(decl, decl.default, `/facts/${name}/default`, `fact \`${name}\``);
  }
  for (const [type, decl] of Object.entries(p.events)) {
    for (const [attr, a] of Object.entries(decl.attributes ?? {}))
      if (a.default !== undefined) checkValue(a, a.default, `/events/${type}/attributes/${attr}/default`, `attribute \`${attr}\``);
  }
  for (const [id, cal] of Object.entries(calendars)) {
    if (cal.base !== undefined && !Object.hasOwn(calendars, cal.base)) unknown('calendar', `/calendars/${id}/base`, cal.base, Object.keys(calendars));
    if (cal.zone !== undefined) {
      const problem = checkZone(cal.zone);
      if (problem) out.push(invalidZone({ message: problem }, `/calendars/${id}/zone`));
    }
  }
  if (p.calendar !== undefined && !Object.hasOwn(calendars, p.calendar)) unknown('calendar', '/calendar', p.calendar, Object.keys(calendars));
  for (const [id, clause] of Object.entries(p.clauses)) if (Object.keys(clause.text).length === 0) out.push(clauseWithoutText(id, `/clauses/${id}/text`));
  (p.assumptions ?? []).forEach((a, i) => clauseRef(a.clause, `/assumptions/${i}/clause`));

  // ── helpers ──
  function clauseRef(id: string, path: string) {
    if (!Object.hasOwn(p.clauses, id)) unknown('clause', path, id, Object.keys(p.clauses));
  }
  function calendarRef(id: string | undefined, path: string) {
    if (id !== undefined && !Object.hasOwn(calendars, id)) unknown('calendar', path, id, Object.keys(calendars));
  }
  function factDecl(name: string, path: string): FactDecl | undefined {
    if (Object.hasOwn(facts, name)) return facts[name];
    unknown('fact', path, name, Object.keys(facts));
    return undefined;
  }
  function numericFact(name: string, path: string) {
    const d = factDecl(name, path);
    if (d && d.type !== 'number' && d.type !== 'integer') out.push(numberNeeded(`fact \`${name}\``, d.type, path));
  }
  function attrDecl(event: string, attr: string, path: string): AttributeDecl | undefined {
    const attrs = p.events[event]?.attributes ?? {};
    if (Object.hasOwn(attrs, attr)) return attrs[attr];
    unknown('attribute', path, attr, Object.keys(attrs), event);
    return undefined;
  }
  function checkValue(decl: { type: string; enum?: Scalar[] }, v: Scalar, path: string, what: string) {
    if (!isOfType(decl.type, v)) return out.push(wrongValueType(what, decl.type, v, path));
    if (decl.enum && !decl.enum.includes(v)) out.push(notDeclaredValue(v, what, decl.enum.map(String), path));
  }
  function eventRef(ref: Pick<EventRef, 'event' | 'where'>, path: string) {
    if (!Object.hasOwn(p.events, ref.event)) return unknown('event type', `${path}/event`, ref.event, Object.keys(p.events));
    for (const [attr, v] of Object.entries(ref.where ?? {})) {
      const at = `${path}/where/${attr}`;
      const d = attrDecl(ref.event, attr, at);
      if (!d) continue;
      const what = `attribute \`${attr}\``;
      if (Array.isArray(v)) {
        if (v.length === 0) out.push(emptyValueSet(what, at));
        v.forEach((one, i) => checkValue(d, one, `${at}/${i}`, what));
      } else if (typeof v === 'object') attributeComparison(d, v, at, what);
      else checkValue(d, v, at, what);
    }
  }
  /** `{ at_least: 3 }`, `{ in: [...] }`…: values of the attribute's type, numbers only for numbers. */
  function attributeComparison(d: AttributeDecl, c: AttributeComparison, path: string, what: string) {
    const ops = comparisonsIn(c, COMPARISONS);
    if (ops.length === 0) out.push(emptyComparison(what, path));
    for (const { key, operand } of ops) {
      const v = c[key]!;
      if (operand === 'scalar') checkValue(d, v as Scalar, `${path}/${key}`, what);
      else if (operand === 'list') {
        const list = v as Scalar[];
        if (list.length === 0 && key === 'in') out.push(emptyValueSet(what, `${path}/${key}`));
        list.forEach((one, i) => checkValue(d, one, `${path}/${key}/${i}`, what));
      } else if (d.type !== 'number' && d.type !== 'integer') out.push(numberNeeded(what, d.type, `${path}/${key}`, 'it cannot be compared as a number'));
    }
  }
  function duration(d: string, path: string, calendar: string | undefined) {
    const parsed = parseDuration(d);
    if (!parsed) return out.push(invalidDuration(d, path));
    if (parsed.unit.startsWith('business') && calendar === undefined && p.calendar === undefined) out.push(durationNeedsCalendar(d, path));
    if (nominalMs(parsed) > LIMIT_MS) out.push(durationTooLong(d, LIMIT_YEARS, path));
  }
  function planValue<T>(
    v: T | { by: string; values: Record<string, T> },
    path: string,
    applies: Record<string, string[]> | undefined,
    each: (t: T, path: string) => void,
  ) {
    if (!isByPlan(v)) return each(v as T, path);
    const decl = p.plans[v.by];
    if (!decl) return unknown('plan dimension', `${path}/by`, v.by, Object.keys(p.plans));
    for (const [option, t] of Object.entries(v.values)) {
      if (!decl.options.includes(option)) unknown('plan option', `${path}/values/${option}`, option, decl.options, v.by);
      else each(t, `${path}/values/${option}`);
    }
    const needed = applies?.[v.by] ?? decl.options;
    const missing = needed.filter((o) => !Object.hasOwn(v.values, o));
    if (missing.length) out.push(missingPlanValues(missing, v.by, `${path}/values`));
  }
  function instant(i: Instant, path: string, applies?: Record<string, string[]>) {
    if ('instant' in i) {
      if (!Object.hasOwn(instants, i.instant)) unknown('instant', `${path}/instant`, i.instant, Object.keys(instants));
      return;
    }
    eventRef(i.from, `${path}/from`);
    calendarRef(i.calendar, `${path}/calendar`);
    if (i.add !== undefined) planValue<string>(i.add, `${path}/add`, applies, (d, at) => duration(d, at, i.calendar));
  }
  function applies(a: Record<string, string[]> | undefined, path: string) {
    for (const [dim, options] of Object.entries(a ?? {})) {
      const decl = p.plans[dim];
      if (!decl) unknown('plan dimension', `${path}/${dim}`, dim, Object.keys(p.plans));
      else
        options.forEach((o, i) => {
          if (!decl.options.includes(o)) unknown('plan option', `${path}/${dim}/${i}`, o, decl.options, dim);
        });
    }
  }
  function condition(c: Condition, path: string, scope?: Record<string, string[]>) {
    if ('fact' in c) {
      const d = factDecl(c.fact, `${path}/fact`);
      if (!d) return;
      for (const { key } of comparisonsOf('scalar')) if (c[key] !== undefined) checkValue(d, c[key]!, `${path}/${key}`, `fact \`${c.fact}\``);
      for (const { key } of comparisonsOf('list')) c[key]?.forEach((v, i) => checkValue(d, v, `${path}/${key}/${i}`, `fact \`${c.fact}\``));
      for (const { key } of comparisonsOf('number'))
        if (c[key] !== undefined && d.type !== 'number' && d.type !== 'integer')
          out.push(numberNeeded(`fact \`${c.fact}\``, d.type, `${path}/${key}`, 'it cannot be compared as a number'));
      const ops = COMPARISONS.filter(({ key }) => key in c);
      if (ops.length !== 1)
        out.push(
          oneComparison(
            ops.length,
            COMPARISONS.map((o) => o.key),
            path,
          ),
        );
    } else if ('plan' in c) {
      applies({ [c.plan]: c.in }, path.replace(/$/, '') + '');
    } else if ('event' in c) {
      eventRef({ event: c.event, where: c.where }, path);
      if (c.before) instant(c.before, `${path}/before`, scope);
      if (c.after) instant(c.after, `${path}/after`, scope);
    } else if ('now_before' in c) {
      instant(c.now_before, `${path}/now_before`, scope);
    } else if ('deadline' in c) {
      const d = (p.deadlines ?? []).find((x) => x.id === c.deadline);
      if (!d) return unknown('deadline', `${path}/deadline`, c.deadline, deadlineIds);
      if (c.where) eventRef({ event: d.start.event, where: c.where }, path);
      if (c.started_before) instant(c.started_before, `${path}/started_before`, scope);
    } else if ('counter' in c) {
      if (!Object.hasOwn(counters, c.counter)) unknown('counter', `${path}/counter`, c.counter, Object.keys(counters));
    } else if ('entitlement' in c) {
      if (!entitlementIds.has(c.entitlement)) unknown('entitlement', `${path}/entitlement`, c.entitlement, entitlementIds);
    } else if ('open' in c) {
      calendarRef(c.open, `${path}/open`);
    } else if ('any' in c) {
      c.any.forEach((x, i) => condition(x, `${path}/any/${i}`, scope));
    }
  }

  // ── items ──
  for (const [id, i] of Object.entries(instants)) instant(i, `/instants/${id}`);
  for (const [id, c] of Object.entries(counters)) {
    const path = `/counters/${id}`;
    if ('breached' in c) {
      if (!deadlineIds.has(c.breached)) unknown('deadline', `${path}/breached`, c.breached, deadlineIds);
    } else if ('count' in c) eventRef(c.count, `${path}/count`);
    else {
      eventRef(c.of, `${path}/of`);
      attrDecl(c.of.event, c.sum, `${path}/sum`);
    }
  }
  const ids = new Map<string, string>();
  const uniqueId = (id: string, path: string) => {
    if (ids.has(id)) out.push(duplicateId(id, ids.get(id)!, `${path}/id`));
    else ids.set(id, path);
  };
  (p.deadlines ?? []).forEach((d, i) => {
    const path = `/deadlines/${i}`;
    uniqueId(d.id, path);
    clauseRef(d.clause, `${path}/clause`);
    applies(d.applies, `${path}/applies`);
    eventRef(d.start, `${path}/start`);
    eventRef(d.stop, `${path}/stop`);
    calendarRef(d.calendar, `${path}/calendar`);
    planValue<string>(d.duration, `${path}/duration`, d.applies, (v, at) => duration(v, at, d.calendar));
    if (d.priority !== undefined) planValue(d.priority, `${path}/priority`, d.applies, () => {});
    if (d.subject !== undefined && Object.hasOwn(p.events, d.start.event)) {
      attrDecl(d.start.event, d.subject, `${path}/subject`);
      if (Object.hasOwn(p.events, d.stop.event) && !Object.hasOwn(p.events[d.stop.event].attributes ?? {}, d.subject))
        out.push(stopWithoutSubject(d.stop.event, d.subject, `${path}/stop`));
    }
  });
  (p.entitlements ?? []).forEach((e, i) => {
    const path = `/entitlements/${i}`;
    uniqueId(e.id, path);
    clauseRef(e.clause, `${path}/clause`);
    applies(e.applies, `${path}/applies`);
    if (e.subject !== undefined && !Object.values(p.events).some((ev) => Object.hasOwn(ev.attributes ?? {}, e.subject!)))
      out.push(subjectOnNoEvent(e.subject, `${path}/subject`));
    if (e.each) {
      eventRef(e.each, `${path}/each`);
      if (e.each.subject !== undefined && Object.hasOwn(p.events, e.each.event)) attrDecl(e.each.event, e.each.subject, `${path}/each/subject`);
      if (e.subject !== undefined) out.push(eachWithSubject(`${path}/each`));
    }
    if (e.limit !== undefined) {
      if (typeof e.limit === 'object' && e.limit !== null && 'attribute' in e.limit) {
        eventRef(e.limit.of, `${path}/limit/of`);
        numericAttr(e.limit.of.event, e.limit.attribute, `${path}/limit/attribute`);
      } else planValue(e.limit as number | null, `${path}/limit`, e.applies, () => {});
    }
    if (e.used) {
      const u = e.used;
      if ('count' in u) {
        eventRef(u.count, `${path}/used/count`);
        if (u.after) eventRef(u.after, `${path}/used/after`);
      } else if ('fact' in u) numericFact(u.fact, `${path}/used/fact`);
      else {
        eventRef(u.of, `${path}/used/of`);
        numericAttr(u.of.event, u.sum, `${path}/used/sum`);
        if (u.after) eventRef(u.after, `${path}/used/after`);
      }
    }
    if (e.ledger) ledger(e, path);
    if (e.opens) {
      if ('event' in e.opens) eventRef(e.opens, `${path}/opens`);
      else instant(e.opens, `${path}/opens`, e.applies);
    }
    if (e.until) instant(e.until, `${path}/until`, e.applies);
    if (e.closed_by) eventRef(e.closed_by, `${path}/closed_by`);
    if (e.pause) {
      eventRef(e.pause.start, `${path}/pause/start`);
      eventRef(e.pause.stop, `${path}/pause/stop`);
      duration(e.pause.max, `${path}/pause/max`, undefined);
    }
    (e.when ?? []).forEach((c, j) => condition(c, `${path}/when/${j}`, e.applies));
    for (const [name, c] of Object.entries(e.fields ?? {})) condition(c, `${path}/fields/${name}`, e.applies);
    if (e.cost !== undefined) planValue(e.cost, `${path}/cost`, e.applies, amount);
  });
  (p.amounts ?? []).forEach((a, i) => {
    const path = `/amounts/${i}`;
    uniqueId(a.id, path);
    clauseRef(a.clause, `${path}/clause`);
    applies(a.applies, `${path}/applies`);
    planValue(a.value, `${path}/value`, a.applies, amount);
  });
  if (p.refund) {
    const r = p.refund;
    clauseRef(r.clause, '/refund/clause');
    numericFact(r.basis, '/refund/basis');
    if (r.request) eventRef(r.request, '/refund/request');
    r.rules.forEach((rule, i) => {
      const path = `/refund/rules/${i}`;
      uniqueId(`refund:${rule.id}`, path);
      if (rule.clause) clauseRef(rule.clause, `${path}/clause`);
      rule.when.forEach((c, j) => condition(c, `${path}/when/${j}`));
      (rule.exclusions ?? []).forEach((x, j) => {
        condition(x.when, `${path}/exclusions/${j}/when`);
        if (x.clause) clauseRef(x.clause, `${path}/exclusions/${j}/clause`);
      });
    });
  }
  (p.credits ?? []).forEach((c, i) => {
    const path = `/credits/${i}`;
    uniqueId(c.id, path);
    clauseRef(c.clause, `${path}/clause`);
    applies(c.applies, `${path}/applies`);
    eventRef(c.downtime, `${path}/downtime`);
    if (Object.hasOwn(p.events, c.downtime.event) && !p.events[c.downtime.event].duration)
      out.push(downtimeWithoutDuration(c.downtime.event, `${path}/downtime/event`));
  });

  function ledger(e: Entitlement, path: string) {
    const l = e.ledger!;
    const at = `${path}/ledger`;
    for (const field of ['limit', 'limit_kind', 'until', 'opens'] as const) if (e[field] !== undefined) out.push(decidedByLedger(field, `${path}/${field}`));
    if (!e.used) out.push(ledgerUsage('it needs `used`', path));
    else if ('fact' in e.used) out.push(ledgerUsage('`used` cannot be a fact', `${path}/used`));
    else if (e.used.after) out.push(ledgerUsage('`after` does not apply: every use counts', `${path}/used/after`));
    if (l.grant.which !== undefined) out.push(ledgerUsage('every grant opens a pool: `which` does not apply', `${at}/grant/which`));
    eventRef(l.grant, `${at}/grant`);
    calendarRef(l.calendar, `${at}/calendar`);
    if (l.expires !== undefined) planValue<string>(l.expires, `${at}/expires`, e.applies, (d, where) => duration(d, where, l.calendar));
    const amount = l.amount;
    if (typeof amount === 'string') numericAttr(l.grant.event, amount, `${at}/amount`);
    else if (Object.hasOwn(p.events, l.grant.event)) {
      const d = attrDecl(l.grant.event, amount.attribute, `${at}/amount/attribute`);
      if (d) {
        for (const v of Object.keys(amount.values))
          checkValue(d, d.type === 'string' ? v : Number(v), `${at}/amount/values/${v}`, `attribute \`${amount.attribute}\``);
        const missing = (d.enum ?? []).map(String).filter((v) => !Object.hasOwn(amount.values, v));
        if (!d.enum) out.push(ledgerSizes(['every value'], `attribute \`${amount.attribute}\`: declare its values with \`enum\``, `${at}/amount/attribute`));
        else if (missing.length) out.push(ledgerSizes(missing, `attribute \`${amount.attribute}\``, `${at}/amount/values`));
      }
    }
    if (l.plan !== undefined) {
      const decl = p.plans[l.plan];
      if (!decl) unknown('plan dimension', `${at}/plan`, l.plan, Object.keys(p.plans));
      else if (typeof amount === 'string') out.push(ledgerSizes(decl.options, `plan \`${l.plan}\`: a plan's pool needs \`amount.values\``, `${at}/plan`));
      else {
        const missing = (e.applies?.[l.plan] ?? decl.options).filter((o) => !Object.hasOwn(amount.values, o));
        if (missing.length) out.push(ledgerSizes(missing, `plan \`${l.plan}\``, `${at}/amount/values`));
      }
    }
  }

  function numericAttr(event: string, attr: string, path: string): AttributeDecl | undefined {
    if (!Object.hasOwn(p.events, event)) return undefined;
    const d = attrDecl(event, attr, path);
    if (d && d.type !== 'number' && d.type !== 'integer') out.push(numberNeeded(`attribute \`${attr}\``, d.type, path));
    return d;
  }
  /** A number read from the case: the fact or attribute must be declared numeric. */
  function source(s: Source, path: string): FactDecl | AttributeDecl | undefined {
    if ('fact' in s) {
      numericFact(s.fact, `${path}/fact`);
      return Object.hasOwn(facts, s.fact) ? facts[s.fact] : undefined;
    }
    const ref = 'each' in s ? s.each : s.of;
    const at = `${path}/${'each' in s ? 'each' : 'of'}`;
    eventRef(ref, at);
    return numericAttr(ref.event, s.attribute, `${path}/attribute`);
  }
  function percent(v: Percent | PercentCandidate, path: string) {
    const b = best(v);
    if (b) return b.candidates.forEach((c, i) => percent(c as PercentCandidate, `${path}/${b.pick}/${i}`));
    if (typeof v === 'number') return;
    const d = source(v as Source, path);
    if (!d) return;
    const what = 'fact' in v ? `fact \`${v.fact}\`` : `attribute \`${(v as { attribute: string }).attribute}\``;
    const outside = (x: Scalar) => typeof x === 'number' && (x < 0 || x > 100);
    if (d.minimum !== undefined && d.minimum < 0) out.push(percentOutOfRange(what, `its minimum is ${d.minimum}`, path));
    else if (d.default !== undefined && outside(d.default)) out.push(percentOutOfRange(what, `its default is ${d.default}`, path));
    else if (d.enum?.some(outside)) out.push(percentOutOfRange(what, `it may be ${d.enum.find(outside)}`, path));
  }
  function amount(a: Amount | AmountCandidate, path: string) {
    const b = best(a);
    if (b) {
      b.candidates.forEach((c, i) => amount(c as AmountCandidate, `${path}/${b.pick}/${i}`));
      const stated = (b.candidates as AmountCandidate[]).map((c) => ('currency' in c ? c.currency : undefined));
      const currencies = [...new Set(stated.filter((c): c is string => c !== undefined))];
      const unstated = stated.includes(undefined);
      if (currencies.length > 1 || (currencies.length === 1 && unstated && p.currency !== undefined && p.currency !== currencies[0]))
        out.push(mixedCurrencies(unstated ? [...currencies, `${p.currency} (the policy's)`] : currencies, `${path}/${b.pick}`));
      return;
    }
    if ('amount' in a) return;
    if ('percent' in a) {
      numericFact(a.of, `${path}/of`);
      return percent(a.percent, `${path}/percent`);
    }
    source(a as Source, path);
  }
  return out;
}
