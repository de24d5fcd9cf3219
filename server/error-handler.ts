// Every failure becomes `{ "errors": [Diagnostic] }` with the status the contract gives: 400 bad
// JSON, schema violations, invalid policies and cases; 404 unknown policy or route; 413 body too
// large; 415 wrong content type; 503 overloaded or out of time. Never a stack trace or HTML:
// anything unexpected is logged in full and answered 500 with one line.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { diagnostic, SlaError, type Diagnostic } from '../engine/diagnostics/index.ts';
import { HttpError } from './http-error.ts';

function toHttpError(error: FastifyError, request: FastifyRequest, bodyLimit: number): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof SlaError) return new HttpError(400, error.diagnostics);
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, [
        diagnostic('SLA7002', `the body is larger than the limit of ${bodyLimit} bytes`, {
          help: 'split a batch, or start the server with a larger --body-limit',
        }),
      ]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, [
        diagnostic('SLA7003', `unsupported content type \`${request.headers['content-type'] ?? ''}\``, { help: 'send the body as application/json' }),
      ]);
  }
  if (error.validation || error.code === 'FST_ERR_VALIDATION') return new HttpError(400, [diagnostic('SLA2001', error.message)]);
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new HttpError(status, [diagnostic('SLA7006', error.message)]);
  return undefined;
}

export function sendErrors(reply: FastifyReply, error: HttpError): FastifyReply {
  return reply.code(error.statusCode).headers(error.headers).type('application/json; charset=utf-8').send({ errors: error.diagnostics });
}

export function registerErrorHandlers(app: FastifyInstance, bodyLimit: number, onErrors: (ds: Diagnostic[]) => void): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let http = toHttpError(error, request, bodyLimit);
    if (!http) {
      request.log.error({ err: error }, 'internal error');
      http = new HttpError(500, [diagnostic('SLA7007', 'internal error', { help: `the server logged it with request id ${request.id}` })]);
    }
    onErrors(http.diagnostics);
    return sendErrors(reply, http);
  });
  app.setNotFoundHandler((request, reply) => {
    const http = new HttpError(404, [
      diagnostic('SLA7001', `no route ${request.method} ${request.url.split('?')[0]}`, { help: 'the routes are listed in /openapi.json' }),
    ]);
    onErrors(http.diagnostics);
    return sendErrors(reply, http);
  });
}
