// fast-check arbitraries for the Policy IR: every construct of engine/ir/schema.ts, with names
// that collide with DSL keywords and free text with quotes, escapes, line breaks and any Unicode.
import fc from 'fast-check';
import type { Policy } from '../../engine/ir/schema.ts';
import { keywords } from '../../dsl/lexical.ts';

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** drops undefined fields, as an IR read from YAML has none */
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const rec = <T extends object>(shape: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(shape).map(clean);

const plainId = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
/** ids, half of the time a DSL keyword (which the printer must quote where it would be ambiguous) */
export const id = fc.oneof(plainId, fc.constantFrom(...keywords, 'mon', 'none', 'hours', 'currency', 'ticket'));
const key = fc.oneof(id, fc.string({ maxLength: 6 })).filter((k) => k !== '__proto__');
const dict = <T>(v: fc.Arbitrary<T>, maxKeys = 3) => fc.dictionary(key, v, { maxKeys, noNullPrototype: true });
const idDict = <T>(v: fc.Arbitrary<T>, maxKeys = 3, refused: readonly string[] = []) =>
  fc.dictionary(
    id.filter((k) => k !== '__proto__' && !refused.includes(k)),
    v,
    { maxKeys, noNullPrototype: true },
  );
export const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', 'a "quoted" \\ back\\slash', 'line\nbreak\r\n', '## not a comment', '# hash', '\u2028', 'true'),
);
const num = fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 0.98, 1e21, 5e-324));
const scalar = fc.oneof(text, id, num, fc.boolean());
const date = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  text,
);
const monthDay = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([m, d]) => `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const units = [
  'minute',
  'minutes',
  'hour',
  'hours',
  'day',
  'days',
  'week',
  'weeks',
  'business day',
  'business days',
  'hours (business days)',
  'business hour',
  'business hours',
  'solar year',
  'solar years',
];
const duration = fc.oneof(
  fc.tuple(fc.oneof(fc.nat(1000).map(String), fc.constantFrom('1.5', '0.25', '007', '2.50')), fc.constantFrom(...units)).map(([n, u]) => `${n} ${u}`),
  text,
);
const weekday = fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
const planValue = <T>(v: fc.Arbitrary<T>) => fc.oneof(v, rec({ by: id, values: dict(v) }));

const attributeComparison = rec({
  equals: opt(scalar),
  not_equals: opt(scalar),
  in: opt(fc.array(scalar, { maxLength: 3 })),
  not_in: opt(fc.array(scalar, { maxLength: 3 })),
  greater_than: opt(num),
  less_than: opt(num),
  at_least: opt(num),
  at_most: opt(num),
});
const where = dict(fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), attributeComparison));
const eventRef = rec({ event: id, where: opt(where), which: opt(fc.constantFrom('first' as const, 'last' as const)) });
/** an instant as declared under `instants` */
const instantDef = fc.oneof(rec({ instant: id }), rec({ from: eventRef, add: opt(planValue(duration)), calendar: opt(id) }));
/** an instant as a comparison uses it: maybe needed known */
const known = opt(fc.constant(true as const));
const instant = fc.oneof(rec({ instant: id, known }), rec({ from: eventRef, add: opt(planValue(duration)), calendar: opt(id), known }));
/** where a window opens: an event, a named instant, or an event plus a duration */
const opening = fc.oneof(eventRef, rec({ instant: id }), rec({ from: eventRef, add: planValue(duration), calendar: opt(id) }));
const reason = opt(text);
const simpleCondition = fc.oneof(
  rec({
    fact: id,
    equals: opt(scalar),
    not_equals: opt(scalar),
    in: opt(fc.array(scalar, { maxLength: 3 })),
    not_in: opt(fc.array(scalar, { maxLength: 3 })),
    greater_than: opt(num),
    less_than: opt(num),
    at_least: opt(num),
    at_most: opt(num),
    reason,
  }),
  rec({ plan: id, in: fc.array(fc.oneof(id, text), { maxLength: 3 }), reason }),
  rec({ event: id, where: opt(where), exists: opt(fc.boolean()), before: opt(instant), after: opt(instant), reason }),
  rec({ now_before: instant, reason }),
  rec({
    deadline: id,
    status: fc.constantFrom('pending' as const, 'met' as const, 'breached' as const),
    where: opt(where),
    started_before: opt(instant),
    reason,
  }),
  rec({ counter: id, greater_than: opt(num), at_least: opt(num), reason }),
  rec({ entitlement: id, allowed: fc.boolean(), reason }),
  rec({ open: id, reason }),
);
/** `any` holds simple conditions only; short groups print on one line, long ones one alternative a line */
const anyCondition = rec({ any: fc.array(simpleCondition, { minLength: 2, maxLength: 4 }), reason });
const condition = fc.oneof({ arbitrary: simpleCondition, weight: 3 }, { arbitrary: anyCondition, weight: 1 });
const valueType = fc.constantFrom('number' as const, 'integer' as const, 'boolean' as const, 'string' as const);
const factDecl = rec({
  type: valueType,
  enum: opt(fc.array(scalar, { maxLength: 3 })),
  default: opt(scalar),
  minimum: opt(num),
  description: opt(text),
});
const attributeDecl = rec({
  type: valueType,
  enum: opt(fc.array(scalar, { maxLength: 3 })),
  required: opt(fc.boolean()),
  default: opt(scalar),
  minimum: opt(num),
  description: opt(text),
});
const validity = { from: opt(date), until: opt(date) };
const holiday = fc.oneof(
  rec({ name: text, date: monthDay, ...validity, substitute: opt(fc.boolean()) }),
  rec({
    name: text,
    easter: fc.constantFrom('orthodox' as const, 'western' as const),
    offset: opt(fc.integer({ min: -400, max: 400 })),
    ...validity,
    substitute: opt(fc.boolean()),
  }),
  rec({ name: text, jalali: monthDay, ...validity, substitute: opt(fc.boolean()) }),
  rec({ name: text, dates: fc.array(date, { maxLength: 3 }), substitute: opt(fc.boolean()) }),
  rec({
    name: opt(text),
    country: fc.oneof(fc.constantFrom('IR', 'UA'), id),
    types: opt(fc.array(fc.oneof(id, text), { maxLength: 2 })),
    ...validity,
    substitute: opt(fc.boolean()),
  }),
);
const timeRange = fc.oneof(fc.constantFrom('09:00-18:00', '00:00-24:00', '10:00-12:00'), text);
const calendar = rec({
  zone: opt(fc.oneof(fc.constantFrom('Europe/Kyiv', '+02:00', '-03:30', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+2'), text)),
  base: opt(id),
  days: opt(fc.array(weekday, { maxLength: 8 })),
  hours: opt(fc.dictionary(weekday, fc.array(timeRange, { maxLength: 2 }), { maxKeys: 7, noNullPrototype: true })),
  holidays: opt(fc.array(holiday, { maxLength: 3 })),
  suspended: opt(fc.array(rec({ ...validity, reason: opt(text) }), { maxLength: 2 })),
  extra_days_off: opt(fc.array(date, { maxLength: 2 })),
  extra_working_days: opt(fc.array(date, { maxLength: 2 })),
  description: opt(text),
});
const langText = dict(text, 2);
const applies = opt(idDict(fc.array(id, { maxLength: 3 })));
const deadline = rec({
  id,
  clause: id,
  title: opt(text),
  applies,
  party: fc.oneof(fc.constantFrom('vendor' as const, 'client' as const)),
  recommended: opt(fc.boolean()),
  subject: opt(id),
  start: eventRef,
  stop: eventRef,
  duration: planValue(duration),
  calendar: opt(id),
  priority: opt(planValue(fc.oneof(id, text))),
  report: opt(fc.boolean()),
});
const source = fc.oneof(rec({ fact: id }), rec({ attribute: id, of: eventRef }));
const each = rec({ attribute: id, each: eventRef });
const candidates = <T>(c: fc.Arbitrary<T>) => fc.array(c, { minLength: 1, maxLength: 3 });
const percentCandidate = fc.oneof(num, source, each);
const percent = fc.oneof(num, source, rec({ max: candidates(percentCandidate) }), rec({ min: candidates(percentCandidate) }));
const term = fc.oneof(rec({ amount: num, currency: opt(fc.oneof(id, text)) }), rec({ percent, of: id }), source);
const amountCandidate = fc.oneof(term, each);
const cost = fc.oneof(term, rec({ max: candidates(amountCandidate) }), rec({ min: candidates(amountCandidate) }));
const amountItem = rec({ id, clause: id, title: opt(text), applies, value: planValue(cost) });
const used = fc.oneof(rec({ count: eventRef, after: opt(eventRef) }), rec({ fact: id }), rec({ sum: id, of: eventRef, after: opt(eventRef) }));
const limit = fc.oneof(planValue(fc.oneof(num, fc.constant(null))), rec({ attribute: id, of: eventRef }));
const ledger = rec({
  grant: eventRef,
  amount: fc.oneof(id, rec({ attribute: id, values: dict(num) })),
  expires: opt(planValue(duration)),
  calendar: opt(id),
  plan: opt(id),
});
const entitlement = rec({
  id,
  clause: id,
  title: opt(text),
  applies,
  subject: opt(id),
  each: opt(rec({ event: id, where: opt(where), subject: opt(id) })),
  limit: opt(limit),
  limit_kind: opt(fc.constantFrom('uses' as const, 'capacity' as const)),
  used: opt(used),
  ledger: opt(ledger),
  excess: opt(fc.boolean()),
  opens: opt(opening),
  until: opt(instant),
  closed_by: opt(eventRef),
  pause: opt(rec({ start: eventRef, stop: eventRef, max: duration })),
  when: opt(fc.array(condition, { maxLength: 3 })),
  cost: opt(planValue(cost)),
  fields: opt(idDict(condition, 2)),
});
const refund = rec({
  clause: id,
  basis: id,
  request: opt(eventRef),
  rules: fc.array(
    rec({
      id,
      when: fc.array(condition, { maxLength: 3 }),
      percent: num,
      reason: text,
      clause: opt(id),
      exclusions: opt(fc.array(rec({ id, when: condition, reason: text, clause: opt(id) }), { maxLength: 2 })),
    }),
    { maxLength: 3 },
  ),
  otherwise: opt(text),
});
const per = fc.constantFrom('month' as const, 'solar_month' as const);
const credit = rec({
  id,
  clause: id,
  title: opt(text),
  applies,
  per,
  downtime: eventRef,
  below: num,
  multiplier: num,
  unit: fc.constant('hours' as const),
});
const counter = fc.oneof(rec({ breached: id, per }), rec({ count: eventRef, per }), rec({ sum: id, of: eventRef, per }));

export const policyArb: fc.Arbitrary<Policy> = rec({
  $schema: opt(text),
  id: fc.oneof(plainId, fc.constantFrom('acme-cloud', 'relokia')),
  title: text,
  version: text,
  effective: opt(date),
  zone: fc.oneof(fc.constantFrom('Europe/Kyiv', '+02:00', 'Asia/Tehran'), text),
  currency: opt(fc.oneof(fc.constantFrom('USD', 'EUR'), text)),
  calendar: opt(id),
  sources: fc.array(
    rec({ file: text, lang: fc.oneof(fc.constantFrom('en', 'uk', 'fa'), key), title: opt(text), rendering_of: opt(fc.oneof(fc.constantFrom('en'), key)) }),
    { minLength: 1, maxLength: 2 },
  ),
  plans: idDict(rec({ options: fc.array(id, { minLength: 1, maxLength: 3 }), default: opt(id), description: opt(text) })),
  facts: opt(idDict(factDecl)),
  // an event's own `type`, `at` and `until` come from the case: no attribute may take those names (SLA2006)
  events: idDict(rec({ attributes: opt(idDict(attributeDecl, 3, ['type', 'at', 'until'])), duration: opt(fc.boolean()), description: opt(text) })),
  calendars: opt(idDict(calendar, 2)),
  instants: opt(idDict(instantDef, 2)),
  counters: opt(idDict(counter, 2)),
  clauses: dict(rec({ title: opt(text), text: langText }), 3),
  assumptions: opt(fc.array(rec({ id, clause: id, text: langText }), { maxLength: 2 })),
  deadlines: opt(fc.array(deadline, { maxLength: 2 })),
  entitlements: opt(fc.array(entitlement, { maxLength: 2 })),
  amounts: opt(fc.array(amountItem, { maxLength: 2 })),
  refund: opt(refund),
  credits: opt(fc.array(credit, { maxLength: 2 })),
}) as fc.Arbitrary<Policy>;
