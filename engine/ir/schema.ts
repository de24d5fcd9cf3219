// The Policy IR: one TypeBox definition gives both the JSON Schema (validated by ajv, published for
// editors as policies/policy.schema.json) and the TypeScript types, so the two cannot drift.
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const O = <P extends Record<string, TSchema>>(props: P, description?: string, title?: string) =>
  Type.Object(props, { additionalProperties: false, ...(description ? { description } : {}), ...(title ? { title } : {}) });
const Opt = Type.Optional;
/** A mapping whose every key must match `key`: a key that does not is an error, not a skipped entry. */
const Rec = <K extends TSchema, V extends TSchema>(key: K, value: V, options: Record<string, unknown> = {}) =>
  Type.Record(key, value, { additionalProperties: false, ...options });

// `constructor` and `prototype` would name what every JavaScript object already has (a fact
// `constructor` would seem present in any case), so no identifier may be either; YAML refuses them
// as keys already, this refuses them from any front end.
export const RESERVED_NAMES = ['constructor', 'prototype'];
const NOT_RESERVED = `(?!(?:${RESERVED_NAMES.join('|')})$)`;
export const ID_PATTERN = `^${NOT_RESERVED}[a-z][a-z0-9_]*$`;
export const Id = Type.String({ pattern: ID_PATTERN, description: 'a lower-case identifier: letters, digits, _' });
/** An event's own fields in a case, so no attribute can be named so: a case could never give it. */
export const EVENT_FIELDS = ['type', 'at', 'until'];
const AttributeName = Type.String({
  pattern: `^(?!(?:${[...RESERVED_NAMES, ...EVENT_FIELDS].join('|')})$)[a-z][a-z0-9_]*$`,
  description: 'an attribute name: an identifier other than `type`, `at` and `until`',
});
/** A policy's id, which is also how a case or a test file names it (never a file path). */
export const POLICY_ID_PATTERN = '^[a-z][a-z0-9_-]*$';
export const ClauseId = Type.String({ pattern: `^${NOT_RESERVED}[a-z][a-z0-9_-]*$`, description: 'a clause id (kebab-case)' });
export const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);
export const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a calendar date YYYY-MM-DD' });
export const Zone = Type.String({
  pattern: '\\S',
  description: 'an IANA time zone such as Europe/Kyiv, or a fixed offset such as +02:00',
});

/** Durations as the documents say them. See "Time, as the policies use it" in the contract. */
export const DURATION_PATTERN = '^(\\d+(\\.\\d+)?) (minutes?|hours?|days?|weeks?|business days?|hours \\(business days\\)|business hours?|solar years?)$';
export const Duration = Type.String({
  title: 'Duration',
  pattern: DURATION_PATTERN,
  description: 'e.g. "24 hours", "3 days", "2 weeks", "14 business days", "24 hours (business days)", "5 business hours", "1 solar year"',
});

/** A value that may depend on the chosen option of one plan dimension. */
export const ByPlan = <T extends TSchema>(t: T) => O({ by: Id, values: Rec(Type.String(), t) }, 'a value chosen by the option of plan dimension `by`');
export const PlanValue = <T extends TSchema>(t: T) => Type.Union([t, ByPlan(t)]);

/** The comparison keys fact conditions and event-attribute comparisons share. */
const comparisonFields = {
  equals: Opt(Scalar),
  not_equals: Opt(Scalar),
  in: Opt(Type.Array(Scalar)),
  not_in: Opt(Type.Array(Scalar)),
  greater_than: Opt(Type.Number()),
  less_than: Opt(Type.Number()),
  at_least: Opt(Type.Number()),
  at_most: Opt(Type.Number()),
};

/** Comparisons of one event attribute, all of which must hold (the keys of fact conditions). */
export const AttributeComparison = O(
  comparisonFields,
  'comparisons the attribute must all pass, e.g. { at_least: 3 } or { in: [email, chat] }',
  'AttributeComparison',
);
export const Where = Rec(Id, Type.Union([Scalar, Type.Array(Scalar), AttributeComparison]), {
  title: 'Where',
  description: 'attribute → value, a list of accepted values, or comparisons',
});

export const EventRef = O(
  {
    event: Id,
    where: Opt(Where),
    which: Opt(Type.Union([Type.Literal('first'), Type.Literal('last')], { description: 'default first' })),
  },
  'the first (or last) event of a type, optionally filtered by attributes',
  'EventRef',
);

/** An instant: an event's time, optionally plus a duration on a calendar; or a named instant.
 *  It is *known* once its anchor event has happened, and *pending* before: a pending instant lies
 *  in the future, later than every instant that has happened. */
