// Weekly working hours: "HH:MM-HH:MM" strings per weekday → sorted, merged windows in ms of the local
// day. The end may be 24:00; several windows a day make split shifts.
import { DAY_MS, MINUTE_MS, WEEKDAY_NAMES } from './civil.ts';

export interface Problem {
  /** JSON pointer relative to the calendar */
  path: string;
  message: string;
  help?: string;
}

/** Flattened windows [a0, b0, a1, b1, …] in ms since local midnight. */
export type Windows = readonly number[];

export const FULL_DAY: Windows = Object.freeze([0, DAY_MS]);
export const CLOSED: Windows = Object.freeze([]);

const RANGE = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** Minutes of "HH:MM" (24:00 allowed only as an end). */
function minutesOf(h: string, m: string, end: boolean): number | undefined {
  const hh = Number(h);
  const mm = Number(m);
  if (mm > 59) return undefined;
  if (hh === 24 && mm === 0 && end) return 1440;
  return hh <= 23 ? hh * 60 + mm : undefined;
}

/**
 * Windows per weekday (index 0 = Sunday). Without `hours` every weekday is open all day; with it,
 * a weekday not listed is closed.
 */
export function parseWeekHours(hours: Record<string, readonly string[]> | undefined): {
  windows: Windows[];
  problems: Problem[];
} {
  if (hours === undefined) return { windows: WEEKDAY_NAMES.map(() => FULL_DAY), problems: [] };
  const problems: Problem[] = [];
  const windows: Windows[] = WEEKDAY_NAMES.map(() => CLOSED);
  for (const [key, list] of Object.entries(hours)) {
    const wd = (WEEKDAY_NAMES as readonly string[]).indexOf(key);
    if (wd < 0) {
      problems.push({ path: `/hours/${key}`, message: `"${key}" is not a weekday`, help: `use ${WEEKDAY_NAMES.join(', ')}` });
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push({ path: `/hours/${key}`, message: 'working hours must be a list such as ["09:00-18:00"]' });
      continue;
    }
    const ranges: [number, number, number][] = [];
    list.forEach((s, i) => {
      const m = typeof s === 'string' ? RANGE.exec(s) : null;
      const a = m ? minutesOf(m[1], m[2], false) : undefined;
      const b = m ? minutesOf(m[3], m[4], true) : undefined;
      if (a === undefined || b === undefined) {
        problems.push({
          path: `/hours/${key}/${i}`,
          message: `"${String(s)}" is not a time range`,
          help: 'write HH:MM-HH:MM, e.g. 09:00-18:00 or 18:00-24:00',
        });
      } else if (b <= a) {
        problems.push({
          path: `/hours/${key}/${i}`,
          message: `"${s}" ends before it starts`,
          help: 'a range cannot cross midnight: split it into HH:MM-24:00 and 00:00-HH:MM on the next day',
        });
      } else ranges.push([a, b, i]);
    });
    ranges.sort((x, y) => x[0] - y[0]);
    const flat: number[] = [];
    for (let k = 0; k < ranges.length; k++) {
      const [a, b, i] = ranges[k];
      const lastEnd = flat.length ? flat[flat.length - 1] / MINUTE_MS : -1;
      if (a < lastEnd) {
        problems.push({ path: `/hours/${key}/${i}`, message: `"${list[i]}" overlaps another range of ${key}` });
        continue;
      }
      if (a === lastEnd)
        flat[flat.length - 1] = b * MINUTE_MS; // adjacent ranges join
      else flat.push(a * MINUTE_MS, b * MINUTE_MS);
    }
    windows[wd] = Object.freeze(flat);
  }
  return { windows, problems };
}
