// Bodies are JSON only (anything else is 415). A syntax error is a diagnostic with the line and
// column in the body where the parser stopped.
import type { FastifyInstance } from 'fastify';
import { diagnostic, type Diagnostic } from '../engine/diagnostics/index.ts';
import { HttpError } from './http-error.ts';

function position(message: string, body: string): Partial<Diagnostic> {
  const m = /position (\d+)/.exec(message);
  if (!m) return {};
  const before = body.slice(0, Number(m[1])).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') throw new HttpError(400, [diagnostic('SLA1006', 'the body is empty', { help: 'send a JSON object' })]);
  try {
    return JSON.parse(body);
  } catch (e) {
    const message = (e as Error).message;
    throw new HttpError(400, [diagnostic('SLA1010', `the body is not valid JSON: ${message}`, { path: '', ...position(message, body) })]);
  }
}

export function registerJsonBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  for (const type of ['application/json', /^application\/[\w.+-]*\+json$/])
    app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body: string, done) => {
      try {
        done(null, parseJsonBody(body));
      } catch (e) {
        done(e as Error, undefined);
      }
    });
}
