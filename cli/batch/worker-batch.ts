// Batch evaluation on worker threads (piscina): the compiled policy goes to each worker once, cases
// go out in chunks as they are read (one message for many cases) and answers come back a chunk at
// a time, yielded in input order, with at most `window` cases in flight (the reorder window). A
// worker that crashes fails only the cases it held (SLA5020); the pool starts another in its place.
import { setMaxListeners } from 'node:events';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import {
  checkBatchPolicy,
  failureDiagnostics,
  placeInCase,
  type AnyIterable,
  type BatchEntry,
  type BatchOptions,
  type EntryResult,
} from '../../engine/batch/evaluate-many.ts';
import { orderedWindow } from '../../engine/batch/ordered-window.ts';
import type { CompiledPolicy, Diagnostic } from '../../engine/core.ts';
import { chunksOf } from './chunks.ts';
import type { JsonLine } from './json-line.ts';
import type { AnswerForm, AnswerOfForm, WorkerData, WorkerReply, WorkerTask } from './worker-protocol.ts';

/** An entry of a batch on worker threads: a case given as it is parsed, or (`json`) the NDJSON line
 *  it is to be read from, which its worker parses, so that the thread reading the input does not. */
export interface WorkerEntry extends BatchEntry {
  json?: JsonLine;
}

export interface WorkerBatchOptions<F extends AnswerForm = 'object'> extends BatchOptions {
  /** worker threads (default: the cores available to this process) */
  workers?: number;
  /** what each answer is made into by its worker (default: the Answer object) */
  form?: F;
}

/** Cases per message: enough that a message's cost is small beside the cases' (a case takes about
 *  a tenth of a millisecond), few enough that the answers of a chunk (~30 KB each as JSON) stay small. */
export const CHUNK = 32;
/** Chunks sent to a worker at once: the one it answers and the next. */
const TASKS_PER_WORKER = 2;
/** Chunks in flight per worker: those it was sent, and one being written out. */
const CHUNKS_PER_WORKER = TASKS_PER_WORKER + 1;

/** The reorder window of `workers` threads by default, in cases. */
export const defaultWindow = (workers: number) => CHUNK * CHUNKS_PER_WORKER * workers;

// From the sources (tests, benchmarks) the worker is TypeScript and needs tsx to load; in the
// built CLI it is a file of its own beside this one.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_FILE = new URL(FROM_SOURCE ? './batch-worker.ts' : './batch-worker.js', import.meta.url);
// tsx by its path: a worker resolves `--import` specifiers from the working directory
const execArgv = () => (FROM_SOURCE ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : []);

export const defaultWorkers = () => availableParallelism();

type Result<E, F extends AnswerForm> = EntryResult<E, AnswerOfForm[F]>;
/** The results of a chunk, and the buffers its answers' bytes are in. */
interface Chunk<E, F extends AnswerForm> {
  results: Result<E, F>[];
  buffers: ArrayBuffer[];
}
/** What became of one case sent to a worker. */
type Outcome<A> = { answer: A } | { diagnostics: Diagnostic[] };

const firstLine = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e));

export class BatchWorkers<F extends AnswerForm = 'object'> {
  readonly pool: Piscina<WorkerTask, WorkerReply>;
  readonly workers: number;
  private readonly chunk: number;
  /** chunks in flight at most: the reorder window, in chunks */
  private readonly inFlight: number;
  private readonly form: AnswerForm;
  /** aborted when the pool reports a worker that failed outside a task: the tasks left would wait for ever */
  private readonly broken = new AbortController();
  private started?: Promise<void>;
  /** buffers of replies written out, given to the next tasks to fill (json) */
  private readonly spares: ArrayBuffer[] = [];

  constructor(policy: CompiledPolicy, options: WorkerBatchOptions<F> = {}) {
    checkBatchPolicy(policy);
    this.workers = options.workers ?? defaultWorkers();
    if (!Number.isInteger(this.workers) || this.workers < 1) throw new RangeError(`workers must be a whole number of at least 1, not ${this.workers}`);
    const window = options.window ?? defaultWindow(this.workers);
    if (!Number.isInteger(window) || window < 1) throw new RangeError(`the window must be a whole number of at least 1, not ${window}`);
    // a smaller window is split into smaller chunks, as many per worker as the default has
    this.chunk = Math.max(1, Math.min(CHUNK, Math.floor(window / (CHUNKS_PER_WORKER * this.workers))));
    this.inFlight = Math.max(1, Math.floor(window / this.chunk));
    this.form = options.form ?? 'object';
    const workerData: WorkerData = { policy, lang: options.lang, engine: options.engine, form: this.form };
    this.pool = new Piscina({
      filename: WORKER_FILE.href,
      minThreads: this.workers,
      maxThreads: this.workers,
      idleTimeout: Infinity,
      workerData,
      execArgv: execArgv(),
      // no run and wait time histograms: nothing reads them
      recordTiming: false,
      // the next chunk waits at the worker, not in the pool's queue: a worker that finishes one need
      // not wait for the main thread (busy, or not given a core at once) to be sent another
      concurrentTasksPerWorker: TASKS_PER_WORKER,
    });
    // A worker that fails while it holds no case (one that cannot start): piscina starts no other,
    // so the cases waiting for it are failed (SLA5020) rather than left waiting.
    this.pool.on('error', (e: unknown) => this.broken.abort(e));
    // every chunk in flight listens to the signal: more than Node's default of 10 (4 workers or
    // more) is no leak, and no warning is printed
    setMaxListeners(Math.max(10, this.inFlight), this.broken.signal);
  }

