// A worker thread of a batch: it is given the compiled policy once (as workerData) and answers one
// case per task. A case's own diagnostics come back as a value; any other failure rejects the
// task, and the main thread reports it as that case's SLA5020.
import { workerData } from 'piscina';
import { evaluate, SlaError, type Answer, type Case } from '../../engine/core.ts';
import type { WorkerData, WorkerTask } from './worker-protocol.ts';

const { policy, lang, engine, form } = workerData as WorkerData;

export default async function answerCase(task: WorkerTask): Promise<{ answer: Answer | string } | { diagnostics: SlaError['diagnostics'] }> {
  try {
    const answer = await evaluate(policy, task.case as Case, { lang, engine, ...(task.file !== undefined ? { file: task.file } : {}) });
    return { answer: form === 'json' ? JSON.stringify(answer) : answer };
  } catch (e) {
    if (e instanceof SlaError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

/** Answers once the worker has loaded: the main thread asks before sending cases. */
export const ready = () => true;
