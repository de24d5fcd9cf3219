// Starts the HTTP API: builds the app, listens, and closes gracefully on SIGTERM or SIGINT.
import type { ServerConfig } from './config.ts';
import { buildApp } from './app.ts';
import { closeOnSignal } from './shutdown.ts';

export interface RunningServer {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  /** resolves once a signal has closed the server and every request in flight is answered */
  stopped: Promise<NodeJS.Signals>;
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const app = await buildApp(config, { processMetrics: true });
  const stopped = closeOnSignal(app);
  await app.listen({ host: config.host, port: config.port, listenTextResolver: (address) => `listening on ${address}` });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return { url: `http://${host}:${port}`, stopped };
}
