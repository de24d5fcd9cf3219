// The CST visitor: lowers a parsed DSL file to the Policy IR, recording where each JSON pointer of
// the IR came from so that schema and compiler diagnostics point at the DSL text.
import type { CstNode, IToken } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../engine/diagnostics/index.ts';
import type { Code } from '../engine/diagnostics/codes.ts';
import type { Position } from '../engine/policy-types.ts';
import type {
  Condition,
  Cost,
  EventRef,
  Instant,
  Limit,
  Policy,
  Used,
  HolidayRule,
  CalendarDecl,
  Deadline,
  Entitlement,
  Credit,
  Refund,
  RefundRule,
  AttributeDecl,
  FactDecl,
  EventDecl,
  Counter,
} from '../engine/ir/schema.ts';
import { expandDays } from './weekdays.ts';

type Obj = Record<string, unknown>;
type Children = Record<string, (CstNode | IToken)[] | undefined>;

export interface Lowered {
  policy: Policy;
  diagnostics: Diagnostic[];
  positions: Map<string, Position>;
  /** where each top-level declaration starts, and the IR item it makes */
  anchors: Anchor[];
}

export interface Anchor {
  offset: number;
  end: number;
  pointer: string;
}

const isToken = (x: CstNode | IToken): x is IToken => (x as IToken).image !== undefined;
/** `##"…"`: a description written as a JSON string (one that holds a carriage return) */
function verbatim(text: string): string {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'string' ? v : text;
  } catch {
    return text;
  }
}
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export function toIr(cst: CstNode, tokens: IToken[], docs: IToken[], file?: string): Lowered {
  return new Lowering(tokens, docs, file).policy(cst);
}

class Lowering {
  readonly diagnostics: Diagnostic[] = [];
  readonly positions = new Map<string, Position>();
  readonly anchors: Anchor[] = [];
  private readonly docsBefore = new Map<number, string>();

  private readonly byOffset = new Map<number, IToken>();

  constructor(tokens: IToken[], docs: IToken[], private readonly file?: string) {
    for (const t of tokens) this.byOffset.set(t.startOffset, t);
    // a run of `##` lines describes the declaration that starts right after it
    let t = 0;
    const lines = new Map<number, string[]>();
    for (const d of docs) {
      while (t < tokens.length && tokens[t].startOffset < d.startOffset) t++;
      if (t >= tokens.length) break;
      const text = d.image.slice(2);
      const line = text.startsWith(' ') ? text.slice(1) : text.startsWith('"') ? verbatim(text) : text;
      const key = tokens[t].startOffset;
      const list = lines.get(key) ?? [];
      list.push(line);
      lines.set(key, list);
    }
    for (const [k, v] of lines) this.docsBefore.set(k, v.join('\n'));
  }

