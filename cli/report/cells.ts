// How answer values read in the terminal report: instants without noise, money with its currency.
import type { Money } from '../../engine/answer.ts';

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})$/;

/** `2025-03-08T21:30:00.000+02:00` → `2025-03-08 21:30 +02:00` (seconds only when not zero). */
export function showInstant(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const m = INSTANT.exec(value);
  if (!m) return value;
  const [, date, hm, ss, frac, offset] = m;
  const seconds = (ss && ss !== '00') || (frac && Number(frac) !== 0) ? `:${ss}${frac && Number(frac) ? `.${frac}` : ''}` : '';
  return `${date} ${hm}${seconds} ${offset}`;
}

export function showNumber(n: number | null | undefined): string {
  if (n === null) return '∞';
  if (n === undefined) return '';
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

export function showAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

export function showMoney(m: Money | null | undefined): string {
  if (!m) return '';
  return `${showAmount(m.amount)} ${m.currency}`;
}

/** Any other value in a cell: instants shown as instants, scalars plainly, the rest as JSON. */
export function showAny(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return showInstant(value);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'number') return showNumber(value);
  return JSON.stringify(value);
}
