// What compiled conditions pass to the runtime's facts beside the IR they quote: shared by the
// compiler that writes these params and the runtime that reads them.
import type { EventRef } from '../ir/schema.ts';

/** "now" for a condition: the case's `at`, or the instant of the refund request. */
export type Moment = 'at' | 'request';

/** Events hidden from a question (a refund exclusion's `{event, where}`). */
export type Hidden = { event: string; where?: EventRef['where'] }[];
