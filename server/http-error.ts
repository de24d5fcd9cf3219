// An error that is an HTTP answer: a status and the diagnostics of the `{ "errors": [...] }` body.
import { diagnostic, type Code, type Diagnostic } from '../engine/diagnostics/index.ts';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly diagnostics: Diagnostic[],
    /** extra headers, e.g. Retry-After */
    readonly headers: Record<string, string> = {},
  ) {
    super(diagnostics.map((d) => d.message).join('; '));
    this.name = 'HttpError';
  }
}

export const httpError = (status: number, code: Code, message: string, extra: Partial<Diagnostic> = {}) =>
  new HttpError(status, [diagnostic(code, message, extra)]);

/** Diagnostics of a part of the body (the case, a batch entry) made to point into the whole body. */
export const underPointer = (prefix: string, ds: Diagnostic[]): Diagnostic[] =>
  ds.map((d) => ({ ...d, path: prefix + (d.path === '/' ? '' : (d.path ?? '')) }));
