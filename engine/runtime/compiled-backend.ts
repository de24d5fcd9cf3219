// The compiled rules run without json-rules-engine: each rule's conditions (the same JSON a stock
// Engine loads) become closures once per policy. A run reads the runtime's facts directly — no
// almanac, no promises, no clone of the conditions — and yields, per condition, what the engine's
// RuleResult holds: the condition's own properties with the fact value seen (`factResult`), the
// value it was compared with (`valueResult`) and its `result`. The engine's order is kept too:
// conditions of a higher `priority` run first, and a later priority set is skipped once an `all`
// has failed (or an `any` has held), its conditions left without results.
import type { RuleProperties } from 'json-rules-engine';
import { malformedCompiled, SlaError, unknownOperator } from '../diagnostics/index.ts';
import { quoteValue } from '../diagnostics/quote-value.ts';
import { factReader } from './facts.ts';
import { builtinOperators, customOperators } from './operators.ts';
import { safePathResolver } from './path-resolver.ts';
import type { Runtime } from './runtime.ts';

/** A condition as evaluated: the results of this run (`result` absent on a rule's own condition
 *  and on one never reached), with its evaluated children. */
export interface EvaluatedNode {
  result?: boolean;
  factResult?: unknown;
  valueResult?: unknown;
  all?: EvaluatedNode[];
  any?: EvaluatedNode[];
  not?: EvaluatedNode;
  /** the condition's own JSON properties, when the results carry them (see `CompiledRules`) */
  [property: string]: unknown;
}

export interface RuleRun {
  name: string;
  result: boolean;
  /** the rule's top-level condition, evaluated (`all`, `any` or `not`) */
  conditions: EvaluatedNode;
}

/** Every result of a run has this one shape, so what reads them reads one kind of object. */
class Evaluated implements EvaluatedNode {
  [property: string]: unknown;
  result: boolean | undefined = undefined;
  factResult: unknown = undefined;
  valueResult: unknown = undefined;
  all: EvaluatedNode[] | undefined = undefined;
  any: EvaluatedNode[] | undefined = undefined;
  not: EvaluatedNode | undefined = undefined;
}

/** Makes a condition's result object: plain, or reading the condition's JSON properties through
 *  its prototype (nothing copied per run; not frozen, so the run's own fields can be set over them). */
type Make = (props: Props) => () => EvaluatedNode;
const newEvaluated = () => new Evaluated();
const plain: Make = () => newEvaluated;
const withProperties: Make = (props) => {
  const proto = { ...props };
  return () => Object.create(proto) as EvaluatedNode;
};

type Props = Record<string, unknown>;
/** Takes each rule's result and its top-level conditions as evaluated (those of an `all`; none
 *  for an `any` or a `not`). */
export interface RuleTaker {
  take(rule: number, result: boolean, all: EvaluatedNode[] | undefined): void;
  /** The conditions it was last given for `rule`, which the next run of the rule may fill again
   *  (its results read by then); none: the run makes new ones. */
  previous(rule: number): EvaluatedNode[] | undefined;
}

interface Node {
  /** json-rules-engine's ordering key: the condition's `priority`, else the fact's (always 1 here) */
  priority: number;
  /** Evaluates the condition into `outs[i]` and says whether it passes; `top`: the rule's own
   *  condition, which the engine leaves without a `result`. A result already at `outs[i]` is this
   *  condition's from an earlier run, whose results have been read: it is set again. */
  run(rt: Runtime, outs: EvaluatedNode[], i: number, top?: boolean): boolean;
  /** the condition as the engine leaves one it never reached */
  skipped(): EvaluatedNode;
  /** Runs it as rule `rule`'s own condition and hands the outcome to `taker`, making no result
   *  object of its own (only for a boolean condition). */
  top?(rt: Runtime, rule: number, taker: RuleTaker): void;
}

const BOOLEAN = ['all', 'any', 'not'] as const;
type BooleanOp = (typeof BOOLEAN)[number];
const booleanOf = (c: Props): BooleanOp | undefined => BOOLEAN.find((k) => Object.hasOwn(c, k) && c[k] !== undefined);
const isFactRef = (v: unknown): v is { fact: string; params?: unknown; path?: string } => typeof v === 'object' && v !== null && Object.hasOwn(v, 'fact');

/** A fact's reader, with json-rules-engine's `path` into its value when the condition has one. */
function reader(fact: string, params: unknown, path: unknown): (rt: Runtime) => unknown {
  const read = factReader(fact, params);
  return typeof path === 'string' && path ? (rt) => safePathResolver(read(rt), path) : read;
}

function leaf(c: Props, make: Make): Node {
  const operator = String(c.operator);
  const op = Object.hasOwn(customOperators, operator)
    ? customOperators[operator]
    : Object.hasOwn(builtinOperators, operator)
      ? builtinOperators[operator]
      : undefined;
  if (!op) throw new SlaError([unknownOperator(c.operator)]);
  const { params, path, value } = c;
  const readFact = reader(String(c.fact), params, path);
  const readValue = isFactRef(value) ? reader(value.fact, value.params, value.path) : undefined;
  const create = make(c);
  return {
    priority: Number(c.priority) || 1,
    run(rt, outs, i) {
      const out = outs[i] ?? create();
      const seen = readFact(rt);
      const expected = readValue ? readValue(rt) : value;
      const passes = op(seen, expected);
      out.factResult = seen;
      out.valueResult = expected;
      out.result = passes;
      outs[i] = out;
      return passes;
    },
    skipped: create,
  };
}

