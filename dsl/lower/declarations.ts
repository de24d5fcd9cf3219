// The file and its declarations: header, sources, plans, facts, events (with attribute types),
// instants, counters, clauses and assumptions. Deadlines, entitlements, the refund and credits are
// in items.ts and refund.ts, calendars in calendars.ts.
import type { CstNode } from 'chevrotain';
import type { Policy } from '../../engine/ir/schema.ts';
import type {
  AssumptionDeclCstChildren,
  AttributeDeclCstChildren,
  ClauseDeclCstChildren,
  ClauseRefCstChildren,
  CounterDeclCstChildren,
  EventDeclCstChildren,
  FactDeclCstChildren,
  HeaderCstChildren,
  HeaderItemCstChildren,
  InstantDeclCstChildren,
  ItemCstChildren,
  LangTextsCstChildren,
  PlanDeclCstChildren,
  PolicyCstChildren,
  SourceDeclCstChildren,
  TypeModCstChildren,
  TypeSpecCstChildren,
} from '../cst.generated.ts';
import { pointerSegment } from '../json-pointer.ts';
import type { Lowering, Obj } from './context.ts';
import { number, text } from './literals.ts';
import { badNo } from './no-items.ts';

const list = (p: Obj, key: string) => (p[key] ??= []) as unknown[];

const RECORDS = ['facts', 'calendars', 'instants', 'counters'];
const LISTS = ['assumptions', 'deadlines', 'entitlements', 'amounts', 'credits'];
/** the IR map each named declaration goes into */
const MAP_OF: Record<string, string> = {
  planDecl: 'plans',
  factDecl: 'facts',
  eventDecl: 'events',
  calendarDecl: 'calendars',
  instantDecl: 'instants',
  counterDecl: 'counters',
  clauseDecl: 'clauses',
};
/** the IR list each listed declaration goes into */
const LIST_OF: Record<string, string> = {
  sourceDecl: 'sources',
  assumptionDecl: 'assumptions',
  deadlineDecl: 'deadlines',
  entitlementDecl: 'entitlements',
  amountDecl: 'amounts',
  creditDecl: 'credits',
};

/** The pointer of the IR item a top-level declaration makes (before it is added). */
function pointerOf(lw: Lowering, kind: string, n: CstNode, p: Obj): string {
  const children = n.children as { id?: CstNode[]; itemHead?: CstNode[]; what?: CstNode[] };
  if (Object.hasOwn(LIST_OF, kind)) return `/${LIST_OF[kind]}/${((p[LIST_OF[kind]] as unknown[] | undefined) ?? []).length}`;
  if (kind === 'refundDecl') return '/refund';
  if (kind === 'noItem') return `/${pointerSegment(lw.visit(children.what?.[0]))}`;
  return Object.hasOwn(MAP_OF, kind) ? `/${MAP_OF[kind]}/${pointerSegment(lw.visit(children.id?.[0]))}` : '';
}

