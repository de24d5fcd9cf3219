// The difference between two versions of a policy in its own terms: items, windows, limits,
// calendars, clauses… added, removed or changed, with the plan options a change concerns
// ("entitlement `re_migration` until, for support premium: full_migration_completed + 5 days →
// full_migration_completed + 7 days"), not a text diff.
import { describeCondition, describeEvent } from '../ir/describe.ts';
import { isByPlan } from '../ir/plan-value.ts';
import type { Condition, EventRef, Instant, Policy } from '../ir/schema.ts';
import { planChoices } from './plan-choices.ts';
import { valueKey } from './walk-ir.ts';

export interface PolicyChange {
  change: 'added' | 'removed' | 'changed';
  /** what changed, in the policy's words: "entitlement `re_migration`", "calendar `business` holidays" */
  subject: string;
  /** before → after, for a change */
  detail?: string;
  /** JSON pointer in the new policy (the old one for a removal) */
  path: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
// Reasons and descriptions count: they are what answers and explanations say.
const same = (a: unknown, b: unknown) => valueKey(a) === valueKey(b);

function describeInstant(i: Instant): string {
  const known = i.known ? ' (once known)' : '';
  if ('instant' in i) return `${i.instant}${known}`;
  const from = describeEvent(i.from);
  const add = i.add === undefined ? from : `${from} + ${isByPlan(i.add) ? JSON.stringify(i.add.values) : i.add}`;
  return `${i.calendar ? `${add} (${i.calendar} calendar)` : add}${known}`;
}

/** A ledger's pools in plain words: "a pool of `hours` per package_purchased, expiring after 1 solar year". */
function describeLedger(l: Obj): string {
  const size = isObj(l.amount) ? describe('amount', l.amount) : `\`${String(l.amount)}\``;
  const grant = isObj(l.grant) ? describeEvent(l.grant as EventRef) : 'none';
  const expires = l.expires === undefined ? 'never expiring' : `expiring after ${describe('expires', l.expires)}`;
  return `a pool of ${size} per ${grant}${l.plan ? ` and one by plan \`${String(l.plan)}\`` : ''}, ${expires}${l.calendar ? ` (${String(l.calendar)} calendar)` : ''}`;
}

/** A field's value in plain words. */
function describe(field: string, v: unknown): string {
  if (v === undefined) return 'none';
  if (['start', 'stop', 'opens', 'closed_by', 'request', 'downtime', 'each', 'grant'].includes(field) && isObj(v) && 'event' in v)
    return describeEvent(v as EventRef);
  if (field === 'ledger' && isObj(v)) return describeLedger(v);
  if (field === 'amount' && isObj(v) && 'attribute' in v) return `${String(v.attribute)} ${JSON.stringify(v.values)}`;
  if (isObj(v) && ('from' in v || 'instant' in v) && !('to' in v)) return describeInstant(v as Instant);
  if (field === 'when' && Array.isArray(v)) return v.length ? (v as Condition[]).map((c) => describeCondition(c)).join('; ') : 'always';
  if (field === 'when' && isObj(v)) return describeCondition(v as Condition);
  if (field === 'applies' && isObj(v))
    return Object.entries(v)
      .map(([dim, o]) => `${dim} ${(o as string[]).join(', ')}`)
      .join('; ');
  if (isObj(v) && 'percent' in v && 'of' in v) return `${String(v.percent)}% of ${String(v.of)}`;
  if (isObj(v) && 'amount' in v) return `${String(v.amount)}${v.currency ? ` ${String(v.currency)}` : ''}`;
  if (isObj(v) && 'count' in v) return `count of ${describeEvent(v.count as EventRef)}${v.after ? ` after ${describeEvent(v.after as EventRef)}` : ''}`;
  if (isObj(v) && 'sum' in v) return `sum of ${String(v.sum)} of ${describeEvent(v.of as EventRef)}`;
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) return v.length ? v.join(', ') : 'none';
  if (v === null) return field === 'limit' ? 'unlimited' : 'null';
  if (typeof v !== 'object') return String(v);
  return JSON.stringify(v);
}

/** The plan dimensions whose options a value is chosen by, anywhere inside it. */
function byDimensions(v: unknown, out = new Set<string>()): Set<string> {
  if (isByPlan(v as never)) out.add((v as { by: string }).by);
  if (Array.isArray(v)) v.forEach((x) => byDimensions(x, out));
  else if (isObj(v)) Object.values(v).forEach((x) => byDimensions(x, out));
  return out;
}

/** The value as it is for one choice of plans (by-plan values replaced by the chosen option's). */
function specialise(v: unknown, plans: Record<string, string>): unknown {
  if (isByPlan(v as never)) {
    const { by, values } = v as { by: string; values: Obj };
    return Object.hasOwn(values, plans[by]) ? specialise(values[plans[by]], plans) : undefined;
  }
  if (Array.isArray(v)) return v.map((x) => specialise(x, plans));
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, specialise(x, plans)]));
  return v;
}

interface Ctx {
  out: PolicyChange[];
  optionsOf: (dim: string) => string[];
}

/** One changed field, per plan choice where the values are chosen by plan. */
function fieldChange(ctx: Ctx, subject: string, field: string, a: unknown, b: unknown, path: string): void {
  const dims = [...new Set([...byDimensions(a), ...byDimensions(b)])];
  if (dims.length === 0) {
    ctx.out.push({ change: 'changed', subject: `${subject} ${field}`, detail: `${describe(field, a)} → ${describe(field, b)}`, path });
    return;
  }
  for (const plans of planChoices(dims, ctx.optionsOf)) {
    const [sa, sb] = [specialise(a, plans), specialise(b, plans)];
    if (same(sa, sb)) continue;
    const which = Object.entries(plans)
      .map(([k, o]) => `${k} ${o}`)
      .join(', ');
    ctx.out.push({ change: 'changed', subject: `${subject} ${field}, for ${which}`, detail: `${describe(field, sa)} → ${describe(field, sb)}`, path });
  }
}

// fields made of fields, whose changes are named one by one ("ledger expires"), not as a whole
const NESTED = new Set(['ledger']);

function diffFields(ctx: Ctx, subject: string, a: Obj, b: Obj, path: string, skip: string[] = []): void {
  for (const field of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (field === 'id' || skip.includes(field) || same(a[field], b[field])) continue;
    const [x, y] = [a[field], b[field]];
    if (NESTED.has(field) && isObj(x) && isObj(y)) diffFields(ctx, `${subject} ${field}`, x, y, `${path}/${field}`);
    else fieldChange(ctx, subject, field, x, y, `${path}/${field}`);
  }
}

/** Lists keyed by id (items, rules) or records keyed by name (calendars, clauses, facts…). */
function diffKeyed(
  ctx: Ctx,
  kind: string,
  a: Record<string, Obj>,
  b: Record<string, Obj>,
  pathOf: (key: string, side: 'old' | 'new') => string,
  inner: (subject: string, x: Obj, y: Obj, path: string) => void = (s, x, y, p) => diffFields(ctx, s, x, y, p),
): void {
  for (const key of Object.keys(a)) if (!Object.hasOwn(b, key)) ctx.out.push({ change: 'removed', subject: `${kind} \`${key}\``, path: pathOf(key, 'old') });
  for (const key of Object.keys(b)) {
    if (!Object.hasOwn(a, key)) ctx.out.push({ change: 'added', subject: `${kind} \`${key}\``, path: pathOf(key, 'new') });
    else if (!same(a[key], b[key])) inner(`${kind} \`${key}\``, a[key], b[key], pathOf(key, 'new'));
  }
}

