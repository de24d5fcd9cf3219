// Every route of the HTTP API and every error it answers, through fastify's inject.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchExample, policySourceExample, relokiaCase } from '../../server/examples.ts';
import type { App } from '../../server/context.ts';
import { policySource } from '../fixtures/bundled-cases.ts';
import { post, testApp } from './test-app.ts';

let app: App;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const DIGEST = /^[0-9a-f]{64}$/;
const errorsOf = (body: string) => (JSON.parse(body) as { errors: { code: string; path?: string; message: string; line?: number; column?: number }[] }).errors;

describe('POST /v1/evaluate', () => {
  it('answers a case under the bundled policy it names, with the policy digest', async () => {
    const r = await post(app, '/v1/evaluate', { case: relokiaCase });
    expect(r.statusCode).toBe(200);
    const answer = r.json();
    expect(answer.policy).toEqual({ id: 'relokia', version: '2024-10-27', digest: expect.stringMatching(DIGEST) });
    expect(answer.deadlines).toContainEqual(expect.objectContaining({ id: 'first_response', subject: 'T-1', status: 'met' }));
    expect(r.headers['x-request-id']).toBeTruthy();
  });

  it('explains clauses by default, with conditions only for explain: full, nothing for none', async () => {
    const [clauses, full, none] = await Promise.all(
      [undefined, 'full', 'none'].map((explain) => post(app, '/v1/evaluate', { case: relokiaCase, ...(explain ? { explain } : {}) }).then((r) => r.json())),
    );
    const some = Object.values(clauses.explanations) as { text: string; conditions: unknown[] }[];
    expect(some.length).toBeGreaterThan(0);
    expect(some.every((e) => e.text.length > 0 && e.conditions.length === 0)).toBe(true);
    expect((Object.values(full.explanations) as { conditions: unknown[] }[]).some((e) => e.conditions.length > 0)).toBe(true);
    expect(none.explanations).toEqual({});
    expect(none.deadlines).toEqual(full.deadlines);
  });

  it('answers a timeline, one answer per instant of `at`', async () => {
    const { at: _, ...kase } = relokiaCase;
    const at = ['2025-03-08T00:00:00+02:00', '2025-03-10T12:00:00+02:00', '2025-04-01T12:00:00+03:00'];
    const r = await post(app, '/v1/evaluate', { case: kase, at, explain: 'none' });
    expect(r.statusCode).toBe(200);
    const { timeline } = r.json();
    expect(timeline.map((a: { at: string }) => Date.parse(a.at))).toEqual(at.map((s) => Date.parse(s)));
    // events after an instant have not happened yet at that instant
    expect(timeline[0].warnings.length).toBeGreaterThan(0);
    expect(timeline[1].warnings).toEqual([]);
  });

  it('points at the bad instant of a timeline', async () => {
    const r = await post(app, '/v1/evaluate', { case: relokiaCase, at: ['2025-03-08T00:00:00+02:00', '2025-03-10T12:00:00'] });
    expect(r.statusCode).toBe(400);
    expect(errorsOf(r.body)).toEqual([expect.objectContaining({ code: 'SLA4002', path: '/at/1' })]);
  });

  it('answers under a posted policy, YAML or DSL, with the same digest for both forms', async () => {
    const yaml = await post(app, '/v1/evaluate', { case: relokiaCase, policy: { source: policySource('relokia') } });
    const dsl = await post(app, '/v1/evaluate', { case: relokiaCase, policy: { source: policySource('relokia', 'sla'), format: 'dsl' } });
    const bundled = await post(app, '/v1/evaluate', { case: relokiaCase });
    expect([yaml.statusCode, dsl.statusCode]).toEqual([200, 200]);
    expect(yaml.json()).toEqual(bundled.json());
    expect(dsl.json().policy.digest).toBe(yaml.json().policy.digest);
  });

  it('400 for a case the policy does not accept, each problem pointing into the body', async () => {
    const r = await post(app, '/v1/evaluate', {
      case: { ...relokiaCase, plans: { support: 'platinum' }, events: [{ type: 'ticket_opend', at: '2025-03-07T21:30:00+02:00' }] },
    });
    expect(r.statusCode).toBe(400);
    const errors = errorsOf(r.body);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'SLA4007', path: '/case/plans/support' }));
    expect(errors).toContainEqual(expect.objectContaining({ code: 'SLA4004', path: '/case/events/0/type', message: 'unknown event type `ticket_opend`' }));
  });

  it('400 for a body of the wrong shape, before any work', async () => {
    const r = await post(app, '/v1/evaluate', { case: { ...relokiaCase, facts: { migration_price: { amount: 1 } } }, explain: 'some', extra: 1 });
    expect(r.statusCode).toBe(400);
    const errors = errorsOf(r.body);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'SLA2002', path: '/extra' }));
    expect(errors).toContainEqual(expect.objectContaining({ path: '/explain' }));
    expect(errors).toContainEqual(expect.objectContaining({ path: '/case/facts/migration_price' }));
  });

  it('400 for an invalid posted policy, with the line and column in its source', async () => {
    const source = policySource('data2crm').replace(/zone: .*/, 'zone: Mars/Olympus');
    const r = await post(app, '/v1/evaluate', { case: { at: '2025-01-01T00:00:00Z' }, policy: { source } });
    expect(r.statusCode).toBe(400);
    const [e] = errorsOf(r.body);
    expect(e).toMatchObject({ code: 'SLA3007', line: expect.any(Number), column: expect.any(Number) });
  });

  it('404 for an unknown policy, suggesting the near miss', async () => {
    const r = await post(app, '/v1/evaluate', { case: { ...relokiaCase, policy: 'relokya' } });
    expect(r.statusCode).toBe(404);
    expect(errorsOf(r.body)).toEqual([expect.objectContaining({ code: 'SLA4012', path: '/case/policy', help: 'did you mean `relokia`?' })]);
  });

  it('400 when the case names no policy and none is posted', async () => {
    const { policy: _, ...kase } = relokiaCase;
    const r = await post(app, '/v1/evaluate', { case: kase });
    expect(r.statusCode).toBe(400);
    expect(errorsOf(r.body)).toEqual([expect.objectContaining({ code: 'SLA4009', path: '/case/policy' })]);
  });
});

