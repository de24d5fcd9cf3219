// An overloaded process answers 503 with a diagnostic and Retry-After, instead of queueing
// requests without bound, and does none of the refused requests' work.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { relokiaCase } from '../../server/examples.ts';
import { post, testApp } from './test-app.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('answers 503 while the event loop is delayed past the limit', async () => {
  const decisions = join(mkdtempSync(join(tmpdir(), 'sla-overload-')), 'decisions.ndjson');
  const app = await testApp({ maxEventLoopDelayMs: 20, decisionLog: decisions });
  try {
    await app.inject({ url: '/v1/policies' }); // the bundled policies are compiled
    await sleep(2100); // overload is judged from then on
    // one long block, as a stuck computation would cause: long enough that the mean delay of the
    // sampling interval it falls in is past the limit, wherever in the interval it starts
    const busyUntil = Date.now() + 3000;
    while (Date.now() < busyUntil);
    await sleep(20); // the overdue sample of the event-loop delay runs first
    const r = await post(app, '/v1/evaluate', { case: relokiaCase });
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('1');
    expect(r.json().errors).toEqual([expect.objectContaining({ code: 'SLA7005', message: 'the server is overloaded (event loop delayed)' })]);
  } finally {
    await app.close();
  }
  expect(readFileSync(decisions, 'utf8')).toBe(''); // the refused case was not evaluated
});

it('does not refuse requests for the delay of compiling the bundled policies at start', async () => {
  const app = await testApp({ maxEventLoopDelayMs: 1 });
  try {
    const r = await app.inject({ url: '/healthz' });
    expect(r.statusCode).toBe(200);
  } finally {
    await app.close();
  }
});
