// `no facts`, `no holidays`, `no excess`…: a list or map present and empty (or a flag off).
import type { NoItemCstChildren } from '../cst.generated.ts';
import type { Lowering } from './context.ts';
import type { Located } from './cst.ts';

export const noItemRules = {
  /** the word after `no`; each place that accepts `no` says which words it takes */
  noItem: (lw: Lowering, ctx: NoItemCstChildren): string => lw.visit(ctx.what[0]),
};

export function badNo(lw: Lowering, what: string, at: Located, accepted: string[]): void {
  lw.report('SLA1109', `\`no ${what}\` is not understood here`, at, `here \`no\` takes one of ${accepted.map((a) => `\`${a}\``).join(', ')}`);
}