describe('POST /v1/evaluate/batch', () => {
  it('answers each key, and one bad case does not fail the others', async () => {
    const body = {
      ...batchExample,
      cases: { ...batchExample.cases, 'bad/one': { at: 'yesterday' }, other: { policy: 'nope', at: '2025-03-10T12:00:00+02:00' } },
    };
    const r = await post(app, '/v1/evaluate/batch', body);
    expect(r.statusCode).toBe(200);
    const { results } = r.json();
    expect(Object.keys(results)).toEqual(['ticket-T-1', 'ticket-T-2', 'bad/one', 'other']);
    expect(results['ticket-T-1'].answer.deadlines).toContainEqual(expect.objectContaining({ subject: 'T-1', status: 'pending' }));
    expect(results['ticket-T-2'].answer.deadlines).toContainEqual(expect.objectContaining({ subject: 'T-1', status: 'met' }));
    expect(results['bad/one'].errors).toEqual([expect.objectContaining({ code: 'SLA4003', path: '/cases/bad~1one/at' })]);
    expect(results.other.errors).toEqual([expect.objectContaining({ code: 'SLA4012', path: '/cases/other/policy' })]);
  });

  it('merges `common` into each case: plans and facts by key, events first', async () => {
    const single = await post(app, '/v1/evaluate', { case: relokiaCase, explain: 'none' });
    const { plans, facts, events, ...rest } = relokiaCase;
    const r = await post(app, '/v1/evaluate/batch', {
      common: { plans, facts: { ...facts, migration_price: 1 }, events: events.slice(0, 3) },
      cases: { k: { ...rest, facts: { migration_price: facts.migration_price }, events: events.slice(3) } },
      explain: 'none',
    });
    expect(r.json().results.k.answer).toEqual(single.json());
  });

  it('400 for more cases than the limit', async () => {
    const small = await testApp({ batchLimit: 2 });
    const r = await post(small, '/v1/evaluate/batch', { cases: { a: relokiaCase, b: relokiaCase, c: relokiaCase } });
    await small.close();
    expect(r.statusCode).toBe(400);
    expect(errorsOf(r.body)[0].path).toBe('/cases');
  });
});

