// The OpenAPI document: valid OpenAPI 3.1, every route of the contract in it, each route's
// examples valid against the schemas the document gives, and the typed client calling only
// routes the document has.
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ROUTES } from '../../server/client.ts';
import type { App } from '../../server/context.ts';
import { testApp } from './test-app.ts';

interface Media {
  schema: object;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
interface Operation {
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

let app: App;
let doc: Doc;
beforeAll(async () => {
  app = await testApp();
  const r = await app.inject({ url: '/openapi.json' });
  expect(r.statusCode).toBe(200);
  doc = r.json();
});
afterAll(() => app.close());

const examplesOf = (m: Media) => [...(m.example !== undefined ? [m.example] : []), ...Object.values(m.examples ?? {}).map((e) => e.value)];
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })));

it('is a valid OpenAPI 3.1 document', async () => {
  expect(doc.openapi).toBe('3.1.0');
  const result = await new Validator().validate(doc);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
});

it('has every route of the contract', () => {
  expect(
    operations()
      .map((o) => o.route)
      .sort(),
  ).toEqual(
    [
      'POST /v1/evaluate',
      'POST /v1/evaluate/batch',
      'POST /v1/check',
      'POST /v1/compile',
      'GET /v1/policies',
      'GET /v1/policies/{id}',
      'GET /healthz',
      'GET /readyz',
      'GET /metrics',
    ].sort(),
  );
});

describe('every route has examples that validate against its schemas', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  it.each([
    'POST /v1/evaluate',
    'POST /v1/evaluate/batch',
    'POST /v1/check',
    'POST /v1/compile',
    'GET /v1/policies',
    'GET /v1/policies/{id}',
    'GET /healthz',
    'GET /readyz',
  ])('%s', (route) => {
    const { op } = operations().find((o) => o.route === route)!;
    const media = [...Object.values(op.requestBody?.content ?? {}), ...Object.values(op.responses).flatMap((r) => Object.values(r.content ?? {}))];
    const examples = media.flatMap((m) => examplesOf(m).map((example) => ({ schema: m.schema, example })));
    expect(examples.length).toBeGreaterThan(0);
    for (const { schema, example } of examples) {
      const validate = ajv.compile(schema);
      expect(validate(example) ? [] : validate.errors).toEqual([]);
    }
  });
});

it('the examples are answered as documented: 200, with a body the response schema accepts', async () => {
  // the answers are written with JSON.stringify, not by a serializer made from the schema: nothing
  // but this keeps a field the schema does not know out of them
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  for (const { route, op } of operations()) {
    const body = op.requestBody?.content['application/json'];
    if (!body) continue;
    const validate = ajv.compile(op.responses['200'].content!['application/json'].schema);
    for (const example of examplesOf(body)) {
      const r = await app.inject({ method: 'POST', url: route.split(' ')[1], payload: example as object });
      expect(r.statusCode, `${route} ${JSON.stringify(example).slice(0, 80)}`).toBe(200);
      expect(validate(r.json()) ? [] : validate.errors, route).toEqual([]);
    }
  }
});

it('the typed client calls only routes of the document', () => {
  const routes = new Set(operations().map((o) => o.route));
  for (const route of Object.values(CLIENT_ROUTES)) expect(routes).toContain(route);
});
