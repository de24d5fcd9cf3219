// The Case of contract.md as a JSON Schema (TypeBox): its shape only. What the names and values
// mean (declared plans, facts, event types, instants with offsets) depends on the policy and is
// checked in depth by engine/case/validate-case.ts, which names the field and what it accepts.
import { Type, type Static } from '@sinclair/typebox';

const Opt = Type.Optional;
const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);

export const Instant = Type.String({
  description: 'ISO 8601 with an explicit offset or Z, e.g. 2025-03-10T12:00:00+02:00',
  examples: ['2025-03-10T12:00:00+02:00'],
});

export const CaseEvent = Type.Object(
  {
    type: Type.String({ description: 'an event type the policy declares' }),
    at: Instant,
    until: Opt(Instant),
  },
  { additionalProperties: Scalar, title: 'CaseEvent', description: 'what happened; further fields are the attributes the policy declares for the type' },
);

const fields = {
  policy: Opt(Type.String({ description: 'a bundled policy id; optional when the policy is passed separately' })),
  at: Instant,
  plans: Opt(Type.Record(Type.String(), Type.String(), { description: 'one option for each plan dimension the policy declares' })),
  facts: Opt(Type.Record(Type.String(), Scalar, { description: 'values of the facts the policy declares' })),
  events: Opt(Type.Array(CaseEvent, { description: 'what has happened, in any order' })),
};

export const Case = Type.Object(fields, { additionalProperties: false, title: 'Case', description: 'the question asked: one customer, one instant' });
export type Case = Static<typeof Case>;

/** A case whose `at` may come from elsewhere (a timeline's instants, a batch's `common`). */
export const PartialCase = Type.Object({ ...fields, at: Opt(Instant) }, { additionalProperties: false, title: 'PartialCase' });
export type PartialCase = Static<typeof PartialCase>;