const NamedInstant = { instant: Id };
const ComputedInstant = { from: EventRef, add: Opt(PlanValue(Duration)), calendar: Opt(Id) };
const Known = Opt(
  Type.Literal(true, {
    description: 'the comparison needs the instant known (its anchor event has happened): while it is pending the comparison does not hold',
  }),
);
/** An instant as a declaration under `instants` defines it. */
export const InstantDef = Type.Union([O(NamedInstant, 'another named instant'), O(ComputedInstant)], { title: 'InstantDef' });
/** An instant as a comparison uses it: `known: true` makes a pending instant fail the comparison
 *  instead of counting as later than now. */
export const Instant = Type.Union(
  [O({ ...NamedInstant, known: Known }, 'a named instant declared under `instants`'), O({ ...ComputedInstant, known: Known })],
  { title: 'Instant' },
);
/** Where a window opens: at an event, or at an instant (an event plus a duration, or a named one). */
export const Opening = Type.Union(
  [EventRef, O(NamedInstant, 'a named instant declared under `instants`'), O({ from: EventRef, add: PlanValue(Duration), calendar: Opt(Id) })],
  { title: 'Opening' },
);

// ── conditions ────────────────────────────────────────────────────────────────
const Reason = Opt(Type.String({ description: 'what the condition means, shown in reasons when it decides' }));
export const FactCondition = O({
  fact: Id,
  ...comparisonFields,
  reason: Reason,
});
export const PlanCondition = O({ plan: Id, in: Type.Array(Type.String()), reason: Reason });
export const EventCondition = O({
  event: Id,
  where: Opt(Where),
  exists: Opt(Type.Boolean({ description: 'default true' })),
  before: Opt(Instant),
  after: Opt(Instant),
  reason: Reason,
});
export const NowCondition = O(
  {
    now_before: Instant,
    reason: Reason,
  },
  'holds while "now" (the case\'s `at`, or the refund request) is before the instant',
);
export const DeadlineCondition = O(
  {
    deadline: Id,
    status: Type.Union([Type.Literal('pending'), Type.Literal('met'), Type.Literal('breached')]),
    where: Opt(Where),
    started_before: Opt(Instant),
    reason: Reason,
  },
  'holds if some instance of the deadline has this status (start event filtered by `where`)',
);
export const CounterCondition = O(
  {
    counter: Id,
    greater_than: Opt(Type.Number()),
    at_least: Opt(Type.Number()),
    reason: Reason,
  },
  'holds if, in some period up to now, the counter passes the bound',
);
export const EntitlementCondition = O({ entitlement: Id, allowed: Type.Boolean(), reason: Reason });
export const OpenCondition = O({ open: Id, reason: Reason }, 'holds while "now" is inside the calendar\'s working hours');
export const SimpleCondition = Type.Union(
  [FactCondition, PlanCondition, EventCondition, NowCondition, DeadlineCondition, CounterCondition, EntitlementCondition, OpenCondition],
  { title: 'SimpleCondition' },
);
export const AnyCondition = O(
  {
    any: Type.Array(SimpleCondition, { minItems: 2 }),
    reason: Reason,
  },
  'holds if at least one of the conditions holds',
);
export const Condition = Type.Union([SimpleCondition, AnyCondition], { title: 'Condition' });

// ── declarations ──────────────────────────────────────────────────────────────
export const ValueType = Type.Union([Type.Literal('number'), Type.Literal('integer'), Type.Literal('boolean'), Type.Literal('string')]);
export const FactDecl = O(
  {
    type: ValueType,
    enum: Opt(Type.Array(Scalar)),
    default: Opt(Scalar),
    minimum: Opt(Type.Number()),
    description: Opt(Type.String()),
  },
  undefined,
  'FactDecl',
);
export const AttributeDecl = O(
  {
    type: ValueType,
    enum: Opt(Type.Array(Scalar)),
    required: Opt(Type.Boolean({ description: 'default true' })),
    default: Opt(Scalar),
    minimum: Opt(Type.Number()),
    description: Opt(Type.String()),
  },
  undefined,
  'AttributeDecl',
);
export const EventDecl = O(
  {
    attributes: Opt(Rec(AttributeName, AttributeDecl)),
    duration: Opt(Type.Boolean({ description: 'the event has `at` and `until` (e.g. an outage)' })),
    description: Opt(Type.String()),
  },
  undefined,
  'EventDecl',
);
export const PlanDecl = O(
  {
    options: Type.Array(Id, { minItems: 1 }),
    default: Opt(Id),
    description: Opt(Type.String()),
  },
  undefined,
  'PlanDecl',
);

