// How answer values read on the page: instants without noise, spans of time in words, money.
import type { Money } from '../../../engine/answer.ts';

export { showInstant, showInstantsIn } from '../../../engine/present/show-instant.ts';

/** 110 minutes → `1 h 50 min`; days, hours and minutes, the two largest that are not zero. */
export function showDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const parts: [number, string][] = [
    [Math.floor(minutes / 1440), 'd'],
    [Math.floor((minutes % 1440) / 60), 'h'],
    [minutes % 60, 'min'],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  return shown.length ? shown.map(([n, u]) => `${n} ${u}`).join(' ') : 'less than a minute';
}

/** `due` seen from `at`: "in 1 d 6 h" or "3 h overdue". */
export function timeLeft(due: string, at: string): string {
  const ms = Date.parse(due) - Date.parse(at);
  return ms >= 0 ? `in ${showDuration(ms)}` : `${showDuration(ms)} overdue`;
}

// made once: toLocaleString builds a formatter on every call, which scrubbing feels
const AMOUNT = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

export function showMoney(m: Money | null | undefined): string {
  if (!m) return '';
  return `${AMOUNT.format(m.amount)} ${m.currency}`;
}

export const showNumber = (n: number | null | undefined) => (n === null ? '∞' : n === undefined ? '' : String(Number(n.toFixed(4))));
