// The bundled policies' calendars, read from policies/*.yaml as the runtime will get them.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildCalendars, type BusinessCalendar } from '../../engine/calendar/index.ts';
import type { CalendarDecl } from '../../engine/ir/schema.ts';

export interface VendorPolicy {
  zone: string;
  decls: Record<string, CalendarDecl>;
  calendars: Map<string, BusinessCalendar>;
}

const cache = new Map<string, VendorPolicy>();

export function vendor(id: 'relokia' | 'data2crm' | 'cart2cart' | 'crmonline'): VendorPolicy {
  let v = cache.get(id);
  if (!v) {
    const doc = parse(readFileSync(new URL(`../../policies/${id}.yaml`, import.meta.url), 'utf8')) as {
      zone: string;
      calendars: Record<string, CalendarDecl>;
    };
    v = { zone: doc.zone, decls: doc.calendars, calendars: buildCalendars(doc.calendars, doc.zone) };
    cache.set(id, v);
  }
  return v;
}

export function cal(policy: Parameters<typeof vendor>[0], id: string): BusinessCalendar {
  const c = vendor(policy).calendars.get(id);
  if (!c) throw new Error(`${policy} has no calendar ${id}`);
  return c;
}