describe('POST /v1/check and /v1/compile', () => {
  it('check lists the problems of a source, none for a good one', async () => {
    expect((await post(app, '/v1/check', policySourceExample)).json()).toEqual({ diagnostics: [] });
    const r = await post(app, '/v1/check', { source: policySourceExample.source.replace('ticket_answered }', 'ticket_answerd }') });
    expect(r.statusCode).toBe(200);
    expect(r.json().diagnostics).toContainEqual(expect.objectContaining({ code: 'SLA3003', severity: 'error', line: expect.any(Number) }));
  });

  it('compile gives the rules, the IR and the digest; the same source twice compiles once', async () => {
    const fresh = await testApp();
    const a = await post(fresh, '/v1/compile', policySourceExample);
    const b = await post(fresh, '/v1/compile', policySourceExample);
    const metrics = (await fresh.inject({ url: '/metrics' })).body;
    await fresh.close();
    expect(a.statusCode).toBe(200);
    expect(a.json()).toEqual(b.json());
    expect(a.json().rules.length).toBeGreaterThan(0);
    expect(a.json().policy.id).toBe('tiny');
    expect(a.json().digest).toMatch(DIGEST);
    expect(metrics).toMatch(/sla_policy_cache_lookups_total\{result="miss"\} 1\n/);
    expect(metrics).toMatch(/sla_policy_cache_lookups_total\{result="hit"\} 1\n/);
  });

  it('compile answers 400 for an invalid source', async () => {
    const r = await post(app, '/v1/compile', { source: 'id: [unclosed' });
    expect(r.statusCode).toBe(400);
    expect(errorsOf(r.body)[0].code).toBe('SLA1001');
  });
});

