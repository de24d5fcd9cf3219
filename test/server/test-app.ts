// An app over the bundled policies for the HTTP tests, silent, with any setting overridden.
import { fileURLToPath } from 'node:url';
import { buildApp, type AppOptions } from '../../server/app.ts';
import { DEFAULTS, type ServerConfig } from '../../server/config.ts';
import type { App } from '../../server/context.ts';

export const POLICIES = fileURLToPath(new URL('../../policies/', import.meta.url));

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  // building another app blocks the event loop long enough to trip the overload check of this one
  return {
    ...DEFAULTS,
    maxEventLoopDelayMs: 0,
    policiesDir: POLICIES,
    playgroundDir: fileURLToPath(new URL('./no-playground/', import.meta.url)),
    ...overrides,
  };
}

export async function testApp(overrides: Partial<ServerConfig> = {}, options: AppOptions = {}): Promise<App> {
  const app = await buildApp(testConfig(overrides), { logger: false, ...options });
  await app.ready();
  return app;
}

export const post = (app: App, url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });
