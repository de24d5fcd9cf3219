// The solar (Jalali) calendar and the Easter computus.
import { describe, expect, it } from 'vitest';
import { fromJalali, isJalaliLeapYear, jalaliMonthLength, orthodoxEaster, toJalali, westernEaster } from '../../engine/calendar/index.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

describe('Jalali calendar', () => {
  it.each([
    ['2025-03-20', [1403, 12, 30]],
    ['2025-03-21', [1404, 1, 1]],
    ['2026-03-20', [1404, 12, 29]],
    ['2026-03-21', [1405, 1, 1]],
    ['2021-03-20', [1399, 12, 30]],
    ['2022-03-21', [1401, 1, 1]],
    ['2024-09-22', [1403, 7, 1]],
    ['2024-09-21', [1403, 6, 31]],
    ['1979-02-11', [1357, 11, 22]],
  ])('%s is %j', (g, j) => {
    expect(toJalali(day(g))).toEqual(j);
    expect(iso(fromJalali(j[0], j[1], j[2]))).toBe(g);
  });

  it('has 31-day months first, then 30, and Esfand of 29 or 30 days', () => {
    expect([1, 6, 7, 11].map((m) => jalaliMonthLength(1404, m))).toEqual([31, 31, 30, 30]);
    expect(jalaliMonthLength(1403, 12)).toBe(30);
    expect(jalaliMonthLength(1404, 12)).toBe(29);
    expect([1395, 1399, 1403, 1408].every(isJalaliLeapYear)).toBe(true);
    expect([1400, 1401, 1402, 1404, 1405].some(isJalaliLeapYear)).toBe(false);
  });

  it("agrees day by day with ICU's Persian calendar from 1990 to 2060", () => {
    const f = new Intl.DateTimeFormat('en-u-ca-persian', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
    const mismatches: string[] = [];
    for (let d = day('1990-01-01'); d < day('2060-01-01'); d++) {
      const p = f.formatToParts(d * 86_400_000);
      const want = ['year', 'month', 'day'].map((t) => Number(p.find((x) => x.type === t)!.value));
      const got = toJalali(d);
      if (got.join() !== want.join()) mismatches.push(`${iso(d)}: ${got} vs ${want}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('Easter', () => {
  it.each([
    [2019, '2019-04-28', '2019-04-21'],
    [2020, '2020-04-19', '2020-04-12'],
    [2021, '2021-05-02', '2021-04-04'],
    [2022, '2022-04-24', '2022-04-17'],
    [2023, '2023-04-16', '2023-04-09'],
    [2024, '2024-05-05', '2024-03-31'],
    [2025, '2025-04-20', '2025-04-20'],
    [2026, '2026-04-12', '2026-04-05'],
  ])('%i: Orthodox %s, Western %s', (y, orthodox, western) => {
    expect(iso(orthodoxEaster(y))).toBe(orthodox);
    expect(iso(westernEaster(y))).toBe(western);
  });
});
