// What a case may say under a policy, read off its declarations once per policy object, so that
// reading a case is lookups in maps rather than walks over the policy. Built on first use, kept in a
// WeakMap keyed by the policy and never changed afterwards (a policy object is not edited once
// loaded: a new text is a new object).
import type { AttributeDecl, FactDecl, Policy } from '../ir/schema.ts';
import { percentInputs } from '../ir/amount.ts';
import type { Scalar } from './case-model.ts';

/** How a fact's or an attribute's value is checked. */
export interface ValueRule {
  type: FactDecl['type'];
  /** the declared values, when there is an enum */
  values?: ReadonlySet<Scalar>;
  /** the same, for a string: its declared values as the keys of an object without a prototype (a
   *  case's text, often a slice of its source, is looked up by property faster than in a Set) */
  texts?: Readonly<Record<string, true | undefined>>;
  /** the least number allowed (quantities are non-negative unless declared otherwise) */
  minimum: number;
  /** the policy reads the value as a percentage, so it lies in 0–100 */
  percent: boolean;
}

/** A declared name with the value used when a case leaves it out (undefined: none). */
export interface Fill {
  name: string;
  default: Scalar | undefined;
  /** for an attribute: whether leaving it out, without a default, is a problem */
  required: boolean;
}

export interface EventRule {
  /** the type's name as the policy's key: a property key, so an internalised string that every
   *  lookup by type compares and hashes at once (a case's own text may be a slice of its source) */
  type: string;
  duration: boolean;
  attributes: ReadonlyMap<string, ValueRule>;
  /** the declared attributes' names and rules, in declaration order (the order cases usually give them in) */
  names: readonly string[];
  rules: readonly ValueRule[];
  /** every declared attribute, in declaration order */
  fills: readonly Fill[];
}

export interface CaseDeclarations {
  plans: ReadonlyMap<string, ReadonlySet<string>>;
  planFills: readonly Fill[];
  facts: ReadonlyMap<string, ValueRule>;
  factFills: readonly Fill[];
  /** by type, in an object without a prototype rather than a Map: a case's type is often a slice of
   *  its source text, which a Map hashes and compares by its characters, and a property lookup does not */
  events: Readonly<Record<string, EventRule | undefined>>;
}

const prepared = new WeakMap<Policy, CaseDeclarations>();

// The type names as literals of this module: comparing a value's declared type with one of them is
// then a pointer comparison, not a comparison of the policy text's characters.
const TYPES: readonly FactDecl['type'][] = ['string', 'number', 'integer', 'boolean'];

function valueRule(d: FactDecl | AttributeDecl, percent: boolean): ValueRule {
  const type = TYPES.find((t) => t === d.type) ?? d.type;
  let texts: Record<string, true> | undefined;
  if (d.enum && type === 'string') {
    texts = Object.create(null) as Record<string, true>;
    for (const v of d.enum) if (typeof v === 'string') texts[v] = true;
  }
  // every rule of one shape, so that reading one is a single shape's lookup
  return { type, values: d.enum && !texts ? new Set(d.enum) : undefined, texts, minimum: d.minimum ?? 0, percent };
}

export function caseDeclarations(policy: Policy): CaseDeclarations {
  const found = prepared.get(policy);
  if (found) return found;
  const percents = percentInputs(policy);
  const facts = Object.entries(policy.facts ?? {});
  const events: Record<string, EventRule> = Object.create(null) as Record<string, EventRule>;
  for (const [type, decl] of Object.entries(policy.events)) {
    const attributes = Object.entries(decl.attributes ?? {});
    const names = attributes.map(([name]) => name);
    const rules = attributes.map(([name, a]) => valueRule(a, percents.attributes.has(`${type}.${name}`)));
    events[type] = {
      type,
      duration: decl.duration === true,
      attributes: new Map(names.map((name, i) => [name, rules[i]])),
      names,
      rules,
      fills: attributes.map(([name, a]) => ({ name, default: a.default, required: a.required !== false })),
    };
  }
  const declarations: CaseDeclarations = {
    plans: new Map(Object.entries(policy.plans).map(([dim, d]) => [dim, new Set(d.options)])),
    planFills: Object.entries(policy.plans).map(([name, d]) => ({ name, default: d.default, required: true })),
    facts: new Map(facts.map(([name, d]) => [name, valueRule(d, percents.facts.has(name))])),
    factFills: facts.map(([name, d]) => ({ name, default: d.default, required: false })),
    events,
  };
  prepared.set(policy, declarations);
  return declarations;
}
