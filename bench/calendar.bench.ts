// Deadline arithmetic on business calendars: cost per call with warm caches (the runtime's steady
// state), and the cost of a first call that has to build a year of day windows.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { addDuration, buildCalendars, parseInstant, type BusinessCalendar } from '../engine/calendar/index.ts';
import type { CalendarDecl } from '../engine/ir/schema.ts';
import { fmtUs, measure, ratio, type BenchSection } from './measure.ts';

function calendarsOf(policy: string): { zone: string; decls: Record<string, CalendarDecl> } {
  const doc = parse(readFileSync(new URL(`../policies/${policy}.yaml`, import.meta.url), 'utf8')) as {
    zone: string;
    calendars: Record<string, CalendarDecl>;
  };
  return { zone: doc.zone, decls: doc.calendars };
}

// 64 start instants spread over 2021–2024, so no single day's cache decides the figure
const starts = Array.from({ length: 64 }, (_, i) => (parseInstant('2021-01-04T09:17:00+02:00') as number) + i * 23 * 86_400_000 + i * 3_600_000);

export default async (): Promise<BenchSection> => {
  const c2c = calendarsOf('cart2cart');
  const crm = calendarsOf('crmonline');
  const ukr = buildCalendars(c2c.decls, c2c.zone).get('business')!;
  const irn = buildCalendars(crm.decls, crm.zone).get('business')!;

  const warm = (duration: string, cal: BusinessCalendar, zone: string) => {
    let i = 0;
    return () => addDuration(starts[i++ & 63], duration, { zone, calendar: cal });
  };
  const cases: [string, string, () => unknown][] = [
    ['5 business hours (crmonline, Tehran, IR holidays)', '5 business hours', warm('5 business hours', irn, crm.zone)],
    ['1 business day (cart2cart, Kyiv, Labour Code)', '1 business day', warm('1 business day', ukr, c2c.zone)],
    ['42 business days (cart2cart)', '42 business days', warm('42 business days', ukr, c2c.zone)],
    ['250 business days ≈ one year (cart2cart)', '250 business days', warm('250 business days', ukr, c2c.zone)],
    ['500 business hours ≈ 14 weeks (crmonline)', '500 business hours', warm('500 business hours', irn, crm.zone)],
  ];
  const rows: string[] = [];
  const us: Record<string, number> = {};
  for (const [label, key, fn] of cases) {
    us[key] = (await measure(fn)).us;
    rows.push(`| ${label} | ${fmtUs(us[key])} |`);
  }
  // a first call on a fresh calendar builds (and caches) the year blocks and holidays it crosses
  let k = 0;
  const cold = await measure(
    () => {
      const cal = buildCalendars(c2c.decls, c2c.zone).get('business')!;
      return addDuration(starts[k++ & 63], '42 business days', { zone: c2c.zone, calendar: cal });
    },
    5,
    300,
  );
  let j = 0;
  const coldIr = await measure(
    () => {
      const cal = buildCalendars(crm.decls, crm.zone).get('business')!;
      return addDuration(starts[j++ & 63], '5 business hours', { zone: crm.zone, calendar: cal });
    },
    5,
    300,
  );
  rows.push(`| first call on a fresh calendar: 42 business days (cart2cart) | ${fmtUs(cold.us)} |`);
  rows.push(`| first call on a fresh calendar: 5 business hours (crmonline, date-holidays data cached) | ${fmtUs(coldIr.us)} |`);

  const markdown = [
    '| deadline (`addDuration`, warm caches) | µs per call |',
    '| --- | --- |',
    ...rows,
    '',
    `One year of business days costs ${ratio(us['250 business days'], us['1 business day'])} a one-day deadline ` +
      `(goal ≤ 3×); 42 business days cost ${ratio(us['42 business days'], us['1 business day'])}. ` +
      'Each local year of a calendar is built once into sorted open intervals with running totals, so a ' +
      'deadline is a binary search plus one addition per year crossed.',
  ].join('\n');
  return { title: 'Business calendars', markdown };
};
