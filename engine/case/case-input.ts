// A case as a caller writes it (contract.md, "Case"): what is known about one customer's
// engagement, and the instant the questions are asked at. Evaluation validates it in depth against
// the policy's declarations; this type is its shape.

/** A value of a fact or an event attribute. */
export type CaseValue = string | number | boolean;

/** Something that happened: its type (declared by the policy), when, and its attributes. */
export interface CaseEventInput {
  type: string;
  /** ISO 8601 with an explicit offset or Z */
  at: string;
  /** the end, for an event type with a duration (an outage); absent while it is still going on */
  until?: string;
  [attribute: string]: CaseValue | undefined;
}

export interface Case {
  /** a bundled policy id; optional when the policy is passed separately */
  policy?: string;
  /** "now": ISO 8601 with an explicit offset or Z */
  at: string;
  /** one option for each plan dimension the policy declares */
  plans?: Record<string, string>;
  /** values of the facts the policy declares */
  facts?: Record<string, CaseValue>;
  /** what has happened, in any order; events later than `at` are ignored (and listed in warnings) */
  events?: CaseEventInput[];
}

/** A language code of a policy's clause texts (`en`, `uk`, `fa` in the bundled policies). */
export type Language = 'en' | 'uk' | 'fa' | (string & {});
