// IR → the canonical DSL text. Printing is total over valid IR and exact: parsing the output gives
// back a deep-equal IR (every optional field present in the IR, and only those, is written).
import type {
  AttributeDecl,
  CalendarDecl,
  Condition,
  Amount,
  AmountItem,
  Credit,
  Deadline,
  Entitlement,
  EventDecl,
  EventRef,
  FactDecl,
  HolidayRule,
  Instant,
  InstantDef,
  Ledger,
  Limit,
  Percent,
  Policy,
  Refund,
  Used,
  Where,
} from '../engine/ir/schema.ts';
import { isByPlan } from '../engine/ir/plan-value.ts';
import { best, type AmountCandidate, type PercentCandidate, type Source } from '../engine/ir/amount.ts';
import { COMPARISONS, comparisonsIn } from '../engine/ir/operators.ts';
import { pointerSegment } from './json-pointer.ts';
import { isDate, isDuration, isIdent, isKeyword, isOffset, isTimeRange, isZoneName } from './lexical.ts';
import { compressDays, WEEKDAYS } from './weekdays.ts';

type Scalar = string | number | boolean;

/** words that would continue an attribute's type if written bare as the next attribute's name */
const TYPE_MODIFIERS = new Set(['in', 'default', 'required', 'optional']);

/** longer sentences are broken before `within` and `after` */
const LINE = 100;
const str = (s: string) => JSON.stringify(s);
/** a name where keywords are fine (only punctuation can follow it) */
const name = (s: string) => (isIdent(s) && s !== 'true' && s !== 'false' ? s : str(s));
/** a name where a keyword would be read as the keyword */
const ref = (s: string) => (isIdent(s) && !isKeyword(s) ? s : str(s));
const num = (n: number) => (Object.is(n, -0) ? '-0' : String(n));
const value = (v: Scalar): string => (typeof v === 'number' ? num(v) : typeof v === 'boolean' ? String(v) : name(v));
const values = (vs: readonly Scalar[]) => `[${vs.map(value).join(', ')}]`;
const names = (vs: readonly string[]) => (vs.length === 0 ? '[]' : vs.map(name).join(', '));
const date = (s: string) => (isDate(s) ? s : str(s));
const dates = (vs: readonly string[]) => (vs.length === 0 ? '[]' : vs.map(date).join(', '));
const duration = (s: string) => (isDuration(s) ? s : str(s));
const zone = (s: string) => (isZoneName(s) || isOffset(s) || (isIdent(s) && !isKeyword(s)) ? s : str(s));
const timeRange = (s: string) => (isTimeRange(s) ? s : str(s));
const days = (ds: readonly string[]) =>
  ds.length === 0
    ? '[]'
    : compressDays(ds)
        .map((d) => d.map(name).join('..'))
        .join(', ');
const has = <T extends object>(o: T, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function planValue<T>(v: T | { by: string; values: Record<string, T> }, inner: (x: T) => string): string {
  if (!isByPlan<T>(v)) return inner(v);
  const entries = Object.entries(v.values).map(([k, x]) => `${name(k)}: ${inner(x as T)}`);
  return `by ${ref(v.by)} ${entries.length ? `{ ${entries.join(', ')} }` : '{}'}`;
}

function where(w: Where): string {
  const entries = Object.entries(w);
  if (entries.length === 0) return 'where {}';
  return `where ${entries.map(([k, v]) => `${name(k)}${attributeTest(v)}`).join(', ')}`;
}
/** `= v`, `in [..]`, `>= 3`; comparisons the short forms would not give back go in braces */
function attributeTest(v: Where[string]): string {
  if (Array.isArray(v)) return ` in ${values(v)}`;
  if (typeof v !== 'object') return ` = ${value(v)}`;
  const ops = comparisonsIn(v, COMPARISONS);
  return ops.length === 1 && ops[0].key !== 'equals' && ops[0].key !== 'in' ? comparisons(v) : ` {${comparisons(v)} }`;
}
function eventRef(r: EventRef): string {
  return `${r.which ? `${r.which} ` : ''}${ref(r.event)}${r.where ? ` ${where(r.where as Where)}` : ''}`;
}
function instant(i: Instant | InstantDef): string {
  const known = 'known' in i && i.known ? 'known ' : '';
  if ('instant' in i) return `${known}instant ${ref(i.instant)}`;
  let s = known + eventRef(i.from);
  if (i.add !== undefined) s += ` + ${planValue(i.add, duration)}`;
  if (i.calendar !== undefined) s += ` on ${ref(i.calendar)}`;
  return s;
}

function comparisons(c: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const { key, dsl } of comparisonsIn(c, COMPARISONS)) {
    const v = c[key];
    parts.push(`${dsl} ${Array.isArray(v) ? values(v as Scalar[]) : value(v as Scalar)}`);
  }
  return parts.length ? ` ${parts.join(', ')}` : '';
}

