// --watch: a policy whose file changes is reloaded; one that no longer checks keeps its last good
// version serving and is reported by /readyz until its file checks again.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { App } from '../../server/context.ts';
import { POLICIES, testApp } from './test-app.ts';

const until = async (what: string, check: () => Promise<boolean>) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const digestOf = async (app: App) => (await app.inject({ url: '/v1/policies/data2crm' })).json().digest as string;

it('reloads a changed policy, and keeps the last good one while the file does not check', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sla-watch-'));
  copyFileSync(join(POLICIES, 'data2crm.yaml'), join(dir, 'data2crm.yaml'));
  const original = readFileSync(join(dir, 'data2crm.yaml'), 'utf8');
  const app = await testApp({ policiesDir: dir, watch: true });
  try {
    const first = await digestOf(app);

    writeFileSync(join(dir, 'data2crm.yaml'), original.replace(/^version: .*$/m, 'version: "2099-01-01"'));
    await until('the reload', async () => (await digestOf(app)) !== first);
    const second = await digestOf(app);
    expect((await app.inject({ url: '/v1/policies/data2crm' })).json().version).toBe('2099-01-01');

    writeFileSync(join(dir, 'data2crm.yaml'), original.replace(/^zone: .*$/m, 'zone: Mars/Olympus'));
    await until('the failed reload', async () => (await app.inject({ url: '/readyz' })).json().problems.length > 0);
    const ready = (await app.inject({ url: '/readyz' })).json();
    expect(ready.problems).toEqual([{ id: 'data2crm', errors: [expect.objectContaining({ code: 'SLA3007' })] }]);
    expect(ready.ready).toBe(true); // every policy still has a good version serving
    expect(await digestOf(app)).toBe(second);

    writeFileSync(join(dir, 'data2crm.yaml'), original);
    await until('the recovery', async () => (await app.inject({ url: '/readyz' })).json().problems.length === 0);
    expect(await digestOf(app)).toBe(first);
  } finally {
    await app.close();
  }
});

it('is not ready while a policy of the folder has never checked', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sla-broken-'));
  copyFileSync(join(POLICIES, 'data2crm.yaml'), join(dir, 'data2crm.yaml'));
  writeFileSync(join(dir, 'broken.yaml'), 'id: broken\n');
  const app = await testApp({ policiesDir: dir });
  await app.inject({ url: '/v1/policies' }); // waits for the first load
  const r = await app.inject({ url: '/readyz' });
  await app.close();
  expect(r.statusCode).toBe(503);
  expect(r.json()).toMatchObject({ ready: false, policies: [{ id: 'data2crm' }], problems: [{ id: 'broken' }] });
});