// ── calendars ─────────────────────────────────────────────────────────────────
export const Weekday = Type.Union(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => Type.Literal(d)));
export const TIME_RANGE_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d-(([01]\\d|2[0-3]):[0-5]\\d|24:00)$';
export const Hours = Type.Partial(
  Rec(Weekday, Type.Array(Type.String({ pattern: TIME_RANGE_PATTERN, description: 'HH:MM-HH:MM, the end may be 24:00' })), {
    description: 'working intervals per weekday; a weekday not listed is closed',
  }),
  { title: 'Hours' },
);
const Validity = { from: Opt(LocalDate), until: Opt(LocalDate) };
export const HolidayRule = Type.Union(
  [
    O({
      name: Type.String(),
      date: Type.String({ pattern: '^\\d{2}-\\d{2}$', description: 'MM-DD every year' }),
      ...Validity,
      substitute: Opt(Type.Boolean()),
    }),
    O({
      name: Type.String(),
      easter: Type.Union([Type.Literal('orthodox'), Type.Literal('western')]),
      offset: Opt(Type.Integer()),
      ...Validity,
      substitute: Opt(Type.Boolean()),
    }),
    O({
      name: Type.String(),
      jalali: Type.String({ pattern: '^\\d{2}-\\d{2}$', description: 'Jalali MM-DD every solar year' }),
      ...Validity,
      substitute: Opt(Type.Boolean()),
    }),
    O({ name: Type.String(), dates: Type.Array(LocalDate), substitute: Opt(Type.Boolean()) }),
    O({
      name: Opt(Type.String()),
      country: Type.String({ pattern: '^[A-Z]{2}$' }),
      types: Opt(Type.Array(Type.String())),
      ...Validity,
      substitute: Opt(Type.Boolean()),
    }),
  ],
  { title: 'HolidayRule' },
);
export const CalendarDecl = O(
  {
    zone: Opt(Zone),
    base: Opt(Type.String({ description: 'a calendar whose business days (and holidays) this one takes' })),
    days: Opt(Type.Array(Weekday, { description: "business days of the week; default mon–fri (or the base's)" })),
    hours: Opt(Hours),
    holidays: Opt(Type.Array(HolidayRule)),
    suspended: Opt(
      Type.Array(O({ ...Validity, reason: Opt(Type.String()) }), {
        description: 'ranges in which holidays are not days off (e.g. martial law)',
      }),
    ),
    extra_days_off: Opt(Type.Array(LocalDate)),
    extra_working_days: Opt(Type.Array(LocalDate)),
    description: Opt(Type.String()),
  },
  undefined,
  'CalendarDecl',
);

// ── clauses and assumptions ───────────────────────────────────────────────────
export const LangText = Rec(Type.String({ pattern: '^[a-z]{2}$' }), Type.String(), {
  title: 'LangText',
  description: 'text per language code: en, uk, fa…',
});
export const Source = O(
  {
    file: Type.String(),
    lang: Type.String({ pattern: '^[a-z]{2}$' }),
    title: Opt(Type.String()),
    rendering_of: Opt(Type.String({ description: 'this language is a rendering of that one, not a published text' })),
  },
  undefined,
  'Source',
);
export const Clause = O(
  {
    title: Opt(Type.String()),
    text: LangText,
  },
  undefined,
  'Clause',
);
export const Assumption = O({ id: Id, clause: ClauseId, text: LangText }, undefined, 'Assumption');