const byId = (list: readonly { id: string }[] | undefined) => Object.fromEntries((list ?? []).map((x) => [x.id, x as unknown as Obj]));
const indexIn = (list: readonly { id: string }[] | undefined, id: string) => (list ?? []).findIndex((x) => x.id === id);

function diffCalendar(ctx: Ctx, subject: string, a: Obj, b: Obj, path: string): void {
  const holidays = (c: Obj) => Object.fromEntries(((c.holidays as Obj[] | undefined) ?? []).map((h, i) => [String(h.name ?? h.country ?? i), h]));
  diffKeyed(ctx, `${subject} holiday`, holidays(a), holidays(b), () => `${path}/holidays`);
  for (const list of ['extra_days_off', 'extra_working_days'] as const) {
    const [x, y] = [new Set((a[list] as string[] | undefined) ?? []), new Set((b[list] as string[] | undefined) ?? [])];
    const added = [...y].filter((d) => !x.has(d));
    const removed = [...x].filter((d) => !y.has(d));
    if (added.length) ctx.out.push({ change: 'added', subject: `${subject} ${list}`, detail: added.join(', '), path: `${path}/${list}` });
    if (removed.length) ctx.out.push({ change: 'removed', subject: `${subject} ${list}`, detail: removed.join(', '), path: `${path}/${list}` });
  }
  const hours = (c: Obj) => (c.hours as Obj | undefined) ?? {};
  for (const day of [...new Set([...Object.keys(hours(a)), ...Object.keys(hours(b))])])
    if (!same(hours(a)[day], hours(b)[day]))
      ctx.out.push({
        change: 'changed',
        subject: `${subject} hours ${day}`,
        detail: `${describeHours(hours(a)[day])} → ${describeHours(hours(b)[day])}`,
        path: `${path}/hours`,
      });
  diffFields(ctx, subject, a, b, path, ['holidays', 'extra_days_off', 'extra_working_days', 'hours']);
}
const describeHours = (h: unknown) => (Array.isArray(h) && h.length ? h.join(', ') : 'closed');

