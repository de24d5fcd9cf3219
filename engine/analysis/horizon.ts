// The span of dates a policy's answers are expected to be asked about: from the date it takes
// effect (or the date its version names) for five years. Lint judges calendars over it.
import type { Policy } from '../ir/schema.ts';

export const HORIZON_YEARS = 5;

export interface Horizon {
  from: string;
  until: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function horizonOf(p: Policy): Horizon | undefined {
  const from = p.effective ?? (DATE.test(p.version) ? p.version : undefined);
  const m = from ? DATE.exec(from) : null;
  if (!from || !m) return undefined;
  return { from, until: `${Number(m[1]) + HORIZON_YEARS}-${m[2]}-${m[3]}` };
}