/** a simple condition, without its reason */
function simpleCondition(o: Record<string, unknown>): string {
  let s: string;
  if (has(o, 'fact')) s = `fact ${name(o.fact as string)}${comparisons(o)}`;
  else if (has(o, 'plan')) s = `plan ${name(o.plan as string)} in ${values(o.in as string[])}`;
  else if (has(o, 'event')) {
    s = `${o.exists === false ? 'no ' : ''}event ${name(o.event as string)}`;
    if (o.where) s += ` ${where(o.where as Where)}`;
    if (o.exists === true) s += ' exists';
    if (o.before) s += ` before ${instant(o.before as Instant)}`;
    if (o.after) s += ` after ${instant(o.after as Instant)}`;
  } else if (has(o, 'now_before')) s = `now before ${instant(o.now_before as Instant)}`;
  else if (has(o, 'deadline')) {
    s = `deadline ${name(o.deadline as string)} ${name(o.status as string)}`;
    if (o.where) s += ` ${where(o.where as Where)}`;
    if (o.started_before) s += ` started before ${instant(o.started_before as Instant)}`;
  } else if (has(o, 'counter')) s = `counter ${name(o.counter as string)}${comparisons(o)}`;
  else if (has(o, 'entitlement')) s = `entitlement ${name(o.entitlement as string)} ${o.allowed === false ? 'not ' : ''}allowed`;
  else s = `open ${name(o.open as string)}`;
  return s;
}
/** `s because "…"`, the reason on a line of its own (indented by `indent`) when the line would be long */
function withReason(s: string, reason: unknown, indent: number): string {
  if (reason === undefined) return s;
  const because = `because ${str(reason as string)}`;
  const lastLine = s.slice(s.lastIndexOf('\n') + 1);
  return lastLine.length + because.length < LINE ? `${s} ${because}` : `${s}\n${' '.repeat(indent)}${because}`;
}

/** A condition. `col` is the column it starts at, relative to the start of its line: a group
 *  `(… or …)` too long for one line has one alternative a line, each lined up with the first. */
export function condition(c: Condition, col = 5): string {
  const o = c as Record<string, unknown>;
  if (!has(o, 'any')) return withReason(simpleCondition(o), o.reason, 4);
  const alternatives = (o.any as Condition[]).map((a) => a as Record<string, unknown>);
  const oneLine = alternatives.map((a) => (a.reason === undefined ? simpleCondition(a) : `${simpleCondition(a)} because ${str(a.reason as string)}`));
  let s = `(${oneLine.join(' or ')})`;
  if (s.length >= LINE) {
    const at = col + 1;
    const lines = alternatives.map((a) => withReason(simpleCondition(a), a.reason, at + 2));
    s = `(${lines.join(`\n${' '.repeat(Math.max(0, at - 3))}or `)})`;
  }
  return withReason(s, o.reason, 4);
}
function conditions(cs: readonly Condition[]): string {
  if (cs.length === 0) return 'when always';
  return `when ${cs.map((c, i) => condition(c, i === 0 ? 'when '.length : '  and '.length)).join('\n  and ')}`;
}

function docs(description: string | undefined, indent: string): string[] {
  if (description === undefined) return [];
  // a carriage return cannot stand in a comment line: write such a description as a JSON string
  if (description.includes('\r')) return [`${indent}##${str(description)}`];
  return description.split('\n').map((l) => `${indent}##${l === '' ? '' : ` ${l}`}`);
}

function typeSpec(d: FactDecl | AttributeDecl): string {
  let s = name(d.type);
  if (d.enum) s += ` in ${values(d.enum)}`;
  if (d.minimum !== undefined) s += ` >= ${num(d.minimum)}`;
  if (d.default !== undefined) s += ` default ${value(d.default)}`;
  const req = (d as AttributeDecl).required;
  if (req === true) s += ' required';
  if (req === false) s += ' optional';
  return s;
}