// ── answers ───────────────────────────────────────────────────────────────────
export const Applies = Rec(Id, Type.Array(Id), {
  title: 'Applies',
  description: 'plan dimension → the options the item applies to',
});
const Common = {
  id: Id,
  clause: ClauseId,
  title: Opt(Type.String()),
  applies: Opt(Applies),
};
export const Deadline = O(
  {
    ...Common,
    party: Type.Union([Type.Literal('vendor'), Type.Literal('client')]),
    recommended: Opt(Type.Boolean()),
    subject: Opt(Id),
    start: EventRef,
    stop: EventRef,
    duration: PlanValue(Duration),
    calendar: Opt(Id),
    priority: Opt(PlanValue(Type.String())),
    report: Opt(Type.Boolean({ description: 'default true; false keeps it internal (used by conditions only)' })),
  },
  undefined,
  'Deadline',
);
// ── amounts of money ──────────────────────────────────────────────────────────
/** A number the case gives: a fact, or an attribute of the first (or last) matching event. */
export const FactSource = O({ fact: Id }, 'the value of a numeric fact');
export const AttributeSource = O({ attribute: Id, of: EventRef }, 'a numeric attribute of the first (or last) matching event');
/** Only among the candidates of `max` or `min`: one candidate per matching event. */
export const EachAttribute = O({ attribute: Id, each: EventRef }, 'a numeric attribute of every matching event, each a candidate');
const PercentLiteral = Type.Number({ minimum: 0, maximum: 100, description: 'a percentage, 0 to 100' });
const PercentCandidate = Type.Union([PercentLiteral, FactSource, AttributeSource, EachAttribute]);
const Candidates = <T extends TSchema>(t: T) => Type.Array(t, { minItems: 1 });
/** A percentage: a number, read from the case, or the highest (lowest) of several candidates. */
export const Percent = Type.Union(
  [
    PercentLiteral,
    FactSource,
    AttributeSource,
    O({ max: Candidates(PercentCandidate) }, 'the highest of the candidates'),
    O({ min: Candidates(PercentCandidate) }, 'the lowest of the candidates'),
  ],
  { title: 'Percent' },
);
export const MoneyLiteral = O({ amount: Type.Number(), currency: Opt(Type.String()) }, 'an amount of money (in the currency of the case when none is given)');
export const PercentOf = O({ percent: Percent, of: Id }, 'a percentage of the numeric fact `of` (the price it applies to)');
const MoneyCandidate = Type.Union([MoneyLiteral, PercentOf, FactSource, AttributeSource, EachAttribute]);
/** An amount of money: a literal, a percentage of a fact, read from the case, or the best of several. */
export const Amount = Type.Union(
  [
    MoneyLiteral,
    PercentOf,
    FactSource,
    AttributeSource,
    O({ max: Candidates(MoneyCandidate) }, 'the highest of the candidates'),
    O({ min: Candidates(MoneyCandidate) }, 'the lowest of the candidates'),
  ],
  { title: 'Amount' },
);
/** What exercising an entitlement costs: an amount. */
export const Cost = Amount;
export const Used = Type.Union([O({ count: EventRef, after: Opt(EventRef) }), O({ fact: Id }), O({ sum: Id, of: EventRef, after: Opt(EventRef) })], {
  title: 'Used',
});
export const Limit = Type.Union([PlanValue(Type.Union([Type.Number(), Type.Null()])), O({ attribute: Id, of: EventRef })], { title: 'Limit' });
/** Pools of a counted entitlement, one per grant event, each with its own size and expiry: usage is
 *  taken from the pool that expires first; what a pool holds when it expires is lost. */
export const Ledger = O(
  {
    grant: EventRef,
    amount: Type.Union([
      Type.String({ pattern: ID_PATTERN, description: "the grant event's numeric attribute that gives the pool's size" }),
      O(
        { attribute: Id, values: Rec(Type.String(), Type.Number({ minimum: 0 })) },
        "the pool's size named by the grant event's attribute value (e.g. a package kind → its hours)",
      ),
    ]),
    expires: Opt(PlanValue(Duration)),
    calendar: Opt(Id),
    plan: Opt(Id),
  },
  'pools: every `grant` event opens one; `used` is deducted from the pool that expires first. `expires`: how long after its grant a pool lasts (absent: it never expires); `plan`: a plan dimension whose chosen option, looked up in `amount.values`, is a pool held from the start',
  'Ledger',
);
export const Entitlement = O(
  {
    ...Common,
    subject: Opt(
      Type.String({
        pattern: ID_PATTERN,
        description: "one answer per distinct value of this event attribute (e.g. per ticket), counting only that value's events",
      }),
    ),
    each: Opt(
      O(
        {
          event: Id,
          where: Opt(Where),
          subject: Opt(Type.String({ pattern: ID_PATTERN, description: "the attribute whose value names each item (default: the event's instant)" })),
        },
        "one more answer per event of this type that has happened, each decided as of that event's instant",
        'Each',
      ),
    ),
    limit: Opt(Limit),
    limit_kind: Opt(
      Type.Union([Type.Literal('uses'), Type.Literal('capacity')], {
        description: 'uses (default): allowed while used < limit; capacity: allowed while used ≤ limit',
      }),
    ),
    used: Opt(Used),
    ledger: Opt(Ledger),
    excess: Opt(Type.Boolean({ description: 'report `excess` = used beyond the limit' })),
    opens: Opt(Opening),
    until: Opt(Instant),
    closed_by: Opt(EventRef),
    pause: Opt(O({ start: EventRef, stop: EventRef, max: Duration })),
    when: Opt(Type.Array(Condition)),
    cost: Opt(PlanValue(Cost)),
    fields: Opt(Rec(Id, Condition, { description: 'extra boolean fields of the answer' })),
  },
  undefined,
  'Entitlement',
);
export const AmountItem = O(
  {
    ...Common,
    value: PlanValue(Amount),
  },
  'a sum of money the agreement gives the case (a discount, a price, a fee), answered with the clause',
  'AmountItem',
);
export const RefundRule = O(
  {
    id: Id,
    when: Type.Array(Condition),
    percent: Type.Number({ minimum: 0, maximum: 100 }),
    reason: Type.String(),
    clause: Opt(ClauseId),
    exclusions: Opt(
      Type.Array(
        O({
          id: Id,
          when: Condition,
          reason: Type.String(),
          clause: Opt(ClauseId),
        }),
      ),
    ),
  },
  undefined,
  'RefundRule',
);
export const Refund = O(
  {
    clause: ClauseId,
    basis: Id,
    request: Opt(EventRef),
    rules: Type.Array(RefundRule),
    otherwise: Opt(Type.String({ description: 'the reason when no rule matches' })),
  },
  undefined,
  'Refund',
);
export const Credit = O(
  {
    ...Common,
    per: Type.Union([Type.Literal('month'), Type.Literal('solar_month')]),
    downtime: EventRef,
    below: Type.Number({ exclusiveMinimum: 0, maximum: 1, description: 'availability threshold, e.g. 0.98' }),
    multiplier: Type.Number(),
    unit: Type.Literal('hours'),
  },
  undefined,
  'Credit',
);
export const Counter = Type.Union(
  [
    O({ breached: Id, per: Type.Union([Type.Literal('month'), Type.Literal('solar_month')]) }),
    O({ count: EventRef, per: Type.Union([Type.Literal('month'), Type.Literal('solar_month')]) }),
    O({ sum: Id, of: EventRef, per: Type.Union([Type.Literal('month'), Type.Literal('solar_month')]) }),
  ],
  { title: 'Counter' },
);

