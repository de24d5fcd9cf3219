// The identity of a compiled rule. Each rule's `name` (and its event `type`, the name's kind) says
// which answer item it decides; the compiler builds names here and the evaluator reads them back
// here, so the string form lives in one place.

export type RuleKind = 'deadline' | 'entitlement' | 'field' | 'amount' | 'refund' | 'exclusion' | 'credit';

export type RuleIdentity =
  | { kind: 'deadline'; deadline: string }
  | { kind: 'entitlement'; entitlement: string }
  /** a named boolean field of an entitlement's answer item */
  | { kind: 'field'; entitlement: string; field: string }
  | { kind: 'amount'; amount: string }
  | { kind: 'refund'; rule: string }
  | { kind: 'exclusion'; rule: string; exclusion: string }
  | { kind: 'credit'; credit: string };

export const ruleName = {
  deadline: (deadline: string) => `deadline:${deadline}`,
  entitlement: (entitlement: string) => `entitlement:${entitlement}`,
  field: (entitlement: string, field: string) => `field:${entitlement}:${field}`,
  amount: (amount: string) => `amount:${amount}`,
  refund: (rule: string) => `refund:${rule}`,
  exclusion: (rule: string, exclusion: string) => `exclusion:${rule}:${exclusion}`,
  credit: (credit: string) => `credit:${credit}`,
} as const;

/** The kind of a rule name (also the type of the event the rule emits). */
export const ruleKind = (name: string): RuleKind => name.slice(0, name.indexOf(':')) as RuleKind;

/** Reads a rule name back; undefined for a name the compiler does not produce. Ids contain no `:`
 *  (the schema allows identifiers only), so splitting is unambiguous. */
export function parseRuleName(name: string): RuleIdentity | undefined {
  const [kind, a, b, ...rest] = name.split(':');
  if (rest.length || !a) return undefined;
  switch (kind) {
    case 'deadline':
      return b === undefined ? { kind, deadline: a } : undefined;
    case 'entitlement':
      return b === undefined ? { kind, entitlement: a } : undefined;
    case 'credit':
      return b === undefined ? { kind, credit: a } : undefined;
    case 'amount':
      return b === undefined ? { kind, amount: a } : undefined;
    case 'refund':
      return b === undefined ? { kind, rule: a } : undefined;
    case 'field':
      return b ? { kind, entitlement: a, field: b } : undefined;
    case 'exclusion':
      return b ? { kind, rule: a, exclusion: b } : undefined;
    default:
      return undefined;
  }
}
