// Literals: strings (JSON escapes), numbers, durations, dates, zones, plain values and lists of them.
import type { IToken } from 'chevrotain';
import type {
  DateCstChildren,
  DateListCstChildren,
  DurationCstChildren,
  NameCstChildren,
  NameListCstChildren,
  RefCstChildren,
  TimeRangeCstChildren,
  ValueCstChildren,
  ValueListCstChildren,
  ZoneCstChildren,
} from '../cst.generated.ts';
import type { Lowering } from './context.ts';
import { soleToken } from './cst.ts';

export type Scalar = string | number | boolean;

/** The text a token stands for: a string's contents, a duration with its blanks folded, else the token. */
export function text(lw: Lowering, tok: IToken | undefined): string {
  if (!tok) return '';
  if (tok.tokenType.name === 'DurationLit') return tok.image.replace(/[ \t]+/g, ' ');
  if (tok.tokenType.name !== 'StringLit') return tok.image;
  if (!tok.image.includes('\\')) return tok.image.slice(1, -1);
  try {
    return JSON.parse(tok.image) as string;
  } catch {
    lw.report('SLA1104', 'invalid string', tok, 'escape quotes and backslashes as in JSON: \\" \\\\ \\n');
    return '';
  }
}

export function number(lw: Lowering, tok: IToken | undefined): number {
  if (!tok) return 0;
  const n = Number(tok.image);
  if (Number.isFinite(n)) return n;
  lw.report('SLA1106', `number out of range: ${tok.image}`, tok, 'write a finite number');
  return 0;
}

type OneToken = Record<string, IToken[] | undefined>;
const word = (lw: Lowering, ctx: OneToken) => text(lw, soleToken(ctx));

/** The rules whose value is the text of their one token, and the lists of them. */
export const literalRules = {
  name: (lw: Lowering, ctx: NameCstChildren) => word(lw, ctx),
  ref: (lw: Lowering, ctx: RefCstChildren) => word(lw, ctx),
  date: (lw: Lowering, ctx: DateCstChildren) => word(lw, ctx),
  duration: (lw: Lowering, ctx: DurationCstChildren) => word(lw, ctx),
  zone: (lw: Lowering, ctx: ZoneCstChildren) => word(lw, ctx),
  timeRange: (lw: Lowering, ctx: TimeRangeCstChildren) => word(lw, ctx),
  value(lw: Lowering, ctx: ValueCstChildren): Scalar {
    if (ctx.NumberLit) return number(lw, ctx.NumberLit[0]);
    if (ctx.K_true) return true;
    if (ctx.K_false) return false;
    return word(lw, ctx);
  },
  valueList: (lw: Lowering, ctx: ValueListCstChildren): Scalar[] => (ctx.value ?? []).map((v) => lw.visit(v)),
  nameList: (lw: Lowering, ctx: NameListCstChildren): string[] => (ctx.name ?? []).map((n) => lw.visit(n)),
  dateList: (lw: Lowering, ctx: DateListCstChildren): string[] => (ctx.date ?? []).map((n) => lw.visit(n)),
};
