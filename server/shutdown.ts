// Graceful shutdown: on SIGTERM or SIGINT stop accepting connections, finish every request in
// flight (open keep-alive connections get `Connection: close`), then resolve so the process can
// exit 0. A second signal during the drain is not caught, so it ends the process at once.
import type { App } from './context.ts';

/** Once the app is closing, every answer closes its connection: a request that was in flight when
 *  the close began would otherwise leave a keep-alive connection open (idle only after the close
 *  swept the idle ones), holding the process for the keep-alive timeout. */
export function closeConnectionsWhenDraining(app: App): void {
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (draining) reply.header('connection', 'close');
    return payload;
  });
}

export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** Resolves with the signal once the app has closed after it. */
export function closeOnSignal(app: App, signals: readonly NodeJS.Signals[] = SHUTDOWN_SIGNALS): Promise<NodeJS.Signals> {
  return new Promise((resolve, reject) => {
    const onSignal = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, onSignal);
      app.log.info({ signal }, 'shutting down: finishing the requests in flight');
      app.close().then(() => {
        app.log.info({ signal }, 'stopped');
        resolve(signal);
      }, reject);
    };
    for (const s of signals) process.once(s, onSignal);
  });
}