export const declarationRules = {
  policy(lw: Lowering, ctx: PolicyCstChildren): Policy {
    const p: Obj = {};
    lw.visit(ctx.header[0], p);
    p.sources = [];
    p.plans = {};
    p.events = {};
    p.clauses = {};
    for (const item of ctx.item ?? []) lw.visit(item, p);
    return p as unknown as Policy;
  },
  header(lw: Lowering, ctx: HeaderCstChildren, p: Obj): void {
    p.id = lw.visit(ctx.id[0]);
    lw.map.at('/id', ctx.id[0]);
    const title = ctx.title[0];
    p.title = text(lw, title);
    lw.map.at('/title', title);
    lw.map.at('', ctx);
    for (const h of ctx.headerItem ?? []) lw.visit(h, p);
  },
  headerItem(lw: Lowering, ctx: HeaderItemCstChildren, p: Obj): void {
    const put = (key: string, v: unknown) => lw.put(p, key, v, '', ctx);
    if (ctx.version) put('version', text(lw, ctx.version[0]));
    else if (ctx.date) put('effective', lw.visit(ctx.date[0]));
    else if (ctx.zone) put('zone', lw.visit(ctx.zone[0]));
    else if (ctx.currency) put('currency', lw.visit(ctx.currency[0]));
    else if (ctx.calendar) put('calendar', lw.visit(ctx.calendar[0]));
    else if (ctx.schema) put('$schema', text(lw, ctx.schema[0]));
  },
  item(lw: Lowering, ctx: ItemCstChildren, p: Obj): void {
    const kind = Object.keys(ctx)[0] as keyof ItemCstChildren | undefined;
    const n = kind ? (ctx[kind]?.[0] as CstNode | undefined) : undefined;
    if (!kind || !n?.location) return;
    lw.map.anchors.push({ offset: n.location.startOffset, end: n.location.endOffset ?? n.location.startOffset, pointer: pointerOf(lw, kind, n, p) });
    if (kind === 'noItem') {
      const what: string = lw.visit(n);
      if (RECORDS.includes(what)) p[what] ??= {};
      else if (LISTS.includes(what)) list(p, what);
      else badNo(lw, what, n, [...RECORDS, ...LISTS]);
    } else if (kind === 'refundDecl') lw.put(p, 'refund', lw.visit(n), '', n, 'the refund section');
    else if (Object.hasOwn(LIST_OF, kind)) {
      const items = list(p, LIST_OF[kind]);
      items.push(lw.visit(n, `/${LIST_OF[kind]}/${items.length}`));
    } else lw.visit(n, p);
  },
  sourceDecl(lw: Lowering, ctx: SourceDeclCstChildren, ptr: string): Obj {
    const s: Obj = { file: text(lw, ctx.file[0]), lang: lw.visit(ctx.lang[0]) };
    if (ctx.title) s.title = text(lw, ctx.title[0]);
    if (ctx.renderingOf) s.rendering_of = lw.visit(ctx.renderingOf[0]);
    lw.map.at(ptr, ctx);
    lw.map.at(`${ptr}/lang`, ctx.lang[0]);
    lw.map.at(`${ptr}/file`, ctx.file[0]);
    return s;
  },
  planDecl(lw: Lowering, ctx: PlanDeclCstChildren, p: Obj): void {
    const d: Obj = { options: ctx.option.map((o) => lw.visit(o)) };
    if (ctx.default) d.default = lw.visit(ctx.default[0]);
    lw.description(d, ctx);
    lw.declare(p, 'plans', 'plan', ctx.id[0], d);
  },
  factDecl(lw: Lowering, ctx: FactDeclCstChildren, p: Obj): void {
    const d: Obj = lw.visit(ctx.typeSpec[0], `/facts/${pointerSegment(lw.visit<string>(ctx.id[0]))}`);
    lw.description(d, ctx);
    lw.declare(p, 'facts', 'fact', ctx.id[0], d);
  },
  typeSpec(lw: Lowering, ctx: TypeSpecCstChildren, ptr: string): Obj {
    const d: Obj = { type: lw.visit(ctx.type[0]) };
    lw.map.at(`${ptr}/type`, ctx.type[0]);
    for (const m of ctx.typeMod ?? []) lw.visit(m, { d, ptr });
    return d;
  },
  typeMod(lw: Lowering, ctx: TypeModCstChildren, { d, ptr }: { d: Obj; ptr: string }): void {
    if (ctx.valueList) lw.put(d, 'enum', lw.visit(ctx.valueList[0]), ptr, ctx, 'the list of accepted values');
    else if (ctx.minimum) lw.put(d, 'minimum', number(lw, ctx.minimum[0]), ptr, ctx, 'the minimum');
    else if (ctx.value) lw.put(d, 'default', lw.visit(ctx.value[0]), ptr, ctx, 'the default');
    else lw.put(d, 'required', !!ctx.K_required, ptr, ctx, '`required` or `optional`');
  },
  eventDecl(lw: Lowering, ctx: EventDeclCstChildren, p: Obj): void {
    const ptr = `/events/${pointerSegment(lw.visit<string>(ctx.id[0]))}`;
    const d: Obj = {};
    if (ctx.K_with) d.duration = true;
    if (ctx.K_without) d.duration = false;
    if (ctx.LCurly) {
      const attrs: Obj = {};
      for (const a of ctx.attributeDecl ?? []) lw.visit(a, { attrs, ptr: `${ptr}/attributes` });
      d.attributes = attrs;
    }
    lw.description(d, ctx);
    lw.declare(p, 'events', 'event', ctx.id[0], d);
  },
  attributeDecl(lw: Lowering, ctx: AttributeDeclCstChildren, { attrs, ptr }: { attrs: Obj; ptr: string }): void {
    const name = lw.visit<string>(ctx.id[0]);
    const a: Obj = lw.visit(ctx.typeSpec[0], `${ptr}/${pointerSegment(name)}`);
    lw.description(a, ctx);
    lw.put(attrs, name, a, ptr, ctx, `attribute \`${name}\``);
  },
  instantDecl(lw: Lowering, ctx: InstantDeclCstChildren, p: Obj): void {
    const ptr = `/instants/${pointerSegment(lw.visit<string>(ctx.id[0]))}`;
    lw.map.at(ptr, ctx.id[0]); // at its name, as every named declaration (not at its expression)
    lw.declare(p, 'instants', 'instant', ctx.id[0], lw.visit(ctx.instant[0], ptr));
  },
  counterDecl(lw: Lowering, ctx: CounterDeclCstChildren, p: Obj): void {
    const ptr = `/counters/${pointerSegment(lw.visit<string>(ctx.id[0]))}`;
    let c: Obj;
    if (ctx.deadline) {
      c = { breached: lw.visit(ctx.deadline[0]) };
      lw.map.at(`${ptr}/breached`, ctx.deadline[0]);
    } else if (ctx.count) c = { count: lw.visit(ctx.count[0], `${ptr}/count`) };
    else c = { sum: lw.visit(ctx.attribute?.[0]), of: lw.visit(ctx.of?.[0], `${ptr}/of`) };
    c.per = lw.visit(ctx.per[0]);
    lw.map.at(`${ptr}/per`, ctx.per[0]);
    lw.declare(p, 'counters', 'counter', ctx.id[0], c);
  },
  clauseDecl(lw: Lowering, ctx: ClauseDeclCstChildren, p: Obj): void {
    const c: Obj = {};
    if (ctx.title) c.title = text(lw, ctx.title[0]);
    c.text = lw.visit(ctx.langTexts[0], `/clauses/${pointerSegment(lw.visit<string>(ctx.id[0]))}/text`);
    lw.declare(p, 'clauses', 'clause', ctx.id[0], c);
  },
  langTexts(lw: Lowering, ctx: LangTextsCstChildren, ptr: string): Record<string, string> {
    const out: Obj = {};
    lw.map.at(ptr, ctx);
    const texts = ctx.text ?? [];
    (ctx.lang ?? []).forEach((n, i) => {
      const lang: string = lw.visit(n);
      if (texts[i]) lw.put(out, lang, text(lw, texts[i]), ptr, n, `the \`${lang}\` text`);
    });
    return out as Record<string, string>;
  },
  assumptionDecl(lw: Lowering, ctx: AssumptionDeclCstChildren, ptr: string): Obj {
    lw.map.at(ptr, ctx);
    return { id: lw.visit<string>(ctx.id[0]), clause: lw.visit(ctx.clauseRef[0], ptr), text: lw.visit(ctx.langTexts[0], `${ptr}/text`) };
  },
  /** `(clause <id>)` of the item at `ptr` */
  clauseRef(lw: Lowering, ctx: ClauseRefCstChildren, ptr: string): string {
    lw.map.at(`${ptr}/clause`, ctx.clause[0]);
    return lw.visit(ctx.clause[0]);
  },
};
