// A worker thread of a batch: it is given the compiled policy once (as workerData) and answers a
// chunk of cases per task (answer-chunk.ts).
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { deepFreeze } from '../../engine/compile/loaded-cache.ts';
import { answerChunk } from './answer-chunk.ts';
import type { WorkerData, WorkerTask } from './worker-protocol.ts';

const setup = workerData as WorkerData;
// The policy arrives as a copy, and a copy is not frozen: frozen here as loading leaves it in the
// main thread, so that answers share its values rather than each copying them (an explanation
// copies any value shown that is not frozen).
deepFreeze(setup.policy.policy);
/** the bytes of the last chunk's lines: a new buffer starts that large */
let lastSize = 0;

export default async function (task: WorkerTask) {
  const reply = await answerChunk(setup, task, Math.ceil(lastSize * 1.25));
  if (!reply.bytes) return reply;
  lastSize = reply.bytes.length;
  // the buffer is moved to the main thread, not copied
  return move({ [transferableSymbol]: [reply.bytes.buffer], [valueSymbol]: reply });
}

/** Answers once the worker has loaded: the main thread asks before sending cases. */
export const ready = () => true;
