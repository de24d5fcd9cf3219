// Tests that use the calendar module directly need the country holiday data loaded, as the
// evaluator and the library entry do by themselves.
import { loadHolidayData } from '../engine/calendar/holiday-data.ts';

await loadHolidayData();
