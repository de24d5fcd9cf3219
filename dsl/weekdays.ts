// Weekday lists: `mon..fri` ranges in the DSL, plain lists in the IR.
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** `mon`..`fri` → [mon, tue, wed, thu, fri]; undefined unless both are weekdays in order. */
export function expandDays(from: string, to: string): string[] | undefined {
  const a = WEEKDAYS.indexOf(from as (typeof WEEKDAYS)[number]);
  const b = WEEKDAYS.indexOf(to as (typeof WEEKDAYS)[number]);
  if (a < 0 || b < 0 || b < a) return undefined;
  return WEEKDAYS.slice(a, b + 1);
}

/** Splits a day list into items, writing runs of three or more consecutive weekdays as `a..b`. */
export function compressDays(days: readonly string[]): string[][] {
  const out: string[][] = [];
  let i = 0;
  while (i < days.length) {
    const start = WEEKDAYS.indexOf(days[i] as (typeof WEEKDAYS)[number]);
    let j = i;
    if (start >= 0) {
      while (j + 1 < days.length && WEEKDAYS.indexOf(days[j + 1] as (typeof WEEKDAYS)[number]) === start + (j + 1 - i)) j++;
    }
    if (j - i >= 2) {
      out.push([days[i], days[j]]);
      i = j + 1;
    } else {
      out.push([days[i]]);
      i++;
    }
  }
  return out;
}
