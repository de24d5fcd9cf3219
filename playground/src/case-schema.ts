// A JSON Schema for cases under the current policy, built from its declarations, so the case
// editor completes plan options, fact names and event types with their attributes.
import type { AttributeDecl, FactDecl } from '../../engine/ir/schema.ts';
import type { Declarations } from './worker/protocol.ts';

const INSTANT = { type: 'string', description: 'an ISO 8601 instant with an offset or Z, e.g. 2025-03-10T12:00:00+02:00' };

function value(d: FactDecl | AttributeDecl): object {
  return {
    type: d.type === 'integer' ? 'integer' : d.type,
    ...(d.enum ? { enum: d.enum } : {}),
    ...(d.minimum !== undefined ? { minimum: d.minimum } : {}),
    ...(d.description ? { description: d.description } : {}),
    ...(d.default !== undefined ? { default: d.default } : {}),
  };
}

export function caseSchema(d: Declarations): object {
  const record = <T>(entries: Record<string, T> | undefined, f: (x: T) => object) =>
    Object.fromEntries(Object.entries(entries ?? {}).map(([k, v]) => [k, f(v)]));
  return {
    type: 'object',
    additionalProperties: false,
    required: ['at'],
    properties: {
      policy: { type: 'string', description: 'the policy id' },
      at: { ...INSTANT, description: '"now": the instant the questions are asked at' },
      plans: {
        type: 'object',
        additionalProperties: false,
        properties: record(d.plans, (p) => ({ enum: p.options, ...(p.description ? { description: p.description } : {}) })),
      },
      facts: { type: 'object', additionalProperties: false, properties: record(d.facts, value) },
      events: {
        type: 'array',
        items: {
          anyOf: Object.entries(d.events).map(([type, e]) => ({
            type: 'object',
            additionalProperties: false,
            required: [
              'type',
              'at',
              ...Object.entries(e.attributes ?? {})
                .filter(([, a]) => a.required !== false && a.default === undefined)
                .map(([k]) => k),
            ],
            ...(e.description ? { description: e.description } : {}),
            properties: { type: { const: type }, at: INSTANT, ...(e.duration ? { until: INSTANT } : {}), ...record(e.attributes, value) },
          })),
        },
      },
    },
  };
}
