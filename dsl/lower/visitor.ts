// The lowering of a parsed DSL file to the Policy IR: one lowering per grammar rule, in the file of
// its concept, called for each node by the node's rule name. The chevrotain CST visitor made of
// them (`visitorClass`) checks with `validateVisitor`, once per parser, that no rule of the grammar
// is left without one.
import type { CstNode, IToken } from 'chevrotain';
import type { Diagnostic } from '../../engine/diagnostics/index.ts';
import type { Policy } from '../../engine/ir/schema.ts';
import type { Locator } from '../../engine/policy-types.ts';
import type { PolicyCstVisitor } from '../cst.generated.ts';
import type { PolicyParser } from '../parser.ts';
import { amountRules } from './amounts.ts';
import { calendarRules } from './calendars.ts';
import { conditionRules } from './conditions.ts';
import { Lowering } from './context.ts';
import type { Lines } from './cst.ts';
import { declarationRules } from './declarations.ts';
import { describedAt } from './descriptions.ts';
import { eventRules } from './events.ts';
import { itemRules } from './items.ts';
import { literalRules } from './literals.ts';
import { noItemRules } from './no-items.ts';
import { planValueRules } from './plan-values.ts';
import { refundRules } from './refund.ts';
import type { Anchor } from './source-map.ts';

export type { Anchor } from './source-map.ts';

type RuleName = Exclude<keyof PolicyCstVisitor<unknown, unknown>, 'visit' | 'validateVisitor'>;
/** A rule's lowering takes that rule's children (as the grammar types them) and what its parent passes. */
type Rules = { [R in RuleName]: (lw: Lowering, children: Parameters<PolicyCstVisitor<unknown, unknown>[R]>[0], arg: never) => unknown };

/** Every rule's lowering; `satisfies` makes a rule missing here, or reading another rule's children, a type error too. */
const rules = {
  ...literalRules,
  ...planValueRules,
  ...amountRules,
  ...eventRules,
  ...conditionRules,
  ...declarationRules,
  ...noItemRules,
  ...calendarRules,
  ...itemRules,
  ...refundRules,
} satisfies Rules;

export interface Lowered {
  policy: Policy;
  diagnostics: Diagnostic[];
  locate: Locator;
  /** where each top-level declaration is, and the IR item it makes */
  anchors: Anchor[];
}

type VisitorClass = new () => { visit(node: CstNode, arg?: unknown): unknown; validateVisitor(): void };
const visitors = new WeakMap<PolicyParser, VisitorClass>();

/** The visitor class of a parser (chevrotain builds it from the parser's grammar). */
export function visitorClass(parser: PolicyParser): VisitorClass {
  let V = visitors.get(parser);
  if (!V) {
    const Base = parser.getBaseCstVisitorConstructor() as unknown as VisitorClass;
    class LoweringVisitor extends Base {
      lw?: Lowering;
      constructor() {
        super();
        this.validateVisitor();
      }
    }
    for (const [name, lower] of Object.entries(rules) as [string, (lw: Lowering, c: unknown, a: unknown) => unknown][]) {
      Object.defineProperty(LoweringVisitor.prototype, name, {
        value(this: LoweringVisitor, children: unknown, arg: unknown) {
          return lower(this.lw!, children, arg);
        },
      });
    }
    V = LoweringVisitor;
    visitors.set(parser, V);
  }
  return V;
}

/** The parsers whose grammar the lowering has been checked against (a visitor made once: its
 *  `validateVisitor` finds any rule left without a lowering). */
const checked = new WeakSet<PolicyParser>();
/** Each rule's lowering by rule name: a node is lowered by a direct call of its rule's lowering
 *  (what the visitor's methods do, without chevrotain's `visit` and a method in between). */
const lowerings = new Map(Object.entries(rules) as [string, (lw: Lowering, c: unknown, a: unknown) => unknown][]);

/** Lowers a policy's CST; `docs` are the `##` comment tokens, `tokens` all the others, `lines` those of the text they come from. */
export function toIr(parser: PolicyParser, cst: CstNode, tokens: IToken[], docs: IToken[], lines: Lines, file?: string): Lowered {
  if (!checked.has(parser)) {
    new (visitorClass(parser))();
    checked.add(parser);
  }
  const lw = new Lowering(file, describedAt(tokens, docs), lines);
  lw.visit = <T>(node: CstNode | undefined, arg?: unknown) => (node ? lowerings.get(node.name)!(lw, node.children, arg) : undefined) as T;
  const policy = lw.visit<Policy>(cst);
  return { policy, diagnostics: lw.diagnostics, locate: lw.map.locate, anchors: lw.map.anchors };
}
