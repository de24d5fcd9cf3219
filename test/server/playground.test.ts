// GET / serves the playground's built files when the folder has them, and otherwise a page that
// says how to build it and links to the API's description.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { testApp } from './test-app.ts';

it('serves the built playground from its folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sla-playground-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Playground</title><script src="/assets/app.js"></script>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("playground")');
  const app = await testApp({ playgroundDir: dir });
  const page = await app.inject({ url: '/' });
  const script = await app.inject({ url: '/assets/app.js' });
  const missing = await app.inject({ url: '/assets/nope.js' });
  const api = await app.inject({ url: '/healthz' });
  await app.close();
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-type']).toMatch(/^text\/html/);
  expect(page.body).toContain('<title>Playground</title>');
  expect(script.statusCode).toBe(200);
  expect(script.body).toBe('console.log("playground")');
  // a file that is not there is the API's JSON 404, not an HTML page
  expect(missing.statusCode).toBe(404);
  expect(missing.json().errors[0].code).toBe('SLA7001');
  expect(api.json()).toEqual({ ok: true });
});

it('says the playground is not built, and how to build it, when the folder is absent', async () => {
  const app = await testApp({ playgroundDir: join(tmpdir(), 'sla-no-such-playground') });
  const page = await app.inject({ url: '/' });
  await app.close();
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-type']).toMatch(/^text\/html/);
  expect(page.body).toContain('not built');
  expect(page.body).toContain('npm run build:playground');
  expect(page.body).toContain('<a href="/openapi.json">');
});
