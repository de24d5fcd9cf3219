// What a batch worker does with a chunk of cases: each case's answer (or its diagnostics) in the
// form the main thread asked for. A case's own diagnostics, and any failure evaluating it, come back
// as that case's result; the other cases of the chunk are answered all the same.
import { failureDiagnostics } from '../../engine/batch/evaluate-many.ts';
import { evaluate, SlaError, type Answer, type Case } from '../../engine/core.ts';
import { answerSummary } from './answer-summary.ts';
import { LineEncoder } from './encode-lines.ts';
import { readJsonLine } from './json-line.ts';
import type { WorkerData, WorkerReply, WorkerTask } from './worker-protocol.ts';

/** The answers of a chunk; for `json`, their lines in a buffer of at least `size` bytes (or the
 *  task's spare buffer). */
export async function answerChunk({ policy, lang, engine, form }: WorkerData, task: WorkerTask, size = 0): Promise<WorkerReply> {
  const lines = form === 'json' ? new LineEncoder(task.spare, size) : undefined;
  const answers: (Answer | string | null)[] = [];
  const invalid: WorkerReply['invalid'] = [];
  for (const [at, given] of task.cases.entries()) {
    const file = task.files[at];
    const line = task.json?.[at];
    let out: Answer | string | null = null;
    try {
      let kase = given;
      if (line) {
        const read = readJsonLine(line, file ?? '');
        if ('diagnostic' in read) throw new SlaError([read.diagnostic]);
        kase = read.value;
      }
      const answer = await evaluate(policy, kase as Case, { lang, engine, ...(file !== undefined ? { file } : {}) });
      out = form === 'object' ? answer : form === 'json' ? JSON.stringify(answer) : answerSummary(answer);
    } catch (e) {
      invalid.push({ at, diagnostics: failureDiagnostics(e) });
    }
    if (lines) lines.add(out as string | null);
    else answers.push(out);
  }
  return lines ? { ...lines.finish(), invalid } : { answers, invalid };
}