function eventDecl(id: string, e: EventDecl): string[] {
  let head = `event ${name(id)}`;
  if (e.duration === true) head += ' with duration';
  if (e.duration === false) head += ' without duration';
  const out = docs(e.description, '');
  if (!e.attributes) return [...out, head];
  const attrs = Object.entries(e.attributes);
  if (attrs.length === 0) return [...out, `${head} {}`];
  out.push(`${head} {`);
  for (const [k, a] of attrs) {
    out.push(...docs(a.description, '  '));
    out.push(`  ${TYPE_MODIFIERS.has(k) ? str(k) : name(k)}: ${typeSpec(a)}`);
  }
  out.push('}');
  return out;
}

function hours(h: Record<string, string[]>): string[] {
  const order = [...WEEKDAYS.filter((d) => has(h, d)), ...Object.keys(h).filter((d) => !(WEEKDAYS as readonly string[]).includes(d))];
  const groups = new Map<string, string[]>();
  for (const d of order) {
    const key = JSON.stringify(h[d]);
    const g = groups.get(key) ?? [];
    g.push(d);
    groups.set(key, g);
  }
  return [...groups.values()].map((ds) => {
    const ranges = h[ds[0]];
    return `${days(ds)} ${ranges.length === 0 ? '[]' : ranges.map(timeRange).join(', ')}`;
  });
}

function holiday(h: HolidayRule): string {
  const o = h as Record<string, unknown>;
  let s = 'holiday';
  if (o.name !== undefined) s += ` ${str(o.name as string)}`;
  if (has(o, 'date')) s += ` on ${o.date as string}`;
  else if (has(o, 'jalali')) s += ` on jalali ${o.jalali as string}`;
  else if (has(o, 'easter')) {
    s += ` on ${name(o.easter as string)} easter`;
    if (o.offset !== undefined) {
      const n = o.offset as number;
      const abs = Math.abs(n);
      s += ` ${n < 0 || Object.is(n, -0) ? '-' : '+'} ${num(abs)} ${abs === 1 ? 'day' : 'days'}`;
    }
  } else if (has(o, 'dates')) s += ` on ${dates(o.dates as string[])}`;
  else {
    s += ` of ${name(o.country as string)}`;
    if (o.types) s += ` types ${names(o.types as string[])}`;
  }
  if (o.from !== undefined) s += ` from ${date(o.from as string)}`;
  if (o.until !== undefined) s += ` until ${date(o.until as string)}`;
  if (o.substitute === true) s += ' substitute';
  if (o.substitute === false) s += ' without substitute';
  return s;
}

function calendar(id: string, c: CalendarDecl): string[] {
  const out = docs(c.description, '');
  const body: string[] = [];
  if (c.zone !== undefined) body.push(`zone ${zone(c.zone)}`);
  if (c.base !== undefined) body.push(`base ${ref(c.base)}`);
  if (c.days) body.push(`days ${days(c.days)}`);
  if (c.hours) {
    const lines = hours(c.hours as Record<string, string[]>);
    body.push(block('hours', lines).join('\n'));
  }
  if (c.holidays) {
    if (c.holidays.length === 0) body.push('no holidays');
    for (const h of c.holidays) body.push(holiday(h));
  }
  if (c.suspended) {
    if (c.suspended.length === 0) body.push('no suspensions');
    for (const s of c.suspended) {
      let line = 'suspended';
      if (s.from !== undefined) line += ` from ${date(s.from)}`;
      if (s.until !== undefined) line += ` until ${date(s.until)}`;
      if (s.reason !== undefined) line += ` because ${str(s.reason)}`;
      body.push(line);
    }
  }
  if (c.extra_days_off) body.push(`extra days off ${dates(c.extra_days_off)}`);
  if (c.extra_working_days) body.push(`extra working days ${dates(c.extra_working_days)}`);
  return [...out, ...block(`calendar ${name(id)}`, body)];
}

function langTexts(head: string, text: Record<string, string>): string[] {
  const entries = Object.entries(text);
  if (entries.length === 0) return [`${head} {}`];
  return [`${head} {`, ...entries.map(([k, v]) => `  ${name(k)}: ${str(v)}`), '}'];
}

