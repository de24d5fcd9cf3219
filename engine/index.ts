// The public API of the engine: platform-neutral (no node: imports), so the browser runs it too.
// This entry has the DSL front end and the country holiday data ready; engine/core.ts loads them
// on demand instead, for programs that care about start-up time.
import Holidays from 'date-holidays';
import { parseDsl } from '../dsl/index.ts';
import { useHolidayData } from './calendar/holiday-data.ts';
import { useDslFrontEnd } from './source/dsl-front-end.ts';

useDslFrontEnd(parseDsl);
useHolidayData(Holidays);

export * from './core.ts';