  /** Resolves once a worker has loaded the engine; a worker that cannot start fails the whole batch. */
  private start(): Promise<void> {
    this.started ??= this.pool.run({ cases: [], files: [] }, { name: 'ready', signal: this.broken.signal }).then(
      () => undefined,
      (e: unknown) => {
        throw new Error(`the batch's worker threads could not start: ${firstLine(e)}`);
      },
    );
    return this.started;
  }

  /** The entries' results in input order. */
  async *evaluate<E extends WorkerEntry>(entries: AnyIterable<E>): AsyncGenerator<Result<E, F>> {
    for await (const chunk of this.chunks(entries, false)) yield* chunk.results;
  }

  /** The same, a chunk of results at a time (as the workers answered them). With `json`, the bytes
   *  of a chunk's answers are valid until the next chunk is asked for: their buffer is then given
   *  back to a worker to fill again (copy them to keep them). */
  async *evaluateChunks<E extends WorkerEntry>(entries: AnyIterable<E>): AsyncGenerator<Result<E, F>[]> {
    for await (const chunk of this.chunks(entries, true)) yield chunk.results;
  }

  private async *chunks<E extends WorkerEntry>(entries: AnyIterable<E>, reuse: boolean): AsyncGenerator<Chunk<E, F>> {
    await this.start();
    let next = 0; // the index of the next chunk's first entry
    const answerChunk = (chunk: E[]) => {
      const first = next;
      next += chunk.length;
      return this.answerChunk(chunk, first);
    };
    for await (const chunk of orderedWindow(chunksOf(entries, this.chunk), answerChunk, this.inFlight)) {
      yield chunk;
      // no more buffers kept than chunks in flight: each is about a chunk's answers
      if (reuse) for (const b of chunk.buffers) if (this.spares.length < this.inFlight) this.spares.push(b);
    }
  }

  /** A chunk's results; never rejects (a failure becomes the results of the cases it concerns). */
  private async answerChunk<E extends WorkerEntry>(chunk: E[], first: number): Promise<Chunk<E, F>> {
    // entries that could not be read are their own results: only the others go to a worker
    const sent = chunk.filter((e) => !e.diagnostics);
    const buffers: ArrayBuffer[] = [];
    const outcomes = sent.length ? await this.send(sent, buffers) : [];
    let k = 0;
    const results = chunk.map((entry, i): Result<E, F> => {
      const index = first + i;
      if (entry.diagnostics) return { entry, index, diagnostics: entry.diagnostics };
      const r = outcomes[k++];
      return 'diagnostics' in r ? { entry, index, diagnostics: placeInCase(r.diagnostics, entry) } : { entry, index, answer: r.answer };
    });
    return { results, buffers };
  }

  /** The answers of some entries (each an answer or its diagnostics), in order; the buffers of the
   *  replies are added to `buffers`. */
  private async send(entries: WorkerEntry[], buffers: ArrayBuffer[]): Promise<Outcome<AnswerOfForm[F]>[]> {
    const spare = this.form === 'json' ? this.spares.pop() : undefined;
    const json = entries.some((e) => e.json) ? entries.map((e) => e.json) : undefined;
    const task: WorkerTask = {
      cases: entries.map((e) => (e.json ? undefined : e.case)),
      files: entries.map((e) => e.file),
      ...(json ? { json } : {}),
      ...(spare ? { spare } : {}),
    };
    let reply: WorkerReply;
    try {
      reply = await this.pool.run(task, { signal: this.broken.signal, ...(spare ? { transferList: [spare] } : {}) });
    } catch (e) {
      // a case that cannot be sent (a function in it): the others of its chunk are sent on their own
      if (e instanceof Error && e.name === 'DataCloneError' && entries.length > 1 && !this.broken.signal.aborted)
        return (await Promise.all(entries.map((entry) => this.send([entry], buffers)))).flat();
      const reason: unknown = this.broken.signal.aborted ? this.broken.signal.reason : e;
      const diagnostics = failureDiagnostics(new Error(`its worker thread failed: ${firstLine(reason)}`));
      return entries.map(() => ({ diagnostics }));
    }
    const { bytes, ends, answers, invalid } = reply;
    if (bytes) buffers.push(bytes.buffer as ArrayBuffer);
    const outcomes: Outcome<AnswerOfForm[F]>[] = entries.map((_, i) => ({
      answer: (bytes ? bytes.subarray(i ? ends![i - 1] : 0, ends![i]) : answers![i]) as AnswerOfForm[F],
    }));
    for (const { at, diagnostics } of invalid) outcomes[at] = { diagnostics };
    return outcomes;
  }

  /** Stops the workers (cases still in flight fail with SLA5020). */
  close(): Promise<void> {
    return this.pool.destroy();
  }
}

/** The entries evaluated on `workers` threads, in input order; the threads stop when the results end. */
export async function* evaluateEntriesInWorkers<E extends WorkerEntry, F extends AnswerForm = 'object'>(
  policy: CompiledPolicy,
  entries: AnyIterable<E>,
  options: WorkerBatchOptions<F> = {},
): AsyncGenerator<Result<E, F>> {
  const workers = new BatchWorkers<F>(policy, options);
  try {
    yield* workers.evaluate(entries);
  } finally {
    await workers.close();
  }
}
