// The page's side of the engine worker: one request in flight per channel; a newer request on the
// same channel supersedes an older one, whose answer is dropped (typing faster than checking).
import type { ConvertResult, Request, Response, RunResult } from './worker/protocol.ts';
import EngineWorker from './worker/engine.worker.ts?worker';

const worker = new EngineWorker();
let nextId = 1;
const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();

worker.onmessage = (e: MessageEvent<Response>) => {
  const p = pending.get(e.data.id);
  if (!p) return;
  pending.delete(e.data.id);
  if ('failure' in e.data) p.reject(new Error(e.data.failure));
  else p.resolve(e.data.result);
};

function send<T>(req: Request): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
    worker.postMessage({ ...req, id });
  });
}

const latest = new Map<string, number>();

/** Sends on a channel; resolves to undefined when a later request on that channel overtook it. */
async function latestOn<T>(channel: string, req: Request): Promise<T | undefined> {
  const ticket = (latest.get(channel) ?? 0) + 1;
  latest.set(channel, ticket);
  const result = await send<T>(req);
  return latest.get(channel) === ticket ? result : undefined;
}

export const runCase = (req: Extract<Request, { kind: 'run' }>) => latestOn<RunResult>('run', req);
export const convertPolicy = (req: Extract<Request, { kind: 'convert' }>) => send<ConvertResult>(req);
