// A worker thread of a batch: it is given the compiled policy once (as workerData) and answers a
// chunk of cases per task. A case's own diagnostics, and any failure evaluating it, come back as
// that case's result; the other cases of the chunk are answered all the same.
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { failureDiagnostics } from '../../engine/batch/evaluate-many.ts';
import { evaluate, type Answer, type Case } from '../../engine/core.ts';
import { answerSummary } from './answer-summary.ts';
import { encodeLines } from './encode-lines.ts';
import type { WorkerData, WorkerReply, WorkerTask } from './worker-protocol.ts';

const { policy, lang, engine, form } = workerData as WorkerData;

export default async function answerChunk(task: WorkerTask) {
  const answers: (Answer | string | null)[] = [];
  const invalid: WorkerReply['invalid'] = [];
  for (const [at, kase] of task.cases.entries()) {
    const file = task.files[at];
    try {
      const answer = await evaluate(policy, kase as Case, { lang, engine, ...(file !== undefined ? { file } : {}) });
      answers.push(form === 'object' ? answer : form === 'json' ? JSON.stringify(answer) : answerSummary(answer));
    } catch (e) {
      answers.push(null);
      invalid.push({ at, diagnostics: failureDiagnostics(e) });
    }
  }
  if (form !== 'json') return { answers, invalid } satisfies WorkerReply;
  const reply: WorkerReply = { ...encodeLines(answers as (string | null)[], task.spare), invalid };
  // the buffer is moved to the main thread, not copied
  return move({ [transferableSymbol]: [reply.bytes!.buffer], [valueSymbol]: reply });
}

/** Answers once the worker has loaded: the main thread asks before sending cases. */
export const ready = () => true;
