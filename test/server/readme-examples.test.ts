// The README's "HTTP API" examples work when pasted: each curl command is run by the shell against
// a live server (its address put in place of 127.0.0.1:8080), and answers as the README says.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../server/context.ts';
import { ROOT } from '../cli/run-sla.ts';
import { testApp } from './test-app.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## HTTP API'), readme.indexOf('\n## ', readme.indexOf('## HTTP API') + 5));
const commands = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].split(/\n(?=curl )/).map((c) => c.trim()));

let app: App;
let address: string;
beforeAll(async () => {
  app = await testApp();
  address = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('http://', '');
});
afterAll(() => app.close());

const sh = (command: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile('sh', ['-c', command.replaceAll('127.0.0.1:8080', address)], { cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    ),
  );

it('has the curl examples of evaluate, timeline, batch, check and the policies', () => {
  expect(commands.length).toBeGreaterThanOrEqual(7);
  for (const route of ['/v1/evaluate', '/v1/evaluate/batch', '/v1/check', '/v1/policies']) expect(commands.some((c) => c.includes(route))).toBe(true);
});

it('every example runs and answers JSON; only the error example answers errors', async () => {
  for (const command of commands) {
    const r = await sh(command);
    expect(r.stderr, command).toBe('');
    expect(r.code, command).toBe(0);
    if (command.includes('-D -')) {
      expect(r.stdout).toMatch(/^HTTP\/1\.1 200/);
      expect(r.stdout).toMatch(/^etag: "[0-9a-f]{64}"/m);
      continue;
    }
    const body = JSON.parse(r.stdout);
    const expectsErrors = command.includes('platinum');
    expect('errors' in body, command).toBe(expectsErrors);
    if (command.includes('/batch')) {
      expect(body.results.acme.answer.policy.id).toBe('relokia');
      expect(body.results.globex.errors[0]).toMatchObject({ code: 'SLA4002', path: '/cases/globex/at' });
    }
    if (command.includes('"at": [')) expect(body.timeline).toHaveLength(3);
    if (command.includes('/check')) expect(body.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
  }
});

it('shows the error answer as the server gives it', async () => {
  const shown = JSON.parse(/```json\n(.*)\n```/.exec(section)![1]) as { errors: { help: string }[] };
  const r = await sh(commands.find((c) => c.includes('platinum'))!);
  const got = JSON.parse(r.stdout) as typeof shown;
  expect({ ...got.errors[0], help: 'expected one of …' }).toEqual(shown.errors[0]);
});
