// The Answer of contract.md as a JSON Schema (TypeBox), mirroring engine/answer.ts field for field
// (a test checks the two agree, and that every answer of the bundled test cases validates). The
// HTTP API serialises answers with it and publishes it in its OpenAPI document.
import { Type, type Static } from '@sinclair/typebox';

const Opt = Type.Optional;
const O = Type.Object;
const closed = { additionalProperties: false } as const;
const Instant = Type.String({ description: "an instant with the offset of the policy's main time zone" });
const Reasons = Type.Array(Type.String());
const ClauseId = Type.String({ description: 'the clause the item comes from (a key of `explanations`)' });

export const Money = O({ amount: Type.Number(), currency: Type.String() }, { ...closed, title: 'Money' });

export const ConditionTrace = O(
  {
    check: Type.String({ description: "what was checked, in the policy's words" }),
    saw: Type.Unknown({ description: 'the value(s) the condition saw' }),
    expected: Opt(Type.Unknown()),
    result: Type.Boolean(),
    pending: Opt(
      Type.Array(Type.String(), {
        description: 'the instants the condition compared that are pending (their anchor event has not happened), each naming that event',
      }),
    ),
  },
  { ...closed, title: 'ConditionTrace' },
);

export const DeadlineItem = O(
  {
    id: Type.String(),
    subject: Opt(Type.String()),
    party: Type.Union([Type.Literal('vendor'), Type.Literal('client')]),
    started_at: Opt(Instant),
    due: Instant,
    status: Type.Union([Type.Literal('pending'), Type.Literal('met'), Type.Literal('breached')]),
    met_at: Opt(Instant),
    priority: Opt(Type.String()),
    recommended: Opt(Type.Boolean()),
    clause: ClauseId,
  },
  { ...closed, title: 'DeadlineItem' },
);

export const LedgerPool = O(
  {
    grant: Type.Union([O({ event: Type.String(), at: Instant }, closed), O({ plan: Type.String(), option: Type.String() }, closed)], {
      description: 'the grant event and its instant, or the plan option that is a pool from the start',
    }),
    limit: Type.Number(),
    used: Type.Number(),
    remaining: Type.Number(),
    expires: Type.Union([Instant, Type.Null()], { description: 'null: it never expires' }),
    expired: Type.Boolean(),
    lost: Opt(Type.Number({ description: 'what it still held when it expired (only for an expired pool)' })),
  },
  { ...closed, title: 'LedgerPool', description: 'one pool of a ledger entitlement' },
);

export const EntitlementItem = O(
  {
    id: Type.String(),
    subject: Opt(Type.String()),
    allowed: Type.Boolean(),
    limit: Opt(Type.Union([Type.Number(), Type.Null()])),
    used: Opt(Type.Number()),
    remaining: Opt(Type.Union([Type.Number(), Type.Null()])),
    excess: Opt(Type.Number()),
    opens: Opt(
      Type.String({ description: 'the instant the window opens or opened (policy zone offset), once known; absent while it is pending or without an opening' }),
    ),
    until: Opt(Type.Union([Instant, Type.Null()])),
    pools: Opt(Type.Array(LedgerPool, { description: "a ledger's pools, in the order they were granted" })),
    cost: Type.Union([Money, Type.Null()]),
    reasons: Reasons,
    clause: ClauseId,
  },
  // further fields a policy declares for an entitlement (e.g. `starts_now`)
  { additionalProperties: true, title: 'EntitlementItem' },
);

export const AmountItem = O(
  {
    id: Type.String(),
    amount: Type.Union([Type.Number(), Type.Null()], { description: 'null when the case does not give what it is computed from' }),
    currency: Type.String(),
    percent: Opt(Type.Number({ description: 'for a percentage of a price: the percent taken' })),
    of: Opt(Type.String({ description: 'the fact the percentage is taken of: the price it applies to' })),
    basis: Opt(Type.Number({ description: 'the value of that price' })),
    reasons: Reasons,
    clause: ClauseId,
  },
  { ...closed, title: 'AmountItem', description: 'a sum of money the agreement gives the case (a discount, a price)' },
);

export const RefundAnswer = O(
  {
    eligible: Type.Boolean(),
    percent: Type.Number(),
    amount: Type.Number(),
    basis: Type.Number(),
    currency: Type.String(),
    requested_at: Instant,
    rule: Opt(Type.String()),
    reasons: Reasons,
    clause: ClauseId,
  },
  { ...closed, title: 'RefundAnswer' },
);

export const CreditItem = O(
  {
    id: Type.String(),
    period: O({ from: Instant, until: Instant }, closed),
    amount: Type.Number(),
    unit: Type.Literal('hours'),
    availability: Type.Number(),
    downtime_hours: Type.Number(),
    reasons: Reasons,
    clause: ClauseId,
  },
  { ...closed, title: 'CreditItem' },
);

export const Explanation = O(
  {
    text: Type.String(),
    lang: Type.String(),
    source: Opt(Type.String()),
    title: Opt(Type.String()),
    assumptions: Type.Array(Type.String()),
    conditions: Type.Array(ConditionTrace),
  },
  { ...closed, title: 'Explanation' },
);

export const PolicyRef = O(
  {
    id: Type.String(),
    version: Type.String(),
    digest: Opt(Type.String({ pattern: '^[0-9a-f]{64}$', description: 'sha-256 of the canonical compiled policy' })),
  },
  { ...closed, title: 'PolicyRef', description: 'which rules gave the answer' },
);

export const Answer = O(
  {
    policy: PolicyRef,
    at: Instant,
    plans: Type.Record(Type.String(), Type.String()),
    deadlines: Type.Array(DeadlineItem),
    entitlements: Type.Array(EntitlementItem),
    amounts: Opt(Type.Array(AmountItem, { description: 'present when the policy declares amounts' })),
    refund: Type.Union([RefundAnswer, Type.Null()]),
    credits: Type.Array(CreditItem),
    warnings: Type.Array(Type.String()),
    explanations: Type.Record(Type.String(), Explanation),
  },
  { ...closed, title: 'Answer', description: 'what the evaluator says about a case at an instant' },
);
export type AnswerBody = Static<typeof Answer>;
