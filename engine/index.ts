// The public API of the engine: platform-neutral (no node: imports), so the browser runs it too.
// This entry has the country holiday data ready; `./core` loads it on demand instead, for programs
// that care about start-up time and size (the browser, the server). The DSL is its own entry
// (`./dsl`): pass its `parseDsl` to `loadPolicy` to read `.sla` sources.
import Holidays from 'date-holidays';
import { useHolidayData } from './calendar/holiday-data.ts';

useHolidayData(Holidays);

export * from './core.ts';