function diffClause(ctx: Ctx, subject: string, a: Obj, b: Obj, path: string): void {
  const [ta, tb] = [(a.text as Obj | undefined) ?? {}, (b.text as Obj | undefined) ?? {}];
  for (const lang of [...new Set([...Object.keys(ta), ...Object.keys(tb)])])
    if (ta[lang] !== tb[lang])
      ctx.out.push({
        change: ta[lang] === undefined ? 'added' : tb[lang] === undefined ? 'removed' : 'changed',
        subject: `${subject} text (${lang})`,
        path: `${path}/text/${lang}`,
      });
  diffFields(ctx, subject, a, b, path, ['text']);
}

function diffRefund(ctx: Ctx, a: Policy['refund'], b: Policy['refund']): void {
  if (!a || !b) {
    if (a || b) ctx.out.push({ change: a ? 'removed' : 'added', subject: 'refund terms', path: '/refund' });
    return;
  }
  const [ra, rb] = [a.rules, b.rules];
  const common = (x: typeof ra, y: typeof rb) => x.map((r) => r.id).filter((id) => y.some((s) => s.id === id));
  if (common(ra, rb).join() !== common(rb, ra).join())
    ctx.out.push({
      change: 'changed',
      subject: 'refund rule order',
      detail: `${ra.map((r) => r.id).join(', ')} → ${rb.map((r) => r.id).join(', ')}`,
      path: '/refund/rules',
    });
  diffKeyed(
    ctx,
    'refund rule',
    byId(ra),
    byId(rb),
    (id, side) => `/refund/rules/${indexIn(side === 'old' ? ra : rb, id)}`,
    (subject, x, y, path) => {
      diffKeyed(ctx, `${subject} exclusion`, byId(x.exclusions as never), byId(y.exclusions as never), () => `${path}/exclusions`);
      diffFields(ctx, subject, x, y, path, ['exclusions']);
    },
  );
  diffFields(ctx, 'refund', a as unknown as Obj, b as unknown as Obj, '/refund', ['rules']);
}

/** Every change from `before` to `after`, in the order of the policy's sections. */
export function semanticDiff(before: Policy, after: Policy): PolicyChange[] {
  const options = (dim: string) => [...new Set([...(before.plans[dim]?.options ?? []), ...(after.plans[dim]?.options ?? [])])];
  const ctx: Ctx = { out: [], optionsOf: options };
  const [a, b] = [before as unknown as Obj, after as unknown as Obj];
  for (const field of ['id', 'title', 'version', 'effective', 'zone', 'currency', 'calendar', 'sources'])
    if (!same(a[field], b[field])) fieldChange(ctx, 'policy', field, a[field], b[field], `/${field}`);
  const records = (p: Policy, key: 'plans' | 'facts' | 'events' | 'counters' | 'calendars' | 'instants') => (p[key] ?? {}) as Record<string, Obj>;
  for (const [kind, key] of [
    ['plan', 'plans'],
    ['fact', 'facts'],
    ['event type', 'events'],
    ['counter', 'counters'],
  ] as const)
    diffKeyed(ctx, kind, records(before, key), records(after, key), (k) => `/${key}/${k}`);
  diffKeyed(
    ctx,
    'calendar',
    records(before, 'calendars'),
    records(after, 'calendars'),
    (k) => `/calendars/${k}`,
    (s, x, y, p) => diffCalendar(ctx, s, x, y, p),
  );
  diffKeyed(
    ctx,
    'instant',
    records(before, 'instants'),
    records(after, 'instants'),
    (k) => `/instants/${k}`,
    (s, x, y, p) => fieldChange(ctx, s, 'at', x, y, p),
  );
  diffKeyed(
    ctx,
    'clause',
    before.clauses as never,
    after.clauses as never,
    (k) => `/clauses/${k}`,
    (s, x, y, p) => diffClause(ctx, s, x, y, p),
  );
  diffKeyed(
    ctx,
    'assumption',
    byId(before.assumptions),
    byId(after.assumptions),
    (id, side) => `/assumptions/${indexIn(side === 'old' ? before.assumptions : after.assumptions, id)}`,
  );
  for (const section of ['deadlines', 'entitlements', 'amounts', 'credits'] as const) {
    const kind = section.slice(0, -1);
    diffKeyed(ctx, kind, byId(before[section]), byId(after[section]), (id, side) => `/${section}/${indexIn((side === 'old' ? before : after)[section], id)}`);
  }
  diffRefund(ctx, before.refund, after.refund);
  return ctx.out;
}

/** One line per change: `~ entitlement \`re_migration\` until, for support premium: a → b`. */
export function formatPolicyChange(c: PolicyChange): string {
  const mark = c.change === 'added' ? '+' : c.change === 'removed' ? '-' : '~';
  return `${mark} ${c.subject}${c.change === 'changed' ? '' : ` ${c.change}`}${c.detail ? `: ${c.detail}` : ''}`;
}
