// What a runtime looks up in its policy again and again — a deadline by id, the event type an
// instant is computed from — worked out on first use, once per policy object (the IR is not
// changed once compiled), instead of searched per question.
import type { Deadline, Instant, InstantDef, Policy } from '../ir/schema.ts';

export interface PolicyIndex {
  deadline(id: string): Deadline | undefined;
  /** The type of the event an instant is computed from (through named instants). */
  anchorType(expr: Instant | InstantDef): string | undefined;
}

const indexes = new WeakMap<Policy, PolicyIndex>();

export function policyIndex(policy: Policy): PolicyIndex {
  let ix = indexes.get(policy);
  if (!ix) indexes.set(policy, (ix = build(policy)));
  return ix;
}

function build(policy: Policy): PolicyIndex {
  let deadlines: Map<string, Deadline> | undefined;
  const anchors = new Map<Instant | InstantDef, string | undefined>();
  return {
    deadline(id) {
      if (!deadlines) {
        deadlines = new Map();
        // the first of a repeated id, as a search would find
        for (const d of policy.deadlines ?? []) if (!deadlines.has(d.id)) deadlines.set(d.id, d);
      }
      return deadlines.get(id);
    },
    anchorType(expr) {
      const known = anchors.get(expr);
      if (known !== undefined || anchors.has(expr)) return known;
      let e: Instant | InstantDef | undefined = expr;
      for (let depth = 0; e && 'instant' in e && depth < 64; depth++) e = policy.instants?.[e.instant];
      const type = e && 'from' in e ? e.from.event : undefined;
      anchors.set(expr, type);
      return type;
    },
  };
}
