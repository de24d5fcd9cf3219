// A request's evaluation time budget. Work is done in units (a case, an instant) with a turn of
// the event loop between them, so a long batch never blocks other requests for long, and the
// request is answered 503 once the budget is spent instead of running on.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { httpError } from './http-error.ts';

export class TimeBudget {
  private readonly end: number;

  constructor(private readonly ms: number) {
    this.end = performance.now() + ms;
  }

  /** Throws a 503 once the budget is spent. */
  check(): void {
    if (performance.now() > this.end)
      throw httpError(503, 'SLA6004', `the evaluation took longer than this server's budget of ${this.ms} ms`, {
        help: 'send fewer cases or instants per request',
      });
  }

  /** Lets other requests run, then checks the budget. */
  async pause(): Promise<void> {
    await nextTurn();
    this.check();
  }
}
