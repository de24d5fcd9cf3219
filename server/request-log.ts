// One JSON log line per request (pino, through fastify): request id, method, route, status,
// duration and the policy digest it was answered under. Fastify's own two lines per request
// (incoming, completed) are replaced by this one, and an `incoming request` line at debug level.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

export class RequestLog extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'request_id' });
  }

  /** at debug level only: the line that says a request was accepted (shutdown tests rely on it) */
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ method: request.method, url: request.url }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? null,
      url: request.url,
      status: reply.statusCode,
      duration_ms: Math.round(reply.elapsedTime * 1000) / 1000,
      ...(request.slaPolicy ? { policy: request.slaPolicy.id, digest: request.slaPolicy.digest } : {}),
    };
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else reply.log.info(line, 'request');
  }

  override routeNotFound(): void {}
}
