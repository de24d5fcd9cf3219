// A request's evaluation time budget, checked before each unit of work (a case, an instant): the
// request is answered 503 once it is spent, waiting in the queue included, instead of running on.
import { httpError } from './http-error.ts';

export class TimeBudget {
  private readonly end: number;

  constructor(private readonly ms: number) {
    this.end = performance.now() + ms;
  }

  /** Throws a 503 once the budget is spent. */
  check(): void {
    if (performance.now() > this.end)
      throw httpError(503, 'SLA7004', `the evaluation took longer than this server's budget of ${this.ms} ms`, {
        help: 'send fewer cases or instants per request',
      });
  }
}