/** Runs conditions into `outs` as json-rules-engine's `prioritizeAndRun` does. */
function runSet(nodes: Node[], sets: number[][], operator: 'all' | 'any', rt: Runtime, outs: EvaluatedNode[]): boolean {
  if (nodes.length === 0) return true;
  if (sets.length === 1) {
    // one priority (as compiled rules have): every condition runs, in order
    let every = true;
    let some = false;
    for (let i = 0; i < nodes.length; i++) {
      const p = nodes[i].run(rt, outs, i);
      every &&= p;
      some ||= p;
    }
    return operator === 'any' ? some : every;
  }
  let passes = operator === 'all';
  for (const set of sets) {
    if (operator === 'any' ? passes : !passes) {
      for (const i of set) outs[i] = nodes[i].skipped();
      continue;
    }
    let every = true;
    let some = false;
    for (const i of set) {
      const p = nodes[i].run(rt, outs, i);
      every &&= p;
      some ||= p;
    }
    passes = operator === 'any' ? some : every;
  }
  return passes;
}

/** A boolean condition's evaluated children, under its operator. */
function place(out: EvaluatedNode, operator: BooleanOp, children: EvaluatedNode[]): void {
  if (operator === 'all') out.all = children;
  else if (operator === 'any') out.any = children;
  else out.not = children[0];
}

function node(c: unknown, depth: number, path: string, make: Make): Node {
  if (typeof c !== 'object' || c === null || Array.isArray(c) || depth > 64)
    throw new SlaError([malformedCompiled('a condition of a compiled rule must be a mapping', path)]);
  const props = c as Props;
  const operator = booleanOf(props);
  if (!operator) return leaf(props, make);
  const many = operator !== 'not';
  const list = props[operator];
  if (Array.isArray(list) !== many)
    throw new SlaError([
      malformedCompiled(`\`${operator}\` of a compiled rule must be ${many ? 'a list of conditions' : 'one condition'}`, `${path}/${operator}`),
    ]);
  const children = (many ? (list as unknown[]) : [list]).map((x, j) => node(x, depth + 1, many ? `${path}/${operator}/${j}` : `${path}/not`, make));
  // priority sets, highest first, each holding child positions in their order
  const byPriority = new Map<number, number[]>();
  children.forEach((ch, i) => byPriority.set(ch.priority, [...(byPriority.get(ch.priority) ?? []), i]));
  const sets = [...byPriority].sort((a, b) => b[0] - a[0]).map(([, set]) => set);
  const priority = Number.parseInt(String(props.priority), 10) || 1;
  const create = make({ ...props, operator, priority });
  const inner = operator === 'not' ? 'all' : operator;
  return {
    priority,
    run(rt, outs, i, top) {
      const before = outs[i];
      const childOuts = (operator === 'not' ? undefined : before?.[operator]) ?? new Array<EvaluatedNode>(children.length);
      const held = runSet(children, sets, inner, rt, childOuts);
      const passes = operator === 'not' ? !held : held;
      const out = before ?? create();
      place(out, operator, childOuts);
      if (!top) out.result = passes;
      outs[i] = out;
      return passes;
    },
    top(rt, rule, taker) {
      const childOuts = (operator === 'all' ? taker.previous(rule) : undefined) ?? new Array<EvaluatedNode>(children.length);
      const held = runSet(children, sets, inner, rt, childOuts);
      taker.take(rule, operator === 'not' ? !held : held, operator === 'all' ? childOuts : undefined);
    },
    skipped: () => {
      const out = create();
      place(
        out,
        operator,
        children.map((ch) => ch.skipped()),
      );
      return out;
    },
  };
}

/** A policy's rules as closures, built once; `run` keeps no state between calls. Where several
 *  rules share a name (JSON edited by hand), the evaluator words a result from the result itself,
 *  so the results then carry their conditions' properties. */
export class CompiledRules {
  private readonly rules: { name: string; top: Node }[];

  constructor(rules: readonly RuleProperties[]) {
    const names = new Set(rules.map((r) => String(r.name)));
    const make = names.size < rules.length ? withProperties : plain;
    this.rules = rules.map((r, i) => {
      const top = node(r.conditions, 0, `/rules/${i}/conditions`, make);
      if (!booleanOf(r.conditions as unknown as Props))
        throw new SlaError([malformedCompiled(`the conditions of rule ${quoteValue(r.name)} must be \`all\`, \`any\` or \`not\``, `/rules/${i}/conditions`)]);
      return { name: String(r.name), top };
    });
  }

  /** Runs every rule, each outcome handed to `taker` as it is made: no RuleRun, no result object
   *  for a rule's own condition. */
  each(rt: Runtime, taker: RuleTaker): void {
    for (let i = 0; i < this.rules.length; i++) this.rules[i].top.top!(rt, i, taker);
  }

  run(rt: Runtime): RuleRun[] {
    const tops: EvaluatedNode[] = new Array(this.rules.length);
    const runs: RuleRun[] = new Array(this.rules.length);
    for (let i = 0; i < this.rules.length; i++) {
      const { name, top } = this.rules[i];
      const result = top.run(rt, tops, i, true);
      runs[i] = { name, result, conditions: tops[i] };
    }
    return runs;
  }
}
