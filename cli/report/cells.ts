// How answer values read in the terminal report: instants without noise, money with its currency.
import type { Money } from '../../engine/answer.ts';
import { showInstant } from '../../engine/present/show-instant.ts';

export { showInstant, showInstantsIn } from '../../engine/present/show-instant.ts';

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