function itemHead(kind: string, o: { id: string; title?: string; clause?: string; subject?: string }): string {
  let s = `${kind} ${name(o.id)}`;
  if (o.title !== undefined) s += ` ${str(o.title)}`;
  if (o.subject !== undefined) s += ` per ${ref(o.subject)}`;
  if (o.clause !== undefined) s += ` (clause ${name(o.clause)})`;
  return s;
}
function applies(a: Record<string, string[]> | undefined): string[] {
  if (!a) return [];
  const entries = Object.entries(a);
  if (entries.length === 0) return ['for all plans'];
  return entries.map(([dim, opts]) => `for ${ref(dim)} ${names(opts)}`);
}
/** `head { … }` with the body indented (items may span lines) */
function block(head: string, body: string[]): string[] {
  const lines = body.flatMap((l) => l.split('\n'));
  return lines.length ? [`${head} {`, ...lines.map((l) => `  ${l}`), '}'] : [`${head} {}`];
}

function deadline(d: Deadline): string[] {
  const body = applies(d.applies);
  if (d.party !== undefined) {
    const verb = d.recommended === true ? 'should' : d.recommended === false ? 'must' : 'owes';
    const parts = [`${ref(d.party)} ${verb} ${eventRef(d.stop)}`, `within ${planValue(d.duration, duration)}`, `after ${eventRef(d.start)}`];
    const line = parts.join(' ');
    body.push(line.length <= LINE ? line : parts.join('\n  '));
  }
  if (d.calendar !== undefined) body.push(`calendar ${ref(d.calendar)}`);
  if (d.priority !== undefined) body.push(`priority ${planValue(d.priority, ref)}`);
  if (d.report === false) body.push('internal');
  if (d.report === true) body.push('reported');
  return block(itemHead('deadline', d), body);
}

const limitValue = (v: number | null) => (v === null ? 'unlimited' : num(v));
function limit(l: Limit): string {
  if (l !== null && typeof l === 'object' && 'attribute' in l) return `${name(l.attribute)} of ${eventRef(l.of)}`;
  return planValue(l as number | null, limitValue);
}
function source(s: Source): string {
  if ('fact' in s) return `fact ${ref(s.fact)}`;
  return 'each' in s ? `${name(s.attribute)} of each ${eventRef(s.each)}` : `${name(s.attribute)} of ${eventRef(s.of)}`;
}
function candidates(pick: 'max' | 'min', list: unknown[], one: (c: never) => string): string {
  return `${pick}(${list.map((c) => one(c as never)).join(', ')})`;
}
const percentTerm = (p: PercentCandidate): string => (typeof p === 'number' ? num(p) : source(p));
function percent(p: Percent): string {
  const b = best(p);
  return b ? candidates(b.pick, b.candidates, percentTerm) : percentTerm(p as PercentCandidate);
}
function amount(a: Amount | AmountCandidate): string {
  const b = best(a);
  if (b) return candidates(b.pick, b.candidates, amount);
  if ('percent' in a) return `${percent(a.percent)}% of ${ref(a.of)}`;
  if ('amount' in a) return `${num(a.amount)}${a.currency !== undefined ? ` ${ref(a.currency)}` : ''}`;
  return source(a as Source);
}
function used(u: Used): string {
  if ('fact' in u) return `fact ${ref(u.fact)}`;
  const after = u.after ? ` after ${eventRef(u.after)}` : '';
  if ('count' in u) return `count ${eventRef(u.count)}${after}`;
  return `sum ${name(u.sum)} of ${eventRef(u.of)}${after}`;
}

function ledger(l: Ledger): string {
  const amount = l.amount;
  let s = `ledger ${name(typeof amount === 'string' ? amount : amount.attribute)} of ${eventRef(l.grant)}`;
  if (typeof amount === 'object')
    s += ` in { ${Object.entries(amount.values)
      .map(([k, v]) => `${name(k)}: ${num(v)}`)
      .join(', ')} }`;
  if (l.expires !== undefined) s += ` within ${planValue(l.expires, duration)}`;
  if (l.calendar !== undefined) s += ` on ${ref(l.calendar)}`;
  if (l.plan !== undefined) s += ` and plan ${ref(l.plan)}`;
  return s;
}

