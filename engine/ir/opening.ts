// Where a window opens, as an instant: an event's own time, or the instant given.
import type { InstantDef, Opening } from './schema.ts';

export const openingInstant = (o: Opening): InstantDef => ('event' in o ? { from: o } : o);
