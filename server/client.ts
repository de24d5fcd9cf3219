// A small typed client of the HTTP API for Node 18+ and browsers (fetch). Its types are the
// route schemas the server validates with and publishes in /openapi.json; a test checks every
// method against that document.
import type { Static } from '@sinclair/typebox';
import type { Answer } from '../engine/schemas/answer.ts';
import type { Diagnostic } from '../engine/schemas/diagnostic.ts';
import type { BatchAnswer, BatchBody, CheckAnswer, CompileAnswer, EvaluateBody, PolicyDetail, PolicySource, PolicySummary, Readiness } from './schemas.ts';

export type AnswerBody = Static<typeof Answer>;
export type DiagnosticBody = Static<typeof Diagnostic>;

/** A non-2xx answer: its status and the diagnostics of its `{ "errors": [...] }` body. */
export class SlaHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: DiagnosticBody[],
  ) {
    super(`HTTP ${status}: ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
    this.name = 'SlaHttpError';
  }
}

export interface ClientOptions {
  /** a fetch implementation (default: the global one) */
  fetch?: typeof fetch;
  /** headers sent with every request, e.g. an x-request-id */
  headers?: Record<string, string>;
}

/** The routes the client calls, as `METHOD /path` in the OpenAPI document. */
export const CLIENT_ROUTES = {
  evaluate: 'POST /v1/evaluate',
  timeline: 'POST /v1/evaluate',
  batch: 'POST /v1/evaluate/batch',
  check: 'POST /v1/check',
  compile: 'POST /v1/compile',
  policies: 'GET /v1/policies',
  policy: 'GET /v1/policies/{id}',
  health: 'GET /healthz',
  ready: 'GET /readyz',
} as const;

export function createClient(baseUrl: string, options: ClientOptions = {}) {
  const doFetch = options.fetch ?? globalThis.fetch;
  const base = baseUrl.replace(/\/+$/, '');

  async function call<T>(route: string, body?: unknown, params: Record<string, string> = {}, okStatuses = [200]): Promise<T> {
    const [method, template] = route.split(' ');
    const path = template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k]));
    const res = await doFetch(base + path, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T & { errors?: DiagnosticBody[] };
    if (!okStatuses.includes(res.status)) throw new SlaHttpError(res.status, json.errors ?? []);
    return json;
  }

  return {
    /** one case at its own `at` */
    evaluate: (body: Omit<EvaluateBody, 'at'>) => call<AnswerBody>(CLIENT_ROUTES.evaluate, body),
    /** one case at each instant of `at` */
    timeline: (body: EvaluateBody & { at: string[] }) => call<{ timeline: AnswerBody[] }>(CLIENT_ROUTES.timeline, body),
    batch: (body: BatchBody) => call<BatchAnswer>(CLIENT_ROUTES.batch, body),
    check: (body: PolicySource) => call<Static<typeof CheckAnswer>>(CLIENT_ROUTES.check, body),
    compile: (body: PolicySource) => call<Static<typeof CompileAnswer>>(CLIENT_ROUTES.compile, body),
    policies: () => call<PolicySummary[]>(CLIENT_ROUTES.policies),
    policy: (id: string) => call<PolicyDetail>(CLIENT_ROUTES.policy, undefined, { id }),
    health: () => call<{ ok: true }>(CLIENT_ROUTES.health),
    /** readiness, whether ready (200) or not (503) */
    ready: () => call<Readiness>(CLIENT_ROUTES.ready, undefined, {}, [200, 503]),
  };
}

export type SlaClient = ReturnType<typeof createClient>;