export const Policy = O(
  {
    $schema: Opt(Type.String()),
    id: Type.String({ pattern: POLICY_ID_PATTERN }),
    title: Type.String(),
    version: Type.String(),
    effective: Opt(LocalDate),
    zone: Zone,
    currency: Opt(Type.String({ pattern: '^[A-Z]{3}$' })),
    calendar: Opt(Id),
    sources: Type.Array(Source, { minItems: 1 }),
    plans: Rec(Id, PlanDecl),
    facts: Opt(Rec(Id, FactDecl)),
    events: Rec(Id, EventDecl),
    calendars: Opt(Rec(Id, CalendarDecl)),
    instants: Opt(Rec(Id, InstantDef)),
    counters: Opt(Rec(Id, Counter)),
    clauses: Rec(ClauseId, Clause),
    assumptions: Opt(Type.Array(Assumption)),
    deadlines: Opt(Type.Array(Deadline)),
    entitlements: Opt(Type.Array(Entitlement)),
    amounts: Opt(Type.Array(AmountItem)),
    refund: Opt(Refund),
    credits: Opt(Type.Array(Credit)),
  },
  'an SLA policy',
);

export type Policy = Static<typeof Policy>;
export type Deadline = Static<typeof Deadline>;
export type Entitlement = Static<typeof Entitlement>;
export type Refund = Static<typeof Refund>;
export type RefundRule = Static<typeof RefundRule>;
export type Credit = Static<typeof Credit>;
export type Counter = Static<typeof Counter>;
export type Condition = Static<typeof Condition>;
export type SimpleCondition = Static<typeof SimpleCondition>;
export type EventRef = Static<typeof EventRef>;
export type Where = Static<typeof Where>;
export type AttributeComparison = Static<typeof AttributeComparison>;
export type Instant = Static<typeof Instant>;
export type InstantDef = Static<typeof InstantDef>;
export type Opening = Static<typeof Opening>;
export type CalendarDecl = Static<typeof CalendarDecl>;
export type HolidayRule = Static<typeof HolidayRule>;
export type FactDecl = Static<typeof FactDecl>;
export type EventDecl = Static<typeof EventDecl>;
export type AttributeDecl = Static<typeof AttributeDecl>;
export type Cost = Static<typeof Cost>;
export type Amount = Static<typeof Amount>;
export type Percent = Static<typeof Percent>;
export type AmountItem = Static<typeof AmountItem>;
export type EachAttribute = Static<typeof EachAttribute>;
export type Used = Static<typeof Used>;
export type Limit = Static<typeof Limit>;
export type Ledger = Static<typeof Ledger>;
export type Clause = Static<typeof Clause>;
export type Weekday = Static<typeof Weekday>;
export type PlanValue<T> = T | { by: string; values: Record<string, T> };
