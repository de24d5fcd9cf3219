// Evaluations run one at a time, in order of arrival, each in a turn of the event loop of its own.
// Evaluation is CPU work on one thread, so running several at once only interleaves them (every
// caller waits for all); in turn, each request waits for those before it and no longer, other I/O
// runs between evaluations, and a request that waited past its time budget is refused, not run.
import { setImmediate as nextTurn } from 'node:timers/promises';

export class EvaluationQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  run<T>(work: () => Promise<T>): Promise<T> {
    this.waiting++;
    const turn = this.tail
      .then(() => nextTurn())
      .then(() => {
        this.waiting--;
        return work();
      });
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** evaluations queued or running */
  get length(): number {
    return this.waiting;
  }
}
