// The page's side of the engine worker: one request in flight per channel; a newer request on the
// same channel supersedes an older one, whose answer is dropped (typing faster than checking).
import type {
  CalendarResult,
  ChangesResult,
  CompareResult,
  ConvertResult,
  FormatResult,
  LocateResult,
  Request,
  Response,
  RunResult,
  TestsResult,
  VersionsResult,
} from './worker/protocol.ts';
import EngineWorker from './worker/engine.worker.ts?worker';

let nextId = 1;
const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();

function start(): Worker {
  const w = new EngineWorker();
  w.onmessage = (e: MessageEvent<Response>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if ('failure' in e.data) p.reject(new Error(e.data.failure));
    else p.resolve(e.data.result);
  };
  return w;
}

// a second worker looks ahead for the next change, so a long look never holds up typing or scrubbing
const workers = { main: start(), ahead: start() };

function send<T>(req: Request, worker: Worker = workers.main): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
    worker.postMessage({ ...req, id });
  });
}

const latest = new Map<string, number>();

/** Sends on a channel; resolves to undefined when a later request on that channel overtook it. */
async function latestOn<T>(channel: string, req: Request, worker?: Worker): Promise<T | undefined> {
  const ticket = (latest.get(channel) ?? 0) + 1;
  latest.set(channel, ticket);
  const result = await send<T>(req, worker);
  return latest.get(channel) === ticket ? result : undefined;
}

export const runCase = (req: Extract<Request, { kind: 'run' }>) => latestOn<RunResult>('run', req);
let lookingAhead: number | undefined;

/** The next changes; a look still under way when another is asked for is abandoned (its worker ended). */
export async function nextChanges(req: Extract<Request, { kind: 'changes' }>): Promise<ChangesResult | undefined> {
  if (lookingAhead !== undefined) {
    workers.ahead.terminate();
    pending.delete(lookingAhead);
    workers.ahead = start();
  }
  const id = (lookingAhead = nextId);
  try {
    return await latestOn<ChangesResult>('changes', req, workers.ahead);
  } finally {
    if (lookingAhead === id) lookingAhead = undefined;
  }
}
export const runTests = (req: Extract<Request, { kind: 'tests' }>) => send<TestsResult>(req);
export const comparePlans = (req: Extract<Request, { kind: 'compare' }>) => latestOn<CompareResult>('compare', req);
export const formatPolicy = (source: string) => send<FormatResult>({ kind: 'format', source });
export const compareVersions = (req: Extract<Request, { kind: 'versions' }>) => latestOn<VersionsResult>('versions', req);
export const calendarWindows = (req: Extract<Request, { kind: 'calendar' }>) => latestOn<CalendarResult>('calendar', req);
export const locateRule = (req: Extract<Request, { kind: 'locate' }>) => send<LocateResult>(req);
export const convertPolicy = (req: Extract<Request, { kind: 'convert' }>) => send<ConvertResult>(req);
