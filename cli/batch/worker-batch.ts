// Batch evaluation on worker threads (piscina): the compiled policy goes to each worker once, cases
// go out as they are read and answers come back in input order, with at most `window` cases in
// flight (the reorder window). A worker that crashes fails only the cases it held (SLA5020); the
// pool starts another in its place.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { answerEntries, checkBatchPolicy, type AnyIterable, type BatchEntry, type BatchOptions, type EntryResult } from '../../engine/batch/evaluate-many.ts';
import { SlaError, type Answer, type CompiledPolicy } from '../../engine/core.ts';
import type { AnswerForm, WorkerData, WorkerTask } from './worker-protocol.ts';

export interface WorkerBatchOptions<F extends AnswerForm = 'object'> extends BatchOptions {
  /** worker threads (default: the cores available to this process) */
  workers?: number;
  /** answers as objects (the default), or as their JSON text */
  form?: F;
}

type AnswerOf<F extends AnswerForm> = F extends 'json' ? string : Answer;

/** Cases in flight per worker by default: enough that none waits while the oldest result is out. */
const WINDOW_PER_WORKER = 4;

// From the sources (tests, benchmarks) the worker is TypeScript and needs tsx to load; in the
// built CLI it is a file of its own beside this one.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_FILE = new URL(FROM_SOURCE ? './batch-worker.ts' : './batch-worker.js', import.meta.url);
// tsx by its path: a worker resolves `--import` specifiers from the working directory
const execArgv = () => (FROM_SOURCE ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : []);

export const defaultWorkers = () => availableParallelism();

export class BatchWorkers<F extends AnswerForm = 'object'> {
  readonly pool: Piscina<WorkerTask, { answer: AnswerOf<F> } | { diagnostics: SlaError['diagnostics'] }>;
  readonly workers: number;
  private readonly window: number;
  /** aborted when the pool reports a worker that failed outside a task: the tasks left would wait for ever */
  private readonly broken = new AbortController();
  private started?: Promise<void>;

  constructor(policy: CompiledPolicy, options: WorkerBatchOptions<F> = {}) {
    checkBatchPolicy(policy);
    this.workers = options.workers ?? defaultWorkers();
    if (!Number.isInteger(this.workers) || this.workers < 1) throw new RangeError(`workers must be a whole number of at least 1, not ${this.workers}`);
    this.window = options.window ?? WINDOW_PER_WORKER * this.workers;
    const workerData: WorkerData = { policy, lang: options.lang, engine: options.engine, form: options.form ?? 'object' };
    this.pool = new Piscina({
      filename: WORKER_FILE.href,
      minThreads: this.workers,
      maxThreads: this.workers,
      idleTimeout: Infinity,
      workerData,
      execArgv: execArgv(),
    });
    // A worker that fails while it holds no case (one that cannot start): piscina starts no other,
    // so the cases waiting for it are failed (SLA5020) rather than left waiting.
    this.pool.on('error', (e: unknown) => this.broken.abort(e));
  }

  /** Resolves once a worker has loaded the engine; a worker that cannot start fails the whole batch. */
  private start(): Promise<void> {
    this.started ??= this.pool.run({ case: undefined }, { name: 'ready', signal: this.broken.signal }).then(
      () => undefined,
      (e: unknown) => {
        throw new Error(`the batch's worker threads could not start: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      },
    );
    return this.started;
  }

  /** The entries' results in input order. */
  async *evaluate<E extends BatchEntry>(entries: AnyIterable<E>): AsyncGenerator<EntryResult<E, AnswerOf<F>>> {
    await this.start();
    yield* answerEntries(
      entries,
      async (kase, file) => {
        const done = await this.pool.run({ case: kase, ...(file !== undefined ? { file } : {}) }, { signal: this.broken.signal }).catch((e: unknown) => {
          const reason: unknown = this.broken.signal.aborted ? this.broken.signal.reason : e;
          throw new Error(`its worker thread failed: ${reason instanceof Error ? reason.message.split('\n')[0] : String(reason)}`);
        });
        if ('diagnostics' in done) throw new SlaError(done.diagnostics);
        return done.answer;
      },
      this.window,
    );
  }

  /** Stops the workers (cases still in flight fail with SLA5020). */
  close(): Promise<void> {
    return this.pool.destroy();
  }
}

/** The entries evaluated on `workers` threads, in input order; the threads stop when the results end. */
export async function* evaluateEntriesInWorkers<E extends BatchEntry, F extends AnswerForm = 'object'>(
  policy: CompiledPolicy,
  entries: AnyIterable<E>,
  options: WorkerBatchOptions<F> = {},
): AsyncGenerator<EntryResult<E, AnswerOf<F>>> {
  const workers = new BatchWorkers<F>(policy, options);
  try {
    yield* workers.evaluate(entries);
  } finally {
    await workers.close();
  }
}