  // ── helpers ───────────────────────────────────────────────────────────────
  private report(code: Code, message: string, tok: IToken | undefined, help: string) {
    this.diagnostics.push(
      diagnostic(code, message, {
        ...(this.file ? { file: this.file } : {}),
        ...(tok && Number.isFinite(tok.startLine) ? { line: tok.startLine, column: tok.startColumn } : {}),
        help,
      }),
    );
  }
  private at(ptr: string, tok: IToken | undefined) {
    if (tok && Number.isFinite(tok.startLine) && !this.positions.has(ptr)) {
      this.positions.set(ptr, { line: tok.startLine as number, column: tok.startColumn as number });
    }
  }
  /** sets `obj[key]`, reporting a second definition */
  private put(obj: Obj, key: string, value: unknown, ptr: string, tok: IToken | undefined, what?: string) {
    const p = `${ptr}/${esc(key)}`;
    if (Object.prototype.hasOwnProperty.call(obj, key)) {
      this.report('SLA1105', `${what ?? `\`${key}\``} is given twice`, tok, 'keep one of them');
      return;
    }
    if (key === '__proto__') {
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    } else obj[key] = value;
    this.at(p, tok);
  }
  private ch(node: CstNode | undefined): Children {
    return (node?.children ?? {}) as Children;
  }
  private node(node: CstNode | undefined, key: string, i = 0): CstNode | undefined {
    const x = this.ch(node)[key]?.[i];
    return x && !isToken(x) ? x : undefined;
  }
  private nodes(node: CstNode | undefined, key: string): CstNode[] {
    return (this.ch(node)[key] ?? []).filter((x): x is CstNode => !isToken(x));
  }
  private tok(node: CstNode | undefined, key: string, i = 0): IToken | undefined {
    const x = this.ch(node)[key]?.[i];
    return x && isToken(x) && !x.isInsertedInRecovery ? x : undefined;
  }
  private toks(node: CstNode | undefined, key: string): IToken[] {
    return (this.ch(node)[key] ?? []).filter((x): x is IToken => isToken(x) && !x.isInsertedInRecovery);
  }
  /** the first token of a node (by position) */
  private first(node: CstNode | undefined): IToken | undefined {
    if (!node) return undefined;
    const at = node.location?.startOffset;
    if (at !== undefined && Number.isFinite(at)) {
      const t = this.byOffset.get(at);
      if (t) return t;
    }
    // each child list is in source order, so only the head of each list can come first
    let best: IToken | undefined;
    const children = node.children;
    for (const key in children) {
      const x = children[key]?.[0];
      if (!x) continue;
      const t = isToken(x) ? x : this.first(x);
      if (t && !t.isInsertedInRecovery && (!best || t.startOffset < best.startOffset)) best = t;
    }
    return best;
  }
  private str(tok: IToken): string {
    if (tok.tokenType.name === 'DurationLit') return tok.image.replace(/[ \t]+/g, ' ');
    if (tok.tokenType.name === 'StringLit') {
      if (!tok.image.includes('\\')) return tok.image.slice(1, -1);
      try {
        return JSON.parse(tok.image) as string;
      } catch {
        this.report('SLA1104', 'invalid string', tok, 'escape quotes and backslashes as in JSON: \\" \\\\ \\n');
        return '';
      }
    }
    return tok.image;
  }
  private num(tok: IToken | undefined): number {
    if (!tok) return 0;
    const n = Number(tok.image);
    if (!Number.isFinite(n)) {
      this.report('SLA1104', `number out of range: ${tok.image}`, tok, 'write a finite number');
      return 0;
    }
    return n;
  }
  /** the text of a name/ref/value-like node: its one token */
  private word(node: CstNode | undefined): string {
    const t = this.first(node);
    return t ? this.str(t) : '';
  }
  private description(target: Obj, firstTok: IToken | undefined) {
    if (!firstTok) return;
    const d = this.docsBefore.get(firstTok.startOffset);
    if (d !== undefined) target.description = d;
  }

  private value(node: CstNode | undefined): string | number | boolean {
    const t = this.first(node);
    if (!t) return '';
    switch (t.tokenType.name) {
      case 'NumberLit':
        return this.num(t);
      case 'K_true':
        return true;
      case 'K_false':
        return false;
      default:
        return this.str(t);
    }
  }
  private values(node: CstNode | undefined): (string | number | boolean)[] {
    return this.nodes(node, 'value').map((v) => this.value(v));
  }
  private nameList(node: CstNode | undefined): string[] {
    return this.nodes(node, 'name').map((n) => this.word(n));
  }
  private dates(node: CstNode | undefined): string[] {
    return this.nodes(node, 'date').map((n) => this.word(n));
  }
  private days(node: CstNode | undefined, ptr: string): string[] {
    const out: string[] = [];
    for (const item of this.nodes(node, 'dayItem')) {
      const [a, b] = this.nodes(item, 'name');
      if (!b) {
        out.push(this.word(a));
        continue;
      }
      const range = expandDays(this.word(a), this.word(b));
      if (!range) {
        this.report('SLA1104', `invalid range of weekdays: ${this.word(a)}..${this.word(b)}`, this.first(item), 'a range runs forward from one of mon, tue, wed, thu, fri, sat, sun to a later one, e.g. mon..fri');
      } else out.push(...range);
    }
    this.at(ptr, this.first(node));
    return out;
  }

  // ── plan values ───────────────────────────────────────────────────────────
  /** `by <plan> { option: X, … }` inside `node`, or undefined */
  private byPlan<T>(node: CstNode | undefined, inner: string, ptr: string, lower: (n: CstNode, p: string) => T) {
    const by = this.tok(node, 'K_by');
    if (!by) return undefined;
    const values: Record<string, T> = {};
    const names = this.nodes(node, 'name');
    const inners = this.nodes(node, inner);
    names.forEach((n, i) => {
      const key = this.word(n);
      const p = `${ptr}/values/${esc(key)}`;
      if (inners[i]) this.put(values, key, lower(inners[i], p), `${ptr}/values`, this.first(n), `the value for \`${key}\``);
    });
    this.at(ptr, by);
    this.at(`${ptr}/by`, this.first(this.node(node, 'ref')));
    this.at(`${ptr}/values`, by);
    return { by: this.word(this.node(node, 'ref')), values };
  }
  private pvDuration(node: CstNode | undefined, ptr: string): string | { by: string; values: Record<string, string> } {
    this.at(ptr, this.first(node));
    return this.byPlan(node, 'duration', ptr, (n) => this.word(n)) ?? this.word(this.node(node, 'duration'));
  }
  private pvString(node: CstNode | undefined, ptr: string) {
    this.at(ptr, this.first(node));
    const byRefs = this.nodes(node, 'ref');
    if (this.tok(node, 'K_by')) {
      // byPlan's own `ref` (the plan dimension) is the first one, the option values follow
      const values: Record<string, string> = {};
      const names = this.nodes(node, 'name');
      names.forEach((n, i) => {
        const key = this.word(n);
        const v = byRefs[i + 1];
        if (v) this.put(values, key, this.word(v), `${ptr}/values`, this.first(n), `the value for \`${key}\``);
      });
      this.at(`${ptr}/values`, this.tok(node, 'K_by'));
      return { by: this.word(byRefs[0]), values };
    }
    return this.word(byRefs[0]);
  }
  private limitValue(node: CstNode): number | null {
    const n = this.tok(node, 'NumberLit');
    return n ? this.num(n) : null;
  }
  private limit(node: CstNode | undefined, ptr: string): Limit {
    this.at(ptr, this.first(node));
    if (this.tok(node, 'K_of')) {
      return { attribute: this.word(this.node(node, 'name')), of: this.eventRef(this.node(node, 'eventRef'), `${ptr}/of`) };
    }
    const by = this.byPlan(node, 'limitValue', ptr, (n) => this.limitValue(n));
    if (by) return by;
    return this.limitValue(this.node(node, 'limitValue') as CstNode);
  }
  private cost(node: CstNode, ptr: string): Cost {
    this.at(ptr, this.first(node));
    const n = this.num(this.tok(node, 'NumberLit'));
    if (this.tok(node, 'Percent')) {
      this.at(`${ptr}/of`, this.first(this.node(node, 'ref')));
      return { percent: n, of: this.word(this.node(node, 'ref')) };
    }
    const cur = this.node(node, 'ref');
    return cur ? { amount: n, currency: this.word(cur) } : { amount: n };
  }
  private pvCost(node: CstNode | undefined, ptr: string) {
    return this.byPlan(node, 'cost', ptr, (n, p) => this.cost(n, p)) ?? this.cost(this.node(node, 'cost') as CstNode, ptr);
  }

  // ── events, instants, conditions ──────────────────────────────────────────
  private where(node: CstNode | undefined, ptr: string) {
    const w: Record<string, unknown> = {};
    this.at(ptr, this.first(node));
    for (const e of this.nodes(node, 'whereEntry')) {
      const key = this.word(this.node(e, 'name'));
      const v = this.node(e, 'valueList') ? this.values(this.node(e, 'valueList')) : this.value(this.node(e, 'value'));
      this.put(w, key, v, ptr, this.first(e));
    }
    return w as Record<string, string | number | boolean | (string | number | boolean)[]>;
  }
  private eventRef(node: CstNode | undefined, ptr: string): EventRef {
    this.at(ptr, this.first(node));
    const ref: EventRef = { event: this.word(this.node(node, 'ref')) };
    this.at(`${ptr}/event`, this.first(this.node(node, 'ref')));
    if (this.tok(node, 'K_first')) ref.which = 'first';
    if (this.tok(node, 'K_last')) ref.which = 'last';
    const w = this.node(node, 'where');
    if (w) ref.where = this.where(w, `${ptr}/where`);
    return ref;
  }
  private instant(node: CstNode | undefined, ptr: string): Instant {
    this.at(ptr, this.first(node));
    if (this.tok(node, 'K_instant')) return { instant: this.word(this.node(node, 'ref')) };
    const out: Instant = { from: this.eventRef(this.node(node, 'eventRef'), `${ptr}/from`) };
    const add = this.node(node, 'pvDuration');
    if (add) out.add = this.pvDuration(add, `${ptr}/add`);
    const cal = this.node(node, 'ref');
    if (cal) {
      out.calendar = this.word(cal);
      this.at(`${ptr}/calendar`, this.first(cal));
    }
    return out;
  }
  private conditions(node: CstNode | undefined, ptr: string, into: Condition[]) {
    for (const c of this.nodes(node, 'condition')) into.push(this.condition(c, `${ptr}/${into.length}`));
  }
  private comparisons(node: CstNode | undefined, out: Obj, ptr: string) {
    for (const c of this.nodes(node, 'comparison')) {
      const t = this.first(c);
      const op = t?.tokenType.name;
      let key: string;
      let v: unknown;
      if (op === 'Eq' || op === 'NotEq') {
        key = op === 'Eq' ? 'equals' : 'not_equals';
        v = this.value(this.node(c, 'value'));
      } else if (op === 'K_not' || op === 'K_in') {
        key = op === 'K_not' ? 'not_in' : 'in';
        v = this.values(this.node(c, 'valueList'));
      } else {
        key = { Gt: 'greater_than', Lt: 'less_than', Gte: 'at_least', Lte: 'at_most' }[op ?? 'Gt'] ?? 'greater_than';
        v = this.num(this.tok(c, 'NumberLit'));
      }
      this.put(out, key, v, ptr, t, `the comparison \`${t?.image ?? key}\``);
    }
  }
  /** `inGroup`: the condition is an alternative of `(… or …)`, which cannot itself be a group */
  private condition(node: CstNode, ptr: string, inGroup = false): Condition {
    this.at(ptr, this.first(node));
    let out: Obj = {};
    const c = (key: string) => this.node(node, key);
    let n: CstNode | undefined;
    if ((n = c('factCond'))) {
      out = { fact: this.word(this.node(n, 'name')) };
      this.comparisons(this.node(n, 'comparisons'), out, ptr);
    } else if ((n = c('planCond'))) {
      out = { plan: this.word(this.node(n, 'name')), in: this.values(this.node(n, 'valueList')).map(String) };
    } else if ((n = c('eventCond'))) {
      out = { event: this.word(this.node(n, 'name')) };
      const w = this.node(n, 'where');
      if (w) out.where = this.where(w, `${ptr}/where`);
      if (this.tok(n, 'K_no')) out.exists = false;
      else if (this.tok(n, 'K_exists')) out.exists = true;
      const instants = this.nodes(n, 'instant');
      let i = 0;
      if (this.tok(n, 'K_before')) out.before = this.instant(instants[i++], `${ptr}/before`);
      if (this.tok(n, 'K_after')) out.after = this.instant(instants[i++], `${ptr}/after`);
      if (this.tok(n, 'K_no') && this.tok(n, 'K_exists')) {
        this.report('SLA1104', '`no event … exists` says both', this.tok(n, 'K_exists'), 'write `no event x` (it did not happen) or `event x exists`');
      }
    } else if ((n = c('nowCond'))) {
      out = { now_before: this.instant(this.node(n, 'instant'), `${ptr}/now_before`) };
    } else if ((n = c('deadlineCond'))) {
      const [d, status] = this.nodes(n, 'name');
      out = { deadline: this.word(d), status: this.word(status) };
      this.at(`${ptr}/status`, this.first(status));
      const w = this.node(n, 'where');
      if (w) out.where = this.where(w, `${ptr}/where`);
      const i = this.node(n, 'instant');
      if (i) out.started_before = this.instant(i, `${ptr}/started_before`);
    } else if ((n = c('counterCond'))) {
      out = { counter: this.word(this.node(n, 'name')) };
      this.comparisons(this.node(n, 'comparisons'), out, ptr);
    } else if ((n = c('entitlementCond'))) {
      out = { entitlement: this.word(this.node(n, 'name')), allowed: !this.tok(n, 'K_not') };
    } else if ((n = c('openCond'))) {
      out = { open: this.word(this.node(n, 'name')) };
    } else if ((n = c('anyCond'))) {
      const open = this.tok(n, 'LParen');
      const alternatives = this.nodes(n, 'condition');
      this.at(`${ptr}/any`, open);
      if (inGroup) {
        this.report('SLA1104', 'a group `(… or …)` cannot hold another group', open,
          'list the alternatives in one group: `(A or B or C)` for `(A or (B or C))`; alternatives are single conditions, each with its own `because`');
      } else if (alternatives.length < 2) {
        this.report('SLA1104', 'a group `(… or …)` needs at least two alternatives', open,
          'join two or more conditions with `or`, e.g. `(fact a = 1 or event b)`; for a single condition, drop the parentheses');
      }
      out = { any: alternatives.map((a, i) => this.condition(a, `${ptr}/any/${i}`, true)) };
    }
    const reason = this.tok(node, 'StringLit');
    if (reason) this.put(out, 'reason', this.str(reason), ptr, reason);
    return out as Condition;
  }

  // ── the file ──────────────────────────────────────────────────────────────
  policy(cst: CstNode): Lowered {
    const p: Obj = {};
    const header = this.node(cst, 'header');
    p.id = this.word(this.node(header, 'name'));
    this.at('/id', this.first(this.node(header, 'name')));
    const title = this.tok(header, 'StringLit');
    p.title = title ? this.str(title) : '';
    this.at('/title', title);
    this.at('', this.first(header));
    for (const h of this.nodes(header, 'headerItem')) this.headerItem(h, p);
    p.sources = [];
    p.plans = {};
    p.events = {};
    p.clauses = {};
    for (const item of this.nodes(cst, 'item')) this.item(item, p);
    return { policy: p as unknown as Policy, diagnostics: this.diagnostics, positions: this.positions, anchors: this.anchors };
  }
  private headerItem(h: CstNode, p: Obj) {
    const kw = this.first(h);
    const put = (key: string, v: unknown) => this.put(p, key, v, '', kw);
    switch (kw?.tokenType.name) {
      case 'K_version': {
        const t = this.toks(h, 'StringLit')[0] ?? this.tok(h, 'DateLit') ?? this.tok(h, 'NumberLit');
        if (t) put('version', this.str(t));
        break;
      }
      case 'K_effective':
        put('effective', this.word(this.node(h, 'date')));
        break;
      case 'K_zone':
        put('zone', this.word(this.node(h, 'zone')));
        break;
      case 'K_currency':
        put('currency', this.word(this.node(h, 'ref')));
        break;
      case 'K_calendar':
        put('calendar', this.word(this.node(h, 'ref')));
        break;
      case 'K_schema': {
        const t = this.tok(h, 'StringLit', 0) ?? this.toks(h, 'StringLit')[0];
        if (t) put('$schema', this.str(t));
        break;
      }
    }
  }
  private record(p: Obj, key: string): Obj {
    if (!p[key]) p[key] = {};
    return p[key] as Obj;
  }
  private list(p: Obj, key: string): unknown[] {
    if (!p[key]) p[key] = [];
    return p[key] as unknown[];
  }
  private item(item: CstNode, p: Obj) {
    let kind: string | undefined;
    for (const k in item.children) {
      kind = k;
      break;
    }
    const n = kind ? (item.children[kind]?.[0] as CstNode | undefined) : undefined;
    if (!n || !kind) return;
    const head = this.first(n);
    if (head) this.anchors.push({ offset: head.startOffset, end: item.location?.endOffset ?? head.endOffset ?? head.startOffset, pointer: this.pointerOf(kind, n, p) });
    switch (kind) {
      case 'sourceDecl': {
        const sources = p.sources as Obj[];
        const ptr = `/sources/${sources.length}`;
        const strs = this.toks(n, 'StringLit');
        const names = this.nodes(n, 'name');
        const s: Obj = { file: strs[0] ? this.str(strs[0]) : '', lang: this.word(names[0]) };
        if (strs[1]) s.title = this.str(strs[1]);
        if (names[1]) s.rendering_of = this.word(names[1]);
        this.at(ptr, head);
        this.at(`${ptr}/lang`, this.first(names[0]));
        this.at(`${ptr}/file`, strs[0]);
        sources.push(s);
        break;
      }
      case 'planDecl': {
        const names = this.nodes(n, 'name');
        const id = this.word(names[0]);
        const d: Obj = { options: names.slice(1, this.tok(n, 'K_default') ? -1 : undefined).map((x) => this.word(x)) };
        if (this.tok(n, 'K_default')) d.default = this.word(names[names.length - 1]);
        this.description(d, head);
        this.put(p.plans as Obj, id, d, '/plans', this.first(names[0]), `plan \`${id}\``);
        break;
      }
      case 'factDecl': {
        const id = this.word(this.node(n, 'name'));
        const d = this.typeSpec(this.node(n, 'typeSpec'), `/facts/${esc(id)}`) as FactDecl;
        this.description(d as Obj, head);
        this.put(this.record(p, 'facts'), id, d, '/facts', this.first(this.node(n, 'name')), `fact \`${id}\``);
        break;
      }
      case 'eventDecl': {
        const id = this.word(this.node(n, 'name'));
        const ptr = `/events/${esc(id)}`;
        const d: EventDecl = {};
        if (this.tok(n, 'K_with')) d.duration = true;
        if (this.tok(n, 'K_without')) d.duration = false;
        if (this.tok(n, 'LCurly')) {
          const attrs: Obj = {};
          for (const a of this.nodes(n, 'attributeDecl')) {
            const name = this.word(this.node(a, 'name'));
            const ad = this.typeSpec(this.node(a, 'typeSpec'), `${ptr}/attributes/${esc(name)}`) as AttributeDecl;
            this.description(ad as Obj, this.first(a));
            this.put(attrs, name, ad, `${ptr}/attributes`, this.first(a), `attribute \`${name}\``);
          }
          d.attributes = attrs as Record<string, AttributeDecl>;
        }
        this.description(d as Obj, head);
        this.put(p.events as Obj, id, d, '/events', this.first(this.node(n, 'name')), `event \`${id}\``);
        break;
      }
      case 'calendarDecl': {
        const id = this.word(this.node(n, 'name'));
        const d = this.calendar(n, `/calendars/${esc(id)}`);
        this.description(d as Obj, head);
        this.put(this.record(p, 'calendars'), id, d, '/calendars', this.first(this.node(n, 'name')), `calendar \`${id}\``);
        break;
      }
      case 'instantDecl': {
        const id = this.word(this.node(n, 'name'));
        const inst = this.instant(this.node(n, 'instant'), `/instants/${esc(id)}`);
        this.put(this.record(p, 'instants'), id, inst, '/instants', this.first(this.node(n, 'name')), `instant \`${id}\``);
        break;
      }
      case 'counterDecl': {
        const names = this.nodes(n, 'name');
        const id = this.word(names[0]);
        const ptr = `/counters/${esc(id)}`;
        let c: Obj;
        if (this.tok(n, 'K_breached')) c = { breached: this.word(this.node(n, 'ref')) };
        else if (this.tok(n, 'K_count')) c = { count: this.eventRef(this.node(n, 'eventRef'), `${ptr}/count`) };
        else c = { sum: this.word(names[1]), of: this.eventRef(this.node(n, 'eventRef'), `${ptr}/of`) };
        c.per = this.word(names[names.length - 1]);
        this.at(`${ptr}/per`, this.first(names[names.length - 1]));
        this.put(this.record(p, 'counters'), id, c as Counter, '/counters', this.first(names[0]), `counter \`${id}\``);
        break;
      }
      case 'clauseDecl': {
        const id = this.word(this.node(n, 'name'));
        const c: Obj = {};
        const title = this.tok(n, 'StringLit');
        if (title) c.title = this.str(title);
        c.text = this.langTexts(this.node(n, 'langTexts'), `/clauses/${esc(id)}/text`);
        this.put(p.clauses as Obj, id, c, '/clauses', this.first(this.node(n, 'name')), `clause \`${id}\``);
        break;
      }
      case 'assumptionDecl': {
        const list = this.list(p, 'assumptions');
        const ptr = `/assumptions/${list.length}`;
        this.at(ptr, head);
        list.push({
          id: this.word(this.node(n, 'name')),
          clause: this.clauseRef(this.node(n, 'clauseRef'), ptr),
          text: this.langTexts(this.node(n, 'langTexts'), `${ptr}/text`),
        });
        break;
      }
      case 'deadlineDecl': {
        const list = this.list(p, 'deadlines');
        list.push(this.deadline(n, `/deadlines/${list.length}`));
        break;
      }
      case 'entitlementDecl': {
        const list = this.list(p, 'entitlements');
        list.push(this.entitlement(n, `/entitlements/${list.length}`));
        break;
      }
      case 'creditDecl': {
        const list = this.list(p, 'credits');
        list.push(this.credit(n, `/credits/${list.length}`));
        break;
      }
      case 'refundDecl':
        this.put(p, 'refund', this.refund(n), '', head, 'the refund section');
        break;
      case 'noItem': {
        const what = this.word(this.node(n, 'name'));
        const records = ['facts', 'calendars', 'instants', 'counters'];
        const lists = ['assumptions', 'deadlines', 'entitlements', 'credits'];
        if (records.includes(what)) this.record(p, what);
        else if (lists.includes(what)) this.list(p, what);
        else this.badNo(what, n, [...records, ...lists]);
        break;
      }
    }
  }
  /** the JSON pointer of the IR item a top-level declaration makes (before it is added) */
  private pointerOf(kind: string, n: CstNode, p: Obj): string {
    const count = (key: string) => ((p[key] as unknown[] | undefined) ?? []).length;
    const named = (key: string) => `/${key}/${esc(this.word(this.node(n, 'name') ?? this.node(this.node(n, 'itemHead'), 'name')))}`;
    switch (kind) {
      case 'sourceDecl':
        return `/sources/${count('sources')}`;
      case 'assumptionDecl':
        return `/assumptions/${count('assumptions')}`;
      case 'deadlineDecl':
        return `/deadlines/${count('deadlines')}`;
      case 'entitlementDecl':
        return `/entitlements/${count('entitlements')}`;
      case 'creditDecl':
        return `/credits/${count('credits')}`;
      case 'refundDecl':
        return '/refund';
      case 'noItem':
        return `/${esc(this.word(this.node(n, 'name')))}`;
      default: {
        const key = { planDecl: 'plans', factDecl: 'facts', eventDecl: 'events', calendarDecl: 'calendars', instantDecl: 'instants', counterDecl: 'counters', clauseDecl: 'clauses' }[kind];
        return key ? named(key) : '';
      }
    }
  }
  private badNo(what: string, n: CstNode, accepted: string[]) {
    this.report('SLA1104', `\`no ${what}\` is not understood here`, this.first(n), `here \`no\` takes one of ${accepted.map((a) => `\`${a}\``).join(', ')}`);
  }
  private clauseRef(node: CstNode | undefined, ptr: string): string {
    const name = this.node(node, 'name');
    this.at(`${ptr}/clause`, this.first(name));
    return this.word(name);
  }
  private langTexts(node: CstNode | undefined, ptr: string): Record<string, string> {
    const out: Obj = {};
    this.at(ptr, this.first(node));
    const names = this.nodes(node, 'name');
    const strs = this.toks(node, 'StringLit');
    names.forEach((n, i) => {
      if (strs[i]) this.put(out, this.word(n), this.str(strs[i]), ptr, this.first(n), `the \`${this.word(n)}\` text`);
    });
    return out as Record<string, string>;
  }
  private typeSpec(node: CstNode | undefined, ptr: string): Obj {
    const d: Obj = { type: this.word(this.node(node, 'name')) };
    this.at(`${ptr}/type`, this.first(node));
    for (const m of this.nodes(node, 'typeMod')) {
      const t = this.first(m);
      switch (t?.tokenType.name) {
        case 'K_in':
          this.put(d, 'enum', this.values(this.node(m, 'valueList')), ptr, t, 'the list of accepted values');
          break;
        case 'Gte':
          this.put(d, 'minimum', this.num(this.tok(m, 'NumberLit')), ptr, t, 'the minimum');
          break;
        case 'K_default':
          this.put(d, 'default', this.value(this.node(m, 'value')), ptr, t, 'the default');
          break;
        case 'K_required':
          this.put(d, 'required', true, ptr, t, '`required` or `optional`');
          break;
        case 'K_optional':
          this.put(d, 'required', false, ptr, t, '`required` or `optional`');
          break;
      }
    }
    return d;
  }
  private calendar(n: CstNode, ptr: string): CalendarDecl {
    const c: Obj = {};
    this.at(ptr, this.first(n));
    for (const it of this.nodes(n, 'calendarItem')) {
      const t = this.first(it);
      switch (t?.tokenType.name) {
        case 'K_zone':
          this.put(c, 'zone', this.word(this.node(it, 'zone')), ptr, t);
          break;
        case 'K_base':
          this.put(c, 'base', this.word(this.node(it, 'ref')), ptr, t);
          break;
        case 'K_days':
          this.put(c, 'days', this.days(this.node(it, 'dayList'), `${ptr}/days`), ptr, t);
          break;
        case 'K_hours': {
          const hours: Obj = {};
          for (const line of this.nodes(it, 'hoursLine')) {
            const ranges = this.nodes(line, 'timeRange').map((r) => this.word(r));
            for (const day of this.days(line, `${ptr}/hours`)) {
              this.put(hours, day, [...ranges], `${ptr}/hours`, this.first(line), `the hours of \`${day}\``);
            }
          }
          this.put(c, 'hours', hours, ptr, t);
          break;
        }
        case 'K_holiday': {
          const list = (c.holidays ??= []) as unknown[];
          list.push(this.holiday(this.node(it, 'holiday') as CstNode, `${ptr}/holidays/${list.length}`));
          break;
        }
        case 'K_suspended': {
          const s = this.node(it, 'suspension');
          const list = (c.suspended ??= []) as Obj[];
          const out: Obj = {};
          const dates = this.nodes(s, 'date');
          let i = 0;
          if (this.tok(s, 'K_from')) out.from = this.word(dates[i++]);
          if (this.tok(s, 'K_until')) out.until = this.word(dates[i++]);
          const r = this.tok(s, 'StringLit');
          if (r) out.reason = this.str(r);
          this.at(`${ptr}/suspended/${list.length}`, t);
          list.push(out);
          break;
        }
        case 'K_extra': {
          const key = this.tok(it, 'K_off') ? 'extra_days_off' : 'extra_working_days';
          this.put(c, key, this.dates(this.node(it, 'dateList')), ptr, t);
          break;
        }
        case 'K_no': {
          const what = this.word(this.node(this.node(it, 'noItem'), 'name'));
          if (what === 'holidays') c.holidays ??= [];
          else if (what === 'suspensions') c.suspended ??= [];
          else this.badNo(what, it, ['holidays', 'suspensions']);
          break;
        }
      }
    }
    return c as CalendarDecl;
  }
  private holiday(n: CstNode, ptr: string): HolidayRule {
    const h: Obj = {};
    this.at(ptr, this.first(n));
    const name = this.tok(n, 'StringLit');
    if (name) h.name = this.str(name);
    const d = this.node(n, 'holidayDate');
    if (d) {
      const md = this.toks(d, 'MonthDay')[0];
      if (this.tok(d, 'K_jalali')) h.jalali = md ? md.image : '';
      else if (md) h.date = md.image;
      else if (this.tok(d, 'K_easter')) {
        h.easter = this.word(this.node(d, 'name'));
        const dur = this.tok(d, 'DurationLit');
        if (dur) {
          const m = /^(\d+(?:\.\d+)?)[ \t]+days?$/.exec(dur.image);
          if (!m) this.report('SLA1104', `an Easter offset is in days, not ${dur.image}`, dur, 'write e.g. `orthodox easter + 49 days`');
          const v = m ? Number(m[1]) : 0;
          h.offset = this.tok(d, 'Minus') ? -v : v;
        }
      } else h.dates = this.dates(this.node(d, 'dateList'));
    } else {
      h.country = this.word(this.node(n, 'name'));
      if (this.tok(n, 'K_types')) h.types = this.nameList(this.node(n, 'nameList'));
    }
    for (const m of this.nodes(n, 'holidayMod')) {
      const t = this.first(m);
      switch (t?.tokenType.name) {
        case 'K_from':
          this.put(h, 'from', this.word(this.node(m, 'date')), ptr, t);
          break;
        case 'K_until':
          this.put(h, 'until', this.word(this.node(m, 'date')), ptr, t);
          break;
        case 'K_substitute':
          this.put(h, 'substitute', true, ptr, t, '`substitute`');
          break;
        case 'K_without':
          this.put(h, 'substitute', false, ptr, t, '`substitute`');
          break;
      }
    }
    return h as HolidayRule;
  }
  private head(n: CstNode, o: Obj, ptr: string) {
    const h = this.node(n, 'itemHead');
    o.id = this.word(this.node(h, 'name'));
    this.at(ptr, this.first(n));
    this.at(`${ptr}/id`, this.first(this.node(h, 'name')));
    const title = this.tok(h, 'StringLit');
    if (title) o.title = this.str(title);
    const cr = this.node(h, 'clauseRef');
    if (cr) o.clause = this.clauseRef(cr, ptr);
    return h;
  }
  private applies(o: Obj, it: CstNode, ptr: string) {
    const a = this.node(it, 'applies');
    const applies = (o.applies ??= {}) as Obj;
    this.at(`${ptr}/applies`, this.first(a));
    if (this.tok(a, 'K_all')) return;
    const dim = this.word(this.node(a, 'ref'));
    this.put(applies, dim, this.nameList(this.node(a, 'nameList')), `${ptr}/applies`, this.first(a), `\`for ${dim}\``);
  }
  private deadline(n: CstNode, ptr: string): Deadline {
    const d: Obj = {};
    const h = this.head(n, d, ptr);
    const subject = this.node(h, 'ref');
    if (subject) this.put(d, 'subject', this.word(subject), ptr, this.first(subject));
    for (const it of this.nodes(n, 'deadlineItem')) {
      const t = this.first(it);
      switch (t?.tokenType.name) {
        case 'K_for':
          this.applies(d, it, ptr);
          break;
        case 'K_calendar':
          this.put(d, 'calendar', this.word(this.node(it, 'ref')), ptr, t);
          break;
        case 'K_priority':
          this.put(d, 'priority', this.pvString(this.node(it, 'pvString'), `${ptr}/priority`), ptr, t);
          break;
        case 'K_internal':
          this.put(d, 'report', false, ptr, t, '`internal` or `reported`');
          break;
        case 'K_reported':
          this.put(d, 'report', true, ptr, t, '`internal` or `reported`');
          break;
        default: {
          if (d.party !== undefined) {
            this.report('SLA1105', 'a deadline has one `… owes … within … after …` line', t, 'keep one of them');
            break;
          }
          d.party = this.word(this.node(it, 'ref'));
          this.at(`${ptr}/party`, t);
          if (this.tok(it, 'K_should')) d.recommended = true;
          if (this.tok(it, 'K_must')) d.recommended = false;
          const refs = this.nodes(it, 'eventRef');
          d.stop = this.eventRef(refs[0], `${ptr}/stop`);
          d.duration = this.pvDuration(this.node(it, 'pvDuration'), `${ptr}/duration`);
          d.start = this.eventRef(refs[1], `${ptr}/start`);
        }
      }
    }
    return d as Deadline;
  }
  private entitlement(n: CstNode, ptr: string): Entitlement {
    const e: Obj = {};
    const h = this.head(n, e, ptr);
    const subject = this.node(h, 'ref');
    if (subject) this.put(e, 'subject', this.word(subject), ptr, this.first(subject));
    for (const it of this.nodes(n, 'entitlementItem')) {
      const t = this.first(it);
      switch (t?.tokenType.name) {
        case 'K_for':
          this.applies(e, it, ptr);
          break;
        case 'K_limit':
          this.put(e, 'limit', this.limit(this.node(it, 'pvLimit'), `${ptr}/limit`), ptr, t);
          break;
        case 'K_kind':
          this.put(e, 'limit_kind', this.word(this.node(it, 'name')), ptr, t, '`kind`');
          break;
        case 'K_used':
          this.put(e, 'used', this.used(this.node(it, 'used'), `${ptr}/used`), ptr, t);
          break;
        case 'K_excess':
          this.put(e, 'excess', true, ptr, t, '`excess`');
          break;
        case 'K_opens':
          this.put(e, 'opens', this.eventRef(this.node(it, 'eventRef'), `${ptr}/opens`), ptr, t);
          break;
        case 'K_until':
          this.put(e, 'until', this.instant(this.node(it, 'instant'), `${ptr}/until`), ptr, t);
          break;
        case 'K_closed':
          this.put(e, 'closed_by', this.eventRef(this.node(it, 'eventRef'), `${ptr}/closed_by`), ptr, t, '`closed by`');
          break;
        case 'K_paused': {
          const refs = this.nodes(it, 'eventRef');
          const pause = {
            start: this.eventRef(refs[0], `${ptr}/pause/start`),
            stop: this.eventRef(refs[1], `${ptr}/pause/stop`),
            max: this.word(this.node(it, 'duration')),
          };
          this.at(`${ptr}/pause/max`, this.first(this.node(it, 'duration')));
          this.put(e, 'pause', pause, ptr, t, '`paused`');
          break;
        }
        case 'K_when': {
          const list = (e.when ??= []) as Condition[];
          this.at(`${ptr}/when`, t);
          this.conditions(this.node(it, 'conditions'), `${ptr}/when`, list);
          break;
        }
        case 'K_cost':
          this.put(e, 'cost', this.pvCost(this.node(it, 'pvCost'), `${ptr}/cost`), ptr, t);
          break;
        case 'K_field': {
          const fields = (e.fields ??= {}) as Obj;
          const name = this.word(this.node(it, 'name'));
          this.put(fields, name, this.condition(this.node(it, 'condition') as CstNode, `${ptr}/fields/${esc(name)}`), `${ptr}/fields`, t, `field \`${name}\``);
          break;
        }
        case 'K_no': {
          const what = this.word(this.node(this.node(it, 'noItem'), 'name'));
          if (what === 'excess') this.put(e, 'excess', false, ptr, t, '`excess`');
          else if (what === 'fields') e.fields ??= {};
          else this.badNo(what, it, ['excess', 'fields']);
          break;
        }
      }
    }
    return e as Entitlement;
  }
  private used(node: CstNode | undefined, ptr: string): Used {
    this.at(ptr, this.first(node));
    const refs = this.nodes(node, 'eventRef');
    if (this.tok(node, 'K_fact')) return { fact: this.word(this.node(node, 'ref')) };
    if (this.tok(node, 'K_count')) {
      const u: Used = { count: this.eventRef(refs[0], `${ptr}/count`) };
      if (refs[1]) u.after = this.eventRef(refs[1], `${ptr}/after`);
      return u;
    }
    const u: Used = { sum: this.word(this.node(node, 'name')), of: this.eventRef(refs[0], `${ptr}/of`) };
    if (refs[1]) u.after = this.eventRef(refs[1], `${ptr}/after`);
    return u;
  }
  private refund(n: CstNode): Refund {
    const ptr = '/refund';
    const r: Obj = {};
    this.at(ptr, this.first(n));
    r.clause = this.clauseRef(this.node(n, 'clauseRef'), ptr);
    r.rules = [];
    for (const it of this.nodes(n, 'refundItem')) {
      const t = this.first(it);
      switch (t?.tokenType.name) {
        case 'K_basis':
          this.put(r, 'basis', this.word(this.node(it, 'ref')), ptr, t);
          break;
        case 'K_requested':
          this.put(r, 'request', this.eventRef(this.node(it, 'eventRef'), `${ptr}/request`), ptr, t, '`requested at`');
          break;
        case 'K_otherwise': {
          const s = this.tok(it, 'StringLit');
          if (s) this.put(r, 'otherwise', this.str(s), ptr, t);
          break;
        }
        case 'K_rule': {
          const rules = r.rules as RefundRule[];
          rules.push(this.refundRule(this.node(it, 'refundRule') as CstNode, `${ptr}/rules/${rules.length}`));
          break;
        }
      }
    }
    return r as Refund;
  }
  private refundRule(n: CstNode, ptr: string): RefundRule {
    const r: Obj = { id: this.word(this.node(n, 'name')) };
    this.at(ptr, this.first(n));
    const cr = this.node(n, 'clauseRef');
    if (cr) r.clause = this.clauseRef(cr, ptr);
    r.when = [];
    for (const it of this.nodes(n, 'ruleItem')) {
      const t = this.first(it);
      switch (t?.tokenType.name) {
        case 'K_when':
          this.at(`${ptr}/when`, t);
          this.conditions(this.node(it, 'conditions'), `${ptr}/when`, r.when as Condition[]);
          break;
        case 'K_refund': {
          this.put(r, 'percent', this.num(this.tok(it, 'NumberLit')), ptr, t, 'the refund percentage');
          const s = this.tok(it, 'StringLit');
          if (s) this.put(r, 'reason', this.str(s), ptr, s);
          break;
        }
        case 'K_except': {
          const x = this.node(it, 'exclusion') as CstNode;
          const list = (r.exclusions ??= []) as Obj[];
          const xp = `${ptr}/exclusions/${list.length}`;
          this.at(xp, t);
          const ex: Obj = { id: this.word(this.node(x, 'name')) };
          const xc = this.node(x, 'clauseRef');
          if (xc) ex.clause = this.clauseRef(xc, xp);
          const s = this.tok(x, 'StringLit');
          ex.reason = s ? this.str(s) : '';
          ex.when = this.condition(this.node(x, 'condition') as CstNode, `${xp}/when`);
          list.push(ex);
          break;
        }
        case 'K_no': {
          const what = this.word(this.node(this.node(it, 'noItem'), 'name'));
          if (what === 'exclusions') r.exclusions ??= [];
          else this.badNo(what, it, ['exclusions']);
          break;
        }
      }
    }
    return r as RefundRule;
  }
  private credit(n: CstNode, ptr: string): Credit {
    const c: Obj = {};
    const h = this.head(n, c, ptr);
    // The head rule is shared with deadlines and entitlements; a credit's period goes in its body.
    const per = this.tok(h, 'K_per');
    if (per) this.report('SLA1104', 'a credit is not answered per subject', per, 'give its period inside the braces: `per month` or `per solar_month`');
    for (const it of this.nodes(n, 'creditItem')) {
      const t = this.first(it);
      switch (t?.tokenType.name) {
        case 'K_for':
          this.applies(c, it, ptr);
          break;
        case 'K_per':
          this.put(c, 'per', this.word(this.node(it, 'name')), ptr, t);
          break;
        case 'K_downtime':
          this.put(c, 'downtime', this.eventRef(this.node(it, 'eventRef'), `${ptr}/downtime`), ptr, t);
          break;
        case 'K_below':
          this.put(c, 'below', this.num(this.tok(it, 'NumberLit')), ptr, t);
          break;
        case 'K_pays':
          this.put(c, 'multiplier', this.num(this.tok(it, 'NumberLit')), ptr, t, '`pays`');
          this.put(c, 'unit', this.word(this.node(it, 'name')), ptr, t, '`pays`');
          break;
      }
    }
    return c as Credit;
  }
}

