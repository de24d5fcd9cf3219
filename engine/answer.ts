// The Answer of contract.md: what the evaluator says about a case at an instant.

export interface Money {
  amount: number;
  currency: string;
}

export interface ConditionTrace {
  /** what was checked, in the policy's words */
  check: string;
  /** the value(s) the condition saw */
  saw: unknown;
  expected?: unknown;
  result: boolean;
  /** the instants the condition compared that are pending, each naming the anchor event that has not happened */
  pending?: string[];
}

export interface DeadlineItem {
  id: string;
  subject?: string;
  party: 'vendor' | 'client';
  /** when the deadline's clock started: the start event of this instance */
  started_at?: string;
  due: string;
  status: 'pending' | 'met' | 'breached';
  met_at?: string;
  priority?: string;
  recommended?: boolean;
  clause: string;
}

/** One pool of a ledger entitlement: what opened it, its size, what was taken from it and when it expires. */
export interface LedgerPool {
  /** the grant event and its instant, or the plan option that is a pool from the start */
  grant: { event: string; at: string } | { plan: string; option: string };
  limit: number;
  used: number;
  remaining: number;
  /** null: it never expires */
  expires: string | null;
  expired: boolean;
  /** what it still held when it expired (only for an expired pool) */
  lost?: number;
}

export interface EntitlementItem {
  id: string;
  /** for a per-subject entitlement, the subject it is about (e.g. a ticket id); for one answered
   *  per event (`each`), the event it is about: its subject attribute, or its instant */
  subject?: string;
  allowed: boolean;
  limit?: number | null;
  used?: number;
  remaining?: number | null;
  excess?: number;
  /** a window's opening instant, once known (absent while it is pending, or without an opening) */
  opens?: string;
  until?: string | null;
  /** a ledger's pools, in the order they were granted */
  pools?: LedgerPool[];
  cost: Money | null;
  reasons: string[];
  clause: string;
  [field: string]: unknown;
}

/** A sum of money the agreement gives the case (a discount, a price), with how it was found. */
export interface AmountItem {
  id: string;
  /** null when the case does not give what the amount is computed from */
  amount: number | null;
  currency: string;
  /** for a percentage of a price: the percent taken, the fact it is taken of and that price */
  percent?: number;
  of?: string;
  basis?: number;
  reasons: string[];
  clause: string;
}

export interface RefundAnswer {
  eligible: boolean;
  percent: number;
  amount: number;
  basis: number;
  currency: string;
  requested_at: string;
  rule?: string;
  reasons: string[];
  clause: string;
}

export interface CreditItem {
  id: string;
  period: { from: string; until: string };
  amount: number;
  unit: 'hours';
  availability: number;
  downtime_hours: number;
  reasons: string[];
  clause: string;
}

export interface Explanation {
  text: string;
  lang: string;
  source?: string;
  title?: string;
  assumptions: string[];
  conditions: ConditionTrace[];
}

export interface Answer {
  /** which rules gave the answer: `digest` is the sha-256 of the canonical compiled policy, where known */
  policy: { id: string; version: string; digest?: string };
  at: string;
  plans: Record<string, string>;
  deadlines: DeadlineItem[];
  entitlements: EntitlementItem[];
  /** present when the policy declares amounts */
  amounts?: AmountItem[];
  refund: RefundAnswer | null;
  credits: CreditItem[];
  warnings: string[];
  explanations: Record<string, Explanation>;
}