describe('GET /v1/policies', () => {
  it('lists the bundled policies with their forms and digests', async () => {
    const list = (await app.inject({ url: '/v1/policies' })).json();
    expect(list.map((p: { id: string }) => p.id)).toEqual(['cart2cart', 'crmonline', 'data2crm', 'relokia']);
    expect(list[0]).toEqual({
      id: 'cart2cart',
      version: expect.any(String),
      title: expect.any(String),
      formats: ['yaml', 'dsl'],
      digest: expect.stringMatching(DIGEST),
    });
  });

  it('sends a policy with its digest as ETag, and 304 for If-None-Match', async () => {
    const r = await app.inject({ url: '/v1/policies/relokia' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id: 'relokia', format: 'yaml', source: policySource('relokia') });
    expect(r.headers.etag).toBe(`"${r.json().digest}"`);
    const again = await app.inject({ url: '/v1/policies/relokia', headers: { 'if-none-match': r.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const stale = await app.inject({ url: '/v1/policies/relokia', headers: { 'if-none-match': `"${'0'.repeat(64)}"` } });
    expect(stale.statusCode).toBe(200);
  });

  it('404 for an unknown policy', async () => {
    const r = await app.inject({ url: '/v1/policies/cart2kart' });
    expect(r.statusCode).toBe(404);
    expect(errorsOf(r.body)).toEqual([expect.objectContaining({ code: 'SLA4012', help: 'did you mean `cart2cart`?' })]);
  });
});

describe('errors', () => {
  it('400 for bad JSON, with where the parser stopped', async () => {
    const r = await app.inject({ method: 'POST', url: '/v1/evaluate', headers: { 'content-type': 'application/json' }, payload: '{\n  "case": {,\n}' });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(errorsOf(r.body)).toEqual([expect.objectContaining({ code: 'SLA1010', line: 2, column: 12 })]);
  });

  it('400 for an empty body', async () => {
    const r = await app.inject({ method: 'POST', url: '/v1/check', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(r.statusCode).toBe(400);
    expect(errorsOf(r.body)[0].code).toBe('SLA1006');
  });

  it('415 for a body that is not JSON', async () => {
    const r = await app.inject({ method: 'POST', url: '/v1/check', headers: { 'content-type': 'application/x-yaml' }, payload: 'source: x' });
    expect(r.statusCode).toBe(415);
    expect(errorsOf(r.body)[0].code).toBe('SLA7003');
  });

  it('413 for a body one byte over the limit, 1 MiB by default', async () => {
    const limit = 1024 * 1024;
    const payload = (n: number) => `{"source":"${'x'.repeat(n - '{"source":""}'.length)}"}`;
    expect((await app.inject({ method: 'POST', url: '/v1/check', headers: { 'content-type': 'application/json' }, payload: payload(limit) })).statusCode).toBe(
      200,
    );
    const r = await app.inject({ method: 'POST', url: '/v1/check', headers: { 'content-type': 'application/json' }, payload: payload(limit + 1) });
    expect(r.statusCode).toBe(413);
    expect(errorsOf(r.body)).toEqual([expect.objectContaining({ code: 'SLA7002', message: 'the body is larger than the limit of 1048576 bytes' })]);
  });

  it('404 JSON for an unknown route or method', async () => {
    for (const [method, url] of [
      ['GET', '/v2/evaluate'],
      ['DELETE', '/v1/policies/relokia'],
      ['GET', '/index.php'],
    ] as const) {
      const r = await app.inject({ method, url });
      expect(r.statusCode).toBe(404);
      expect(errorsOf(r.body)[0].code).toBe('SLA7001');
    }
  });

  it('503 when the evaluation outruns the time budget', async () => {
    const tight = await testApp({ timeBudgetMs: 1 });
    const { at: _, ...kase } = relokiaCase;
    const at = Array.from({ length: 50 }, (_, i) => new Date(Date.UTC(2025, 2, 1 + (i % 28), 12)).toISOString());
    const r = await post(tight, '/v1/evaluate', { case: kase, at, explain: 'none' });
    await tight.close();
    expect(r.statusCode).toBe(503);
    expect(errorsOf(r.body)).toEqual([expect.objectContaining({ code: 'SLA7004' })]);
  });
});

describe('operations', () => {
  it('/healthz answers at once, /readyz once every bundled policy is compiled', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ ok: true });
    await app.inject({ url: '/v1/policies' }); // waits for the load
    const r = await app.inject({ url: '/readyz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ready: true, problems: [] });
    expect(r.json().policies).toHaveLength(4);
  });

  it('/metrics has request durations by route and policy, evaluations and errors by code', async () => {
    await post(app, '/v1/evaluate', { case: relokiaCase });
    await post(app, '/v1/evaluate', { case: { ...relokiaCase, at: 'now' } });
    const r = await app.inject({ url: '/metrics' });
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    expect(r.body).toMatch(/sla_http_request_duration_seconds_count\{method="POST",route="\/v1\/evaluate",status="200",policy="relokia"\} \d+/);
    expect(r.body).toMatch(/sla_evaluations_total\{policy="relokia",outcome="answer"\} \d+/);
    expect(r.body).toMatch(/sla_errors_total\{code="SLA4003"\} \d+/);
    expect(r.body).toMatch(/sla_policy_cache_size \d+/);
  });

  it('writes one decision-log line per answer, with the digest, a hash of the case and the clauses', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sla-decisions-')), 'decisions.ndjson');
    const logged = await testApp({ decisionLog: file });
    const one = await post(logged, '/v1/evaluate', { case: relokiaCase });
    await post(logged, '/v1/evaluate/batch', batchExample);
    await logged.close();
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      request_id: one.headers['x-request-id'],
      policy: one.json().policy,
      at: one.json().at,
      case_sha256: expect.stringMatching(DIGEST),
    });
    expect(lines[0].clauses).toContain('response-times');
    expect(lines.slice(1).map((l) => l.key)).toEqual(['ticket-T-1', 'ticket-T-2']);
    // ticket-T-2 with `common` merged in is the very case of the first request
    expect(lines[2].case_sha256).toBe(lines[0].case_sha256);
    expect(lines[1].case_sha256).not.toBe(lines[0].case_sha256);
  });

  it('keeps a request id the caller sends', async () => {
    const r = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(r.headers['x-request-id']).toBe('abc-123');
  });
});
