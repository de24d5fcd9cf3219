// Calendar declarations: zone, base, weekdays and working hours, holidays, suspensions, extra days.
import type { CalendarDecl, HolidayRule } from '../../engine/ir/schema.ts';
import type {
  CalendarDeclCstChildren,
  CalendarItemCstChildren,
  DayItemCstChildren,
  DayListCstChildren,
  HolidayCstChildren,
  HolidayDateCstChildren,
  HolidayModCstChildren,
  HoursLineCstChildren,
  SuspensionCstChildren,
} from '../cst.generated.ts';
import { pointerSegment } from '../json-pointer.ts';
import { expandDays } from '../weekdays.ts';
import type { Lowering, Obj } from './context.ts';
import { badNo } from './no-items.ts';
import { text } from './literals.ts';

/** The weekdays of a list (ranges expanded); records the list at `ptr`. */
function days(lw: Lowering, ctx: DayListCstChildren | HoursLineCstChildren, ptr: string): string[] {
  const out = (ctx.dayItem ?? []).flatMap((d): string[] => lw.visit(d));
  lw.map.at(ptr, ctx);
  return out;
}

export const calendarRules = {
  calendarDecl(lw: Lowering, ctx: CalendarDeclCstChildren, p: Obj): void {
    const c: Obj = {};
    // like every named declaration, the calendar is located at its name
    const ptr = `/calendars/${pointerSegment(lw.visit(ctx.id[0]))}`;
    for (const it of ctx.calendarItem ?? []) lw.visit(it, { c, ptr });
    lw.description(c, ctx);
    lw.declare(p, 'calendars', 'calendar', ctx.id[0], c as CalendarDecl);
  },
  calendarItem(lw: Lowering, ctx: CalendarItemCstChildren, { c, ptr }: { c: Obj; ptr: string }): void {
    if (ctx.K_zone) lw.put(c, 'zone', lw.visit(ctx.zone?.[0]), ptr, ctx);
    else if (ctx.K_base) lw.put(c, 'base', lw.visit(ctx.base?.[0]), ptr, ctx);
    else if (ctx.dayList) lw.put(c, 'days', lw.visit(ctx.dayList[0], `${ptr}/days`), ptr, ctx);
    else if (ctx.K_hours) {
      const hours: Obj = {};
      for (const line of ctx.hoursLine ?? []) lw.visit(line, { hours, ptr: `${ptr}/hours` });
      lw.put(c, 'hours', hours, ptr, ctx);
    } else if (ctx.holiday) {
      const list = (c.holidays ??= []) as unknown[];
      list.push(lw.visit(ctx.holiday[0], `${ptr}/holidays/${list.length}`));
    } else if (ctx.suspension) {
      const list = (c.suspended ??= []) as unknown[];
      list.push(lw.visit(ctx.suspension[0], `${ptr}/suspended/${list.length}`));
    } else if (ctx.K_extra) {
      lw.put(c, ctx.K_off ? 'extra_days_off' : 'extra_working_days', lw.visit(ctx.dateList?.[0]), ptr, ctx);
    } else if (ctx.noItem) {
      const what: string = lw.visit(ctx.noItem[0]);
      if (what === 'holidays') c.holidays ??= [];
      else if (what === 'suspensions') c.suspended ??= [];
      else badNo(lw, what, ctx.noItem[0], ['holidays', 'suspensions']);
    }
  },
  dayList: (lw: Lowering, ctx: DayListCstChildren, ptr: string): string[] => days(lw, ctx, ptr),
  /** one weekday, or the weekdays of a range `mon..fri` */
  dayItem(lw: Lowering, ctx: DayItemCstChildren): string[] {
    const from: string = lw.visit(ctx.from[0]);
    if (!ctx.to) return [from];
    const to: string = lw.visit(ctx.to[0]);
    const range = expandDays(from, to);
    if (range) return range;
    lw.report(
      'SLA1107',
      `invalid range of weekdays: ${from}..${to}`,
      ctx,
      'a range runs forward from one of mon, tue, wed, thu, fri, sat, sun to a later one, e.g. mon..fri',
    );
    return [];
  },
  hoursLine(lw: Lowering, ctx: HoursLineCstChildren, { hours, ptr }: { hours: Obj; ptr: string }): void {
    const ranges: string[] = (ctx.timeRange ?? []).map((r) => lw.visit(r));
    for (const day of days(lw, ctx, ptr)) lw.put(hours, day, [...ranges], ptr, ctx, `the hours of \`${day}\``);
  },
  holiday(lw: Lowering, ctx: HolidayCstChildren, ptr: string): HolidayRule {
    const h: Obj = {};
    lw.map.at(ptr, ctx);
    const name = ctx.name?.[0];
    if (name) h.name = text(lw, name);
    if (ctx.holidayDate) Object.assign(h, lw.visit(ctx.holidayDate[0]));
    else {
      h.country = lw.visit(ctx.country?.[0]);
      if (ctx.K_types) h.types = lw.visit(ctx.nameList?.[0]);
    }
    for (const m of ctx.holidayMod ?? []) lw.visit(m, { h, ptr });
    return h as HolidayRule;
  },
  /** the fields that say which day a holiday falls on */
  holidayDate(lw: Lowering, ctx: HolidayDateCstChildren): Obj {
    const md = ctx.MonthDay?.[0];
    if (ctx.K_jalali) return { jalali: md ? md.image : '' };
    if (md) return { date: md.image };
    if (!ctx.K_easter) return { dates: lw.visit(ctx.dateList?.[0]) };
    const h: Obj = { easter: lw.visit(ctx.church?.[0]) };
    const offset = ctx.offset?.[0];
    if (offset) {
      const m = /^(\d+(?:\.\d+)?)[ \t]+days?$/.exec(offset.image);
      if (!m) lw.report('SLA1108', `an Easter offset is in days, not ${offset.image}`, offset, 'write e.g. `orthodox easter + 49 days`');
      const v = m ? Number(m[1]) : 0;
      h.offset = ctx.Minus ? -v : v;
    }
    return h;
  },
  holidayMod(lw: Lowering, ctx: HolidayModCstChildren, { h, ptr }: { h: Obj; ptr: string }): void {
    if (ctx.from) lw.put(h, 'from', lw.visit(ctx.from[0]), ptr, ctx);
    else if (ctx.until) lw.put(h, 'until', lw.visit(ctx.until[0]), ptr, ctx);
    else lw.put(h, 'substitute', !ctx.K_without, ptr, ctx, '`substitute`');
  },
  suspension(lw: Lowering, ctx: SuspensionCstChildren, ptr: string): Obj {
    const out: Obj = {};
    if (ctx.from) out.from = lw.visit(ctx.from[0]);
    if (ctx.until) out.until = lw.visit(ctx.until[0]);
    const reason = ctx.reason?.[0];
    if (reason) out.reason = text(lw, reason);
    lw.map.at(ptr, ctx);
    return out;
  },
};
