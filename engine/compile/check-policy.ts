// Compiler stage "check": every reference in the IR resolves to a declaration, values have the
// declared types, plan-dependent values cover every option they are used for. Errors carry JSON
// pointers that the front end maps back to file:line:column.
import { checkZone, LIMIT_MS, LIMIT_YEARS, nominalMs, parseDuration } from '../calendar/index.ts';
import { diagnostic, didYouMean, listOf, type Code, type Diagnostic } from '../diagnostics/index.ts';
import type {
  AttributeDecl,
  Condition,
  EventRef,
  FactDecl,
  Instant,
  Policy,
} from '../ir/schema.ts';
import { COMPARISONS, comparisonsOf } from '../ir/operators.ts';
import { isByPlan } from '../ir/plan-value.ts';
import { isOfType, withArticle } from '../ir/value-types.ts';
import { quoteValue } from '../diagnostics/quote-value.ts';

type Scalar = string | number | boolean;

export function checkPolicy(p: Policy): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (code: Code, path: string, message: string, help?: string) =>
    out.push(diagnostic(code, message, { path, ...(help ? { help } : {}) }));
  const facts = p.facts ?? {};
  const calendars = p.calendars ?? {};
  const instants = p.instants ?? {};
  const counters = p.counters ?? {};
  const deadlineIds = new Set((p.deadlines ?? []).map((d) => d.id));
  const entitlementIds = new Set((p.entitlements ?? []).map((e) => e.id));

  const unknown = (code: Code, path: string, what: string, name: string, known: Iterable<string>) => {
    const list = [...known];
    err(code, path, `unknown ${what} \`${name}\``, didYouMean(name, list) ?? (list.length ? `declared: ${listOf(list)}` : `no ${what} is declared`));
  };

  // ── declarations ──
  const zoneProblem = checkZone(p.zone);
  if (zoneProblem) err('SLA3007', '/zone', zoneProblem);
  for (const [dim, decl] of Object.entries(p.plans)) {
    if (decl.default !== undefined && !decl.options.includes(decl.default))
      unknown('SLA3005', `/plans/${dim}/default`, `option of plan \`${dim}\``, decl.default, decl.options);
  }
  for (const [name, decl] of Object.entries(facts)) {
    if (decl.default !== undefined) checkValue(decl, decl.default, `/facts/${name}/default`, `fact \`${name}\``);
  }
  for (const [type, decl] of Object.entries(p.events)) {
    for (const [attr, a] of Object.entries(decl.attributes ?? {}))
      if (a.default !== undefined) checkValue(a, a.default, `/events/${type}/attributes/${attr}/default`, `attribute \`${attr}\``);
  }
  for (const [id, cal] of Object.entries(calendars)) {
    if (cal.base !== undefined && !Object.hasOwn(calendars, cal.base))
      unknown('SLA3008', `/calendars/${id}/base`, 'calendar', cal.base, Object.keys(calendars));
    if (cal.zone !== undefined) {
      const problem = checkZone(cal.zone);
      if (problem) err('SLA3007', `/calendars/${id}/zone`, problem);
    }
  }
  if (p.calendar !== undefined && !Object.hasOwn(calendars, p.calendar))
    unknown('SLA3008', '/calendar', 'calendar', p.calendar, Object.keys(calendars));
  for (const [id, clause] of Object.entries(p.clauses))
    if (Object.keys(clause.text).length === 0) err('SLA3014', `/clauses/${id}/text`, `clause \`${id}\` has no text`);
  (p.assumptions ?? []).forEach((a, i) => clauseRef(a.clause, `/assumptions/${i}/clause`));

  // ── helpers ──
  function clauseRef(id: string, path: string) {
    if (!Object.hasOwn(p.clauses, id)) unknown('SLA3009', path, 'clause', id, Object.keys(p.clauses));
  }
  function calendarRef(id: string | undefined, path: string) {
    if (id !== undefined && !Object.hasOwn(calendars, id)) unknown('SLA3008', path, 'calendar', id, Object.keys(calendars));
  }
  function factDecl(name: string, path: string): FactDecl | undefined {
    if (Object.hasOwn(facts, name)) return facts[name];
    unknown('SLA3002', path, 'fact', name, Object.keys(facts));
    return undefined;
  }
  function numericFact(name: string, path: string) {
    const d = factDecl(name, path);
    if (d && d.type !== 'number' && d.type !== 'integer')
      err('SLA3011', path, `fact \`${name}\` is a ${d.type}; a number is needed here`);
  }
  function attrDecl(event: string, attr: string, path: string): AttributeDecl | undefined {
    const attrs = p.events[event]?.attributes ?? {};
    if (Object.hasOwn(attrs, attr)) return attrs[attr];
    unknown('SLA3004', path, `attribute of \`${event}\``, attr, Object.keys(attrs));
    return undefined;
  }
  function checkValue(decl: { type: string; enum?: Scalar[] }, v: Scalar, path: string, what: string) {
    if (!isOfType(decl.type, v)) return err('SLA3011', path, `${what} is ${withArticle(decl.type)}; ${quoteValue(v)} is not`);
    if (decl.enum && !decl.enum.includes(v))
      err('SLA3011', path, `${quoteValue(v)} is not a value of ${what}`, didYouMean(String(v), decl.enum.map(String)) ?? `expected one of ${listOf(decl.enum.map(String))}`);
  }
  function eventRef(ref: EventRef, path: string) {
    if (!Object.hasOwn(p.events, ref.event)) return unknown('SLA3003', `${path}/event`, 'event type', ref.event, Object.keys(p.events));
    for (const [attr, v] of Object.entries(ref.where ?? {})) {
      const d = attrDecl(ref.event, attr, `${path}/where/${attr}`);
      if (d) for (const one of Array.isArray(v) ? v : [v]) checkValue(d, one, `${path}/where/${attr}`, `attribute \`${attr}\``);
    }
  }
  function duration(d: string, path: string, calendar: string | undefined) {
    const parsed = parseDuration(d);
    if (!parsed) return err('SLA3015', path, `"${d}" is not a duration`, 'e.g. "24 hours", "3 days", "14 business days", "5 business hours", "1 solar year"');
    if (parsed.unit.startsWith('business') && calendar === undefined && p.calendar === undefined)
      err('SLA3008', path, `"${d}" needs a calendar`, 'name one with `calendar:` on the item or at the top of the policy');
    if (nominalMs(parsed) > LIMIT_MS)
      err('SLA3015', path, `"${d}" is longer than ${LIMIT_YEARS} years, more than the clocks compute`, 'check the number');
  }
  function planValue<T>(v: T | { by: string; values: Record<string, T> }, path: string, applies: Record<string, string[]> | undefined, each: (t: T, path: string) => void) {
    if (!isByPlan(v)) return each(v as T, path);
    const decl = p.plans[v.by];
    if (!decl) return unknown('SLA3005', `${path}/by`, 'plan dimension', v.by, Object.keys(p.plans));
    for (const [option, t] of Object.entries(v.values)) {
      if (!decl.options.includes(option)) unknown('SLA3005', `${path}/values/${option}`, `option of plan \`${v.by}\``, option, decl.options);
      else each(t, `${path}/values/${option}`);
    }
    const needed = applies?.[v.by] ?? decl.options;
    const missing = needed.filter((o) => !Object.hasOwn(v.values, o));
    if (missing.length) err('SLA3006', `${path}/values`, `no value for ${listOf(missing)} of plan \`${v.by}\``, 'give one, or leave those options out with `applies:`');
  }
  function instant(i: Instant, path: string, applies?: Record<string, string[]>) {
    if ('instant' in i) {
      if (!Object.hasOwn(instants, i.instant)) unknown('SLA3001', `${path}/instant`, 'instant', i.instant, Object.keys(instants));
      return;
    }
    eventRef(i.from, `${path}/from`);
    calendarRef(i.calendar, `${path}/calendar`);
    if (i.add !== undefined) planValue<string>(i.add, `${path}/add`, applies, (d, at) => duration(d, at, i.calendar));
  }
  function applies(a: Record<string, string[]> | undefined, path: string) {
    for (const [dim, options] of Object.entries(a ?? {})) {
      const decl = p.plans[dim];
      if (!decl) unknown('SLA3005', `${path}/${dim}`, 'plan dimension', dim, Object.keys(p.plans));
      else options.forEach((o, i) => { if (!decl.options.includes(o)) unknown('SLA3005', `${path}/${dim}/${i}`, `option of plan \`${dim}\``, o, decl.options); });
    }
  }
  function condition(c: Condition, path: string, scope?: Record<string, string[]>) {
    if ('fact' in c) {
      const d = factDecl(c.fact, `${path}/fact`);
      if (!d) return;
      for (const { key } of comparisonsOf('scalar')) if (c[key] !== undefined) checkValue(d, c[key]!, `${path}/${key}`, `fact \`${c.fact}\``);
      for (const { key } of comparisonsOf('list')) c[key]?.forEach((v, i) => checkValue(d, v, `${path}/${key}/${i}`, `fact \`${c.fact}\``));
      for (const { key } of comparisonsOf('number'))
        if (c[key] !== undefined && d.type !== 'number' && d.type !== 'integer') err('SLA3011', `${path}/${key}`, `fact \`${c.fact}\` is a ${d.type}; it cannot be compared as a number`);
      const ops = COMPARISONS.filter(({ key }) => key in c);
      if (ops.length !== 1) err('SLA2001', path, `a fact condition needs exactly one comparison (found ${ops.length})`, `${COMPARISONS.slice(0, -1).map((o) => o.key).join(', ')} or ${COMPARISONS[COMPARISONS.length - 1].key}`);
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
      if (!d) return unknown('SLA3001', `${path}/deadline`, 'deadline', c.deadline, deadlineIds);
      if (c.where) eventRef({ event: d.start.event, where: c.where }, path);
      if (c.started_before) instant(c.started_before, `${path}/started_before`, scope);
    } else if ('counter' in c) {
      if (!Object.hasOwn(counters, c.counter)) unknown('SLA3001', `${path}/counter`, 'counter', c.counter, Object.keys(counters));
    } else if ('entitlement' in c) {
      if (!entitlementIds.has(c.entitlement)) unknown('SLA3001', `${path}/entitlement`, 'entitlement', c.entitlement, entitlementIds);
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
    if ('breached' in c) { if (!deadlineIds.has(c.breached)) unknown('SLA3001', `${path}/breached`, 'deadline', c.breached, deadlineIds); }
    else if ('count' in c) eventRef(c.count, `${path}/count`);
    else { eventRef(c.of, `${path}/of`); attrDecl(c.of.event, c.sum, `${path}/sum`); }
  }
  const ids = new Map<string, string>();
  const uniqueId = (id: string, path: string) => {
    if (ids.has(id)) err('SLA3010', `${path}/id`, `the id \`${id}\` is used twice (also at ${ids.get(id)})`);
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
        err('SLA3004', `${path}/stop`, `\`${d.stop.event}\` has no attribute \`${d.subject}\`, so it cannot stop a deadline per ${d.subject}`);
    }
  });
  (p.entitlements ?? []).forEach((e, i) => {
    const path = `/entitlements/${i}`;
    uniqueId(e.id, path);
    clauseRef(e.clause, `${path}/clause`);
    applies(e.applies, `${path}/applies`);
    if (e.subject !== undefined && !Object.values(p.events).some((ev) => Object.hasOwn(ev.attributes ?? {}, e.subject!)))
      err('SLA3004', `${path}/subject`, `no event type has an attribute \`${e.subject}\` to tell the subjects apart`);
    if (e.limit !== undefined) {
      if (typeof e.limit === 'object' && e.limit !== null && 'attribute' in e.limit) {
        eventRef(e.limit.of, `${path}/limit/of`);
        numericAttr(e.limit.of.event, e.limit.attribute, `${path}/limit/attribute`);
      } else planValue(e.limit as number | null, `${path}/limit`, e.applies, () => {});
    }
    if (e.used) {
      const u = e.used;
      if ('count' in u) { eventRef(u.count, `${path}/used/count`); if (u.after) eventRef(u.after, `${path}/used/after`); }
      else if ('fact' in u) numericFact(u.fact, `${path}/used/fact`);
      else { eventRef(u.of, `${path}/used/of`); numericAttr(u.of.event, u.sum, `${path}/used/sum`); if (u.after) eventRef(u.after, `${path}/used/after`); }
    }
    if (e.opens) eventRef(e.opens, `${path}/opens`);
    if (e.until) instant(e.until, `${path}/until`, e.applies);
    if (e.closed_by) eventRef(e.closed_by, `${path}/closed_by`);
    if (e.pause) { eventRef(e.pause.start, `${path}/pause/start`); eventRef(e.pause.stop, `${path}/pause/stop`); duration(e.pause.max, `${path}/pause/max`, undefined); }
    (e.when ?? []).forEach((c, j) => condition(c, `${path}/when/${j}`, e.applies));
    for (const [name, c] of Object.entries(e.fields ?? {})) condition(c, `${path}/fields/${name}`, e.applies);
    if (e.cost !== undefined) planValue(e.cost, `${path}/cost`, e.applies, (c, at) => { if ('of' in c) numericFact(c.of, `${at}/of`); });
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
      err('SLA3011', `${path}/downtime/event`, `\`${c.downtime.event}\` has no duration; declare it with \`duration: true\``);
  });

  function numericAttr(event: string, attr: string, path: string) {
    if (!Object.hasOwn(p.events, event)) return;
    const d = attrDecl(event, attr, path);
    if (d && d.type !== 'number' && d.type !== 'integer') err('SLA3011', path, `attribute \`${attr}\` is a ${d.type}; a number is needed here`);
  }
  return out;
}
