// What the main thread and a batch worker send each other. Cases go out in chunks (one message for
// many cases: the cost of a message is paid once per chunk), and the answers of a chunk come back in
// one reply.
import type { JsonLine } from './json-line.ts';
import type { Answer, BatchOptions, CompiledPolicy, Diagnostic } from '../../engine/core.ts';

/** Sent once, when a worker starts. */
export interface WorkerData extends Pick<BatchOptions, 'lang' | 'engine'> {
  policy: CompiledPolicy;
  form: AnswerForm;
}

/** What a worker makes of an answer: the Answer itself; its NDJSON line (its JSON text and a
 *  newline) in UTF-8, what `--json` prints: the worker encodes it, and the lines of a whole chunk
 *  cross threads in one buffer that is moved, not copied, so the main thread only writes them out;
 *  or the one-line summary that `sla eval --batch` prints without `--json`. */
export type AnswerForm = 'object' | 'json' | 'summary';

/** The answer of one case in each form. */
export interface AnswerOfForm {
  object: Answer;
  json: Uint8Array;
  summary: string;
}

/** Cases to answer, in order, each with the file its diagnostics name. */
export interface WorkerTask {
  cases: unknown[];
  files: (string | undefined)[];
  /** per case, the NDJSON line to read it from instead (its entry in `cases` is then undefined) */
  json?: (JsonLine | undefined)[];
  /** for `json`: a buffer of an earlier reply, written out, for the worker to fill again */
  spare?: ArrayBuffer;
}

/** The answers of a chunk, by position in it; a case that was not answered has its diagnostics in
 *  `invalid` instead. For `json`, answer i is `bytes` from `ends[i - 1]` (or 0) to `ends[i]`: the
 *  lines of a chunk's answers are one after the other. */
export interface WorkerReply {
  answers?: (Answer | string | null)[];
  bytes?: Uint8Array;
  ends?: number[];
  invalid: { at: number; diagnostics: Diagnostic[] }[];
}
