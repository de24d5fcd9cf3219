// An overloaded process answers 503 with a diagnostic and Retry-After, instead of queueing
// requests without bound.
import { expect, it } from 'vitest';
import { testApp } from './test-app.ts';

it('answers 503 while the event loop is delayed past the limit', async () => {
  const app = await testApp({ maxEventLoopDelayMs: 50 });
  try {
    const busyUntil = Date.now() + 1500; // one long block, as a stuck evaluation would cause
    while (Date.now() < busyUntil);
    await new Promise((r) => setTimeout(r, 20)); // the overdue sample of the event-loop delay runs first
    const r = await app.inject({ url: '/healthz' });
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('1');
    expect(r.json().errors).toEqual([expect.objectContaining({ code: 'SLA6005' })]);
  } finally {
    await app.close();
  }
});
