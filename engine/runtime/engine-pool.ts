// json-rules-engine keeps a run's state on its Engine (a status that the first run to finish sets
// to "finished", which makes every other run in flight skip its remaining rules). A pool hands each
// run an Engine of its own, so evaluations in flight on one policy never share mutable state, and
// an Engine is built only when every existing one is busy. json-rules-engine itself loads with the
// first run, so programs that only use the compiled backend (or only check policies) never load it.
import type { Engine, RuleProperties } from 'json-rules-engine';

/** Idle engines kept for reuse (about 18 KiB each for a policy of 30 rules); more are built while
 *  more runs are in flight, then dropped. */
const MAX_IDLE = 64;

export class EnginePool {
  private idle: Engine[] = [];

  constructor(private readonly rules: RuleProperties[]) {}

  /** Runs `use` with an Engine no other run holds until `use` settles. */
  async with<T>(use: (engine: Engine) => Promise<T>): Promise<T> {
    const engine = this.idle.pop() ?? (await import('./register.ts')).createEngine(this.rules);
    try {
      return await use(engine);
    } finally {
      if (this.idle.length < MAX_IDLE) this.idle.push(engine);
    }
  }
}