function entitlement(e: Entitlement): string[] {
  const body = applies(e.applies);
  if (e.each)
    body.push(`each ${ref(e.each.event)}${e.each.where ? ` ${where(e.each.where)}` : ''}${e.each.subject !== undefined ? ` by ${ref(e.each.subject)}` : ''}`);
  if (has(e, 'limit')) body.push(`limit ${limit(e.limit as Limit)}`);
  if (e.limit_kind !== undefined) body.push(`kind ${name(e.limit_kind)}`);
  if (e.ledger) body.push(ledger(e.ledger));
  if (e.used) body.push(`used ${used(e.used)}`);
  if (e.excess === true) body.push('excess');
  if (e.excess === false) body.push('no excess');
  if (e.opens) body.push(`opens at ${'event' in e.opens ? eventRef(e.opens) : instant(e.opens)}`);
  if (e.until) body.push(`until ${instant(e.until)}`);
  if (e.closed_by) body.push(`closed by ${eventRef(e.closed_by)}`);
  if (e.pause) body.push(`paused from ${eventRef(e.pause.start)} until ${eventRef(e.pause.stop)} max ${duration(e.pause.max)}`);
  if (e.when) body.push(conditions(e.when));
  if (e.cost !== undefined) body.push(`cost ${planValue(e.cost, amount)}`);
  if (e.fields) {
    const fields = Object.entries(e.fields);
    if (fields.length === 0) body.push('no fields');
    for (const [k, c] of fields) {
      const head = `field ${name(k)}: `;
      body.push(`${head}${condition(c, head.length)}`);
    }
  }
  return block(itemHead('entitlement', e), body);
}

function amountItem(a: AmountItem): string[] {
  const body = applies(a.applies);
  if (a.value !== undefined) body.push(`value ${planValue(a.value, amount)}`);
  return block(itemHead('amount', a), body);
}

function refund(r: Refund): string[] {
  const body: string[] = [];
  if (r.basis !== undefined) body.push(`basis ${ref(r.basis)}`);
  if (r.request) body.push(`requested at ${eventRef(r.request)}`);
  for (const rule of r.rules ?? []) {
    const rb: string[] = [conditions(rule.when ?? [])];
    if (rule.percent !== undefined) rb.push(`refund ${num(rule.percent)}% because ${str(rule.reason ?? '')}`);
    if (rule.exclusions) {
      if (rule.exclusions.length === 0) rb.push('no exclusions');
      for (const x of rule.exclusions) {
        const head = `except ${name(x.id)}${x.clause !== undefined ? ` (clause ${name(x.clause)})` : ''} because ${str(x.reason)}`;
        const when = `when ${condition(x.when, head.length + ' when '.length)}`;
        rb.push(head.length + when.length < LINE && !when.includes('\n') ? `${head} ${when}` : `${head}\n  when ${condition(x.when, '  when '.length)}`);
      }
    }
    const head = `rule ${name(rule.id)}${rule.clause !== undefined ? ` (clause ${name(rule.clause)})` : ''}`;
    body.push(...block(head, rb));
  }
  if (r.otherwise !== undefined) body.push(`otherwise ${str(r.otherwise)}`);
  return block(`refund (clause ${name(r.clause)})`, body);
}

function credit(c: Credit): string[] {
  const body = applies(c.applies);
  if (c.per !== undefined) body.push(`per ${name(c.per)}`);
  if (c.downtime) body.push(`downtime ${eventRef(c.downtime)}`);
  if (c.below !== undefined) body.push(`below ${num(c.below)}`);
  if (c.multiplier !== undefined) body.push(`pays ${num(c.multiplier)} times downtime ${name(c.unit ?? 'hours')}`);
  return block(itemHead('credit', c), body);
}

function counter(id: string, c: Record<string, unknown>): string {
  let s = `counter ${name(id)}: `;
  if (has(c, 'breached')) s += `breached ${ref(c.breached as string)}`;
  else if (has(c, 'count')) s += `count ${eventRef(c.count as EventRef)}`;
  else s += `sum ${name(c.sum as string)} of ${eventRef(c.of as EventRef)}`;
  return `${s} per ${name(c.per as string)}`;
}

/** The canonical DSL text of a policy. */
export function printDsl(p: Policy): string {
  return printPolicy(p, new Map());
}

/** Comment lines to print before the declaration that makes the IR item at a JSON pointer
 *  (`''`: before the header; `END`: after the last declaration). */
export type LeadingComments = Map<string, string[]>;
export const END = '$end';

