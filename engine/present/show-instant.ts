// How an answer's instants read to a person, in the terminal report and the playground alike: the
// answer's own text (`2025-03-08T21:30:00.000+02:00`) is for programs.

const PARTS = '(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(Z|[+-]\\d{2}:\\d{2})';
const ONE = new RegExp(`^${PARTS}$`);
const ANY = new RegExp(`\\b${PARTS}(?![\\w:])`, 'g');

const shown = (date: string, hm: string, ss: string | undefined, frac: string | undefined, offset: string) => {
  const seconds = (ss && ss !== '00') || (frac && Number(frac) !== 0) ? `:${ss}${frac && Number(frac) ? `.${frac}` : ''}` : '';
  return `${date} ${hm}${seconds} ${offset}`;
};

/** `2025-03-08T21:30:00.000+02:00` → `2025-03-08 21:30 +02:00` (seconds only when not zero); anything else as it is. */
export function showInstant(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const m = ONE.exec(value);
  return m ? shown(m[1], m[2], m[3], m[4], m[5]) : value;
}

/** A sentence with every instant in it shown as `showInstant` shows one (reasons name instants). */
export function showInstantsIn(text: string): string {
  return text.replace(ANY, (_, date: string, hm: string, ss?: string, frac?: string, offset?: string) => shown(date, hm, ss, frac, offset!));
}
