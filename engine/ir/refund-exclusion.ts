import type { Condition } from './schema.ts';

/** Exclusions written as `{event, where}` hide those events from their rule instead of blocking it. */
export const hidesEvents = (c: Condition): c is Extract<Condition, { event: string }> => 'event' in c && c.exists !== false && !c.before && !c.after;
