// Over a real socket, through the typed client: the answers equal the library's for every bundled
// test case, 100 concurrent clients all get their right answers, and an oversized body gets 413.
import { request } from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, loadPolicy, policyDigest, type Answer, type Case, type CompiledPolicy } from '../../engine/index.ts';
import { createClient, SlaHttpError, type SlaClient } from '../../server/client.ts';
import type { App } from '../../server/context.ts';
import { relokiaCase } from '../../server/examples.ts';
import { bundledCases, policySource } from '../fixtures/bundled-cases.ts';
import { testApp } from './test-app.ts';

let app: App;
let url: string;
let client: SlaClient;
beforeAll(async () => {
  app = await testApp();
  url = await app.listen({ host: '127.0.0.1', port: 0 });
  client = createClient(url);
});
afterAll(() => app.close());

const cases = bundledCases();

const compiled = new Map<string, CompiledPolicy>();

/** The library's answer, stamped with the digest as the server does. */
async function libraryAnswer(policy: string, kase: Case): Promise<Answer> {
  if (!compiled.has(policy)) compiled.set(policy, compilePolicy(loadPolicy({ source: policySource(policy), file: `${policy}.yaml` })));
  const answer = await evaluate(compiled.get(policy)!, kase, { lang: 'en' });
  return { ...answer, policy: { ...answer.policy, digest: await policyDigest(compiled.get(policy)!) } };
}

describe("answers over HTTP equal the library's, for every bundled test case", () => {
  for (const c of cases)
    it(`${c.file}: ${c.name}`, async () => {
      const kase = { ...c.case, policy: c.policy };
      expect(await client.evaluate({ case: kase, explain: 'full' })).toEqual(await libraryAnswer(c.policy, kase));
    });
});

it('100 concurrent clients × 5 requests each get their own right answers, with no error', async () => {
  const sample = cases.filter((_, i) => i % Math.ceil(cases.length / 20) === 0);
  const expected = await Promise.all(sample.map((c) => libraryAnswer(c.policy, { ...c.case, policy: c.policy })));
  const clients = Array.from({ length: 100 }, (_, k) => createClient(url, { headers: { 'x-client': String(k) } }));
  const results = await Promise.all(
    clients.map(async (cl, k) => {
      const got: { index: number; answer: Answer }[] = [];
      for (let r = 0; r < 5; r++) {
        const index = (k * 5 + r) % sample.length;
        const c = sample[index];
        got.push({ index, answer: (await cl.evaluate({ case: { ...c.case, policy: c.policy }, explain: 'full' })) as Answer });
      }
      return got;
    }),
  );
  const flat = results.flat();
  expect(flat).toHaveLength(500);
  const wrong = flat.filter(({ index, answer }) => !isDeepStrictEqual(answer, expected[index]));
  expect(wrong.map((w) => sample[w.index].name)).toEqual([]);
}, 120_000);

it('413 JSON for a body of 1 MiB + 1 byte, sent over the socket', async () => {
  const body = `{"source":"${'x'.repeat(1024 * 1024 + 1 - '{"source":""}'.length)}"}`;
  expect(Buffer.byteLength(body)).toBe(1024 * 1024 + 1);
  const { status, type, text } = await new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const req = request(
      `${url}/v1/check`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  expect(status).toBe(413);
  expect(type).toMatch(/^application\/json/);
  expect(JSON.parse(text).errors[0].code).toBe('SLA7002');
});

it('the client throws the diagnostics of an error answer', async () => {
  const error = await client.evaluate({ case: { ...relokiaCase, policy: 'nope' } }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SlaHttpError);
  expect((error as SlaHttpError).status).toBe(404);
  expect((error as SlaHttpError).errors[0].code).toBe('SLA4012');
  expect((await client.ready()).ready).toBe(true);
  expect((await client.policy('relokia')).id).toBe('relokia');
});
