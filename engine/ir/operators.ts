// The comparison operators of fact and counter conditions, in one table: their IR key, how the DSL
// writes them, how explanations say them and which json-rules-engine operator evaluates them.
// The order is the canonical one: printers write comparisons in this order.

/** What an operator compares the fact with: one value, a list of values, or a number. */
export type Operand = 'scalar' | 'list' | 'number';

export interface ComparisonOperator<K extends string = ComparisonKey> {
  /** the IR key: `{ fact: price, at_least: 10 }` */
  key: K;
  /** the DSL spelling: `fact price >= 10` */
  dsl: string;
  /** the symbol in plain-words descriptions: `price ≥ 10` */
  symbol: string;
  /** the words for a counter's bound: `breaches at least 3 in some period` */
  words: string;
  operand: Operand;
  /** the json-rules-engine operator (runtime/operators.ts mirrors them) */
  engine: string;
}

export const COMPARISONS = [
  { key: 'equals', dsl: '=', symbol: '=', words: 'equal to', operand: 'scalar', engine: 'equal' },
  { key: 'not_equals', dsl: '!=', symbol: '≠', words: 'other than', operand: 'scalar', engine: 'notEqual' },
  { key: 'in', dsl: 'in', symbol: 'in', words: 'one of', operand: 'list', engine: 'in' },
  { key: 'not_in', dsl: 'not in', symbol: 'not in', words: 'none of', operand: 'list', engine: 'notIn' },
  { key: 'greater_than', dsl: '>', symbol: '>', words: 'above', operand: 'number', engine: 'greaterThan' },
  { key: 'less_than', dsl: '<', symbol: '<', words: 'below', operand: 'number', engine: 'lessThan' },
  { key: 'at_least', dsl: '>=', symbol: '≥', words: 'at least', operand: 'number', engine: 'greaterThanInclusive' },
  { key: 'at_most', dsl: '<=', symbol: '≤', words: 'at most', operand: 'number', engine: 'lessThanInclusive' },
] as const satisfies readonly ComparisonOperator<string>[];

export type ComparisonKey = (typeof COMPARISONS)[number]['key'];
/** the operators a counter condition accepts */
export type CounterComparisonKey = 'greater_than' | 'at_least';
export const COUNTER_COMPARISONS: readonly ComparisonOperator<CounterComparisonKey>[] = COMPARISONS.filter(
  (o): o is Extract<(typeof COMPARISONS)[number], { key: CounterComparisonKey }> => o.key === 'greater_than' || o.key === 'at_least',
);

/** The operators whose operand is of one kind. */
export const comparisonsOf = <O extends Operand>(operand: O) =>
  COMPARISONS.filter((o): o is Extract<(typeof COMPARISONS)[number], { operand: O }> => o.operand === operand);

/** The operators a condition object carries (a valid condition carries exactly one). */
export function comparisonsIn<O extends ComparisonOperator<string>>(c: object, table: readonly O[]): O[] {
  return table.filter((o) => Object.hasOwn(c, o.key) && (c as Record<string, unknown>)[o.key] !== undefined);
}

/** The operator the DSL spells `dsl`, if any. */
export const comparisonByDsl = (dsl: string): ComparisonOperator | undefined => COMPARISONS.find((o) => o.dsl === dsl);