export function printPolicy(p: Policy, leading: LeadingComments): string {
  const used = new Set<string>();
  const lead = (ptr: string, lines: string[]) => {
    const c = leading.get(ptr);
    if (!c) return lines;
    used.add(ptr);
    return [...c, ...lines];
  };
  const keyed = <T>(key: string, record: Record<string, T> | undefined, f: (id: string, v: T) => string[]) =>
    Object.entries(record ?? {}).map(([id, v]) => lead(`/${key}/${pointerSegment(id)}`, f(id, v)));
  const listed = <T>(key: string, list: readonly T[] | undefined, f: (v: T) => string[]) => (list ?? []).map((v, i) => lead(`/${key}/${i}`, f(v)));
  const empty = (key: string, v: object | undefined) => (v && Object.keys(v).length === 0 ? [lead(`/${key}`, [`no ${key}`])] : []);

  const sections: string[][] = [];
  /** a section: a blank line before and after each block, one-liners (with their `##` lines) together */
  const section = (items: string[][]) => {
    if (items.length === 0) return;
    const isBlock = (i: string[]) => i[i.length - 1] === '}';
    sections.push(items.flatMap((i, n) => (n && (isBlock(i) || isBlock(items[n - 1])) ? ['', ...i] : i)));
  };

  const head = [`policy ${name(p.id)} ${str(p.title)}`];
  if (p.version !== undefined) head.push(`  version ${str(p.version)}`);
  if (p.effective !== undefined) head.push(`  effective ${date(p.effective)}`);
  if (p.zone !== undefined) head.push(`  zone ${zone(p.zone)}`);
  if (p.currency !== undefined) head.push(`  currency ${ref(p.currency)}`);
  if (p.calendar !== undefined) head.push(`  calendar ${ref(p.calendar)}`);
  if (p.$schema !== undefined) head.push(`  schema ${str(p.$schema)}`);
  sections.push(lead('', head));

  section(
    listed('sources', p.sources, (s) => [
      `source ${name(s.lang)} ${str(s.file)}${s.title !== undefined ? ` ${str(s.title)}` : ''}${s.rendering_of !== undefined ? ` rendering of ${name(s.rendering_of)}` : ''}`,
    ]),
  );
  section(
    keyed('plans', p.plans, (id, d) => [
      ...docs(d.description, ''),
      `plan ${name(id)}: ${d.options.map(name).join(' | ')}${d.default !== undefined ? ` default ${name(d.default)}` : ''}`,
    ]),
  );
  section([...empty('facts', p.facts), ...keyed('facts', p.facts, (id, d) => [...docs(d.description, ''), `fact ${name(id)}: ${typeSpec(d)}`])]);
  section(keyed('events', p.events, eventDecl));
  section([...empty('calendars', p.calendars), ...keyed('calendars', p.calendars, calendar)]);
  section([...empty('instants', p.instants), ...keyed('instants', p.instants, (id, i) => [`instant ${name(id)} = ${instant(i)}`])]);
  section([...empty('counters', p.counters), ...keyed('counters', p.counters, (id, c) => [counter(id, c as Record<string, unknown>)])]);
  section(keyed('clauses', p.clauses, (id, c) => langTexts(`clause ${name(id)}${c.title !== undefined ? ` ${str(c.title)}` : ''}`, c.text ?? {})));
  section([
    ...empty('assumptions', p.assumptions),
    ...listed('assumptions', p.assumptions, (a) => langTexts(`assumption ${name(a.id)} (clause ${name(a.clause)})`, a.text ?? {})),
  ]);
  section([...empty('deadlines', p.deadlines), ...listed('deadlines', p.deadlines, deadline)]);
  section([...empty('entitlements', p.entitlements), ...listed('entitlements', p.entitlements, entitlement)]);
  section([...empty('amounts', p.amounts), ...listed('amounts', p.amounts, amountItem)]);
  if (p.refund) section([lead('/refund', refund(p.refund))]);
  section([...empty('credits', p.credits), ...listed('credits', p.credits, credit)]);
  // comments whose declaration printed nothing of its own (e.g. `no facts` beside facts) go last
  const rest = [...leading].filter(([k]) => !used.has(k) && k !== END).flatMap(([, c]) => c);
  const end = [...rest, ...(leading.get(END) ?? [])];
  if (end.length) sections.push(end);
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}
