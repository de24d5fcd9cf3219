import Holidays from 'date-holidays';
import { expect, it } from 'vitest';
import { HOLIDAY_COUNTRIES } from '../../engine/calendar/holiday-data.ts';

it('the list of holiday countries checked without loading the data is the one date-holidays has', () => {
  expect([...HOLIDAY_COUNTRIES].sort()).toEqual(Object.keys(new Holidays().getCountries('en')).sort());
});
