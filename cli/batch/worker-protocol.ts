// What the main thread and a batch worker send each other.
import type { BatchOptions, CompiledPolicy } from '../../engine/core.ts';

/** Sent once, when a worker starts. */
export interface WorkerData extends Pick<BatchOptions, 'lang' | 'engine'> {
  policy: CompiledPolicy;
}

/** One case to answer. */
export interface WorkerTask {
  case: unknown;
  file?: string;
}
