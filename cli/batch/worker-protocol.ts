// What the main thread and a batch worker send each other.
import type { BatchOptions, CompiledPolicy } from '../../engine/core.ts';

/** Sent once, when a worker starts. */
export interface WorkerData extends Pick<BatchOptions, 'lang' | 'engine'> {
  policy: CompiledPolicy;
  /** answers as objects, or as their JSON text (made in the worker: what `--json` prints, and a
   *  string crosses threads cheaper than the object it encodes) */
  form: AnswerForm;
}

export type AnswerForm = 'object' | 'json';

/** One case to answer. */
export interface WorkerTask {
  case: unknown;
  file?: string;
}
