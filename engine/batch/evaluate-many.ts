// Batch evaluation: many cases under one policy, answered in input order, each result an Answer or
// that case's diagnostics (an invalid case does not stop the batch), with at most `window` cases
// read ahead of the results however long the input is. The worker-thread version (cli/batch/)
// runs the same loop with the evaluation sent to its workers.
import type { Answer } from '../answer.ts';
import type { Case } from '../case/case-input.ts';
import { caseNotEvaluated, placeDiagnostic, SlaError, type Diagnostic } from '../diagnostics/index.ts';
import { checkCompiled } from '../evaluate/check-compiled.ts';
import { evaluate, type EvaluateOptions } from '../evaluate/evaluate.ts';
import type { CompiledPolicy, Locator } from '../policy-types.ts';
import { orderedWindow, type AnyIterable } from './ordered-window.ts';

export type { AnyIterable } from './ordered-window.ts';

/** One case of a batch with where it came from, or the diagnostics of a case that could not be read. */
export interface BatchEntry {
  /** the case as parsed; evaluation validates it */
  case?: unknown;
  /** why the case could not be read (bad JSON on its line): its result, in its place */
  diagnostics?: Diagnostic[];
  /** where the case came from, so its diagnostics carry file:line:column */
  file?: string;
  locate?: Locator;
}

/** The result for one entry: its answer (an Answer, or its JSON text where the evaluator was asked
 *  for that), or its diagnostics. */
export type EntryResult<E, A = Answer> = { entry: E; index: number; answer: A } | { entry: E; index: number; diagnostics: Diagnostic[] };

/** The result for the case at `index` (from 0) of the input. */
export type BatchResult = { index: number; answer: Answer } | { index: number; diagnostics: Diagnostic[] };

export interface BatchOptions extends Pick<EvaluateOptions, 'lang' | 'engine'> {
  /** at most this many cases read ahead of the results (default 8) */
  window?: number;
}

export const DEFAULT_WINDOW = 8;

/** Evaluates one case: resolves to its answer, or throws (SlaError for an invalid case). */
export type AnswerCase<A = Answer> = (kase: unknown, file: string | undefined) => Promise<A>;

/** What a failed evaluation becomes: the case's own diagnostics, or SLA5020 for a fault. */
export function failureDiagnostics(e: unknown): Diagnostic[] {
  if (e instanceof SlaError) return e.diagnostics;
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return [caseNotEvaluated(message || 'an unknown error')];
}

/** Diagnostics found in the case (evaluate gives them the case's file) placed at their line and
 *  column in it; the others (a pointer into the policy) are left as they are. */
export const placeInCase = (ds: Diagnostic[], entry: BatchEntry): Diagnostic[] =>
  entry.locate && entry.file !== undefined ? ds.map((d) => (d.file === entry.file ? placeDiagnostic(d, { locate: entry.locate }) : d)) : ds;

/** The batch loop: entries in, results out in order, `answer` run for at most `window` at a time. */
export function answerEntries<E extends BatchEntry, A = Answer>(
  entries: AnyIterable<E>,
  answer: AnswerCase<A>,
  window = DEFAULT_WINDOW,
): AsyncGenerator<EntryResult<E, A>> {
  return orderedWindow(
    entries,
    async (entry, index): Promise<EntryResult<E, A>> => {
      if (entry.diagnostics) return { entry, index, diagnostics: entry.diagnostics };
      try {
        return { entry, index, answer: await answer(entry.case, entry.file) };
      } catch (e) {
        return { entry, index, diagnostics: placeInCase(failureDiagnostics(e), entry) };
      }
    },
    window,
  );
}

/** A compiled policy is checked once for the whole batch: if it is invalid, no case could be answered. */
export function checkBatchPolicy(policy: CompiledPolicy): void {
  const errors = checkCompiled(policy).filter((d) => d.severity === 'error');
  if (errors.length) throw new SlaError(errors);
}

/** Entries (cases with where they came from) evaluated in this thread, in order. */
export async function* evaluateEntries<E extends BatchEntry>(
  policy: CompiledPolicy,
  entries: AnyIterable<E>,
  options: BatchOptions = {},
): AsyncGenerator<EntryResult<E>> {
  checkBatchPolicy(policy);
  const { lang, engine } = options;
  yield* answerEntries(entries, (kase, file) => evaluate(policy, kase as Case, { lang, engine, ...(file !== undefined ? { file } : {}) }), options.window);
}

/** Answers every case of `cases` (an iterable or async iterable, read lazily) under one policy, in
 *  input order: each result is `{ index, answer }` or, for an invalid case, `{ index, diagnostics }`.
 *  Throws SlaError at once for an invalid policy. */
export async function* evaluateMany(policy: CompiledPolicy, cases: AnyIterable<Case>, options: BatchOptions = {}): AsyncGenerator<BatchResult> {
  async function* entries() {
    for await (const kase of cases) yield { case: kase } satisfies BatchEntry;
  }
  for await (const r of evaluateEntries(policy, entries(), options))
    yield 'answer' in r ? { index: r.index, answer: r.answer } : { index: r.index, diagnostics: r.diagnostics };
}
