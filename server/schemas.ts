// The bodies of the HTTP API as JSON Schemas (TypeBox), built from the engine's schemas of the
// case, the answer, the diagnostics and the policy IR. They validate requests, serialise answers
// and make the OpenAPI document. Limits (batch and timeline sizes) come from the configuration.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Policy } from '../engine/ir/schema.ts';
import { Answer } from '../engine/schemas/answer.ts';
import { Instant, PartialCase } from '../engine/schemas/case.ts';
import { Diagnostic, ErrorBody } from '../engine/schemas/diagnostic.ts';
import { batchExample, evaluateExample, policySourceExample, timelineExample } from './examples.ts';

const Opt = Type.Optional;
const closed = { additionalProperties: false } as const;

export const Format = Type.Union([Type.Literal('yaml'), Type.Literal('dsl')], { description: 'default yaml' });
export const Explain = Type.Union([Type.Literal('none'), Type.Literal('clauses'), Type.Literal('full')], {
  description: "none: no explanations; clauses (default): each cited clause's text; full: also the conditions that decided, with the values they saw",
});
export type Explain = Static<typeof Explain>;

export const PolicySource = Type.Object(
  { source: Type.String({ description: 'the policy text, YAML or the .sla DSL' }), format: Opt(Format) },
  { ...closed, title: 'PolicySource' },
);
export type PolicySource = Static<typeof PolicySource>;

const Lang = Type.String({ pattern: '^[a-z]{2}$', description: 'the language of clause texts: en (default), uk, fa' });
const Digest = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'sha-256 of the canonical compiled policy' });

export interface Limits {
  batchLimit: number;
  timelineLimit: number;
}

export function evaluateBody(limits: Limits) {
  return Type.Object(
    {
      case: PartialCase,
      at: Opt(
        Type.Array(Instant, {
          minItems: 1,
          maxItems: limits.timelineLimit,
          description: 'a timeline: the case answered at each of these instants (its own `at` is then not needed)',
        }),
      ),
      policy: Opt(PolicySource),
      lang: Opt(Lang),
      explain: Opt(Explain),
    },
    { ...closed, title: 'EvaluateRequest', examples: [evaluateExample, timelineExample] },
  );
}
export type EvaluateBody = Static<ReturnType<typeof evaluateBody>>;

export const Timeline = Type.Object({ timeline: Type.Array(Answer) }, { ...closed, title: 'Timeline' });

export function batchBody(limits: Limits) {
  return Type.Object(
    {
      cases: Type.Record(Type.String({ minLength: 1 }), PartialCase, {
        minProperties: 1,
        maxProperties: limits.batchLimit,
        description: `up to ${limits.batchLimit} cases by key`,
      }),
      common: Opt(
        Type.Object(PartialCase.properties, {
          ...closed,
          description: "merged into each case: `plans` and `facts` key by key (the case wins), `events` before the case's",
        }),
      ),
      policy: Opt(PolicySource),
      lang: Opt(Lang),
      explain: Opt(Explain),
    },
    { ...closed, title: 'BatchRequest', examples: [batchExample] },
  );
}
export type BatchBody = Static<ReturnType<typeof batchBody>>;

export const BatchResult = Type.Object(
  { answer: Opt(Answer), errors: Opt(Type.Array(Diagnostic)) },
  { ...closed, title: 'BatchResult', description: 'the answer, or the diagnostics of this case alone' },
);
export const BatchAnswer = Type.Object({ results: Type.Record(Type.String(), BatchResult) }, { ...closed, title: 'BatchResponse' });
export type BatchAnswer = Static<typeof BatchAnswer>;

export const SourceBody = Type.Object(PolicySource.properties, { ...closed, title: 'PolicySourceRequest', examples: [policySourceExample] });

export const CheckAnswer = Type.Object({ diagnostics: Type.Array(Diagnostic) }, { ...closed, title: 'CheckResponse' });
export const CompileAnswer = Type.Object(
  {
    rules: Type.Array(Type.Unknown(), { description: 'json-rules-engine rules (plain JSON)' }),
    policy: Type.Omit(Policy, ['$schema'], { description: 'the policy IR the rules were compiled from' }),
    digest: Digest,
  },
  { ...closed, title: 'CompileResponse' },
);

const PolicyMeta = {
  id: Type.String(),
  version: Type.String(),
  title: Type.String(),
  formats: Type.Array(Format, { description: 'the forms the policy exists in' }),
  digest: Digest,
};
export const PolicySummary = Type.Object(PolicyMeta, { ...closed, title: 'PolicySummary' });
export type PolicySummary = Static<typeof PolicySummary>;
export const PolicyList = Type.Array(PolicySummary, {
  examples: [[{ id: 'relokia', version: '2024-10-27', title: 'Relokia', formats: ['yaml', 'dsl'], digest: '0'.repeat(64) }]],
});
export const PolicyDetail = Type.Object(
  { ...PolicyMeta, format: Format, source: Type.String({ description: 'the policy text, in `format`' }) },
  {
    ...closed,
    title: 'PolicyDetail',
    examples: [
      {
        id: 'tiny',
        version: '2025-01-01',
        title: 'Tiny support terms',
        formats: ['yaml'],
        digest: '0'.repeat(64),
        format: 'yaml',
        source: policySourceExample.source,
      },
    ],
  },
);
export type PolicyDetail = Static<typeof PolicyDetail>;
export const PolicyParams = Type.Object({ id: Type.String() }, closed);

export const Health = Type.Object({ ok: Type.Literal(true) }, { ...closed, examples: [{ ok: true }] });
export const Readiness = Type.Object(
  {
    ready: Type.Boolean(),
    policies: Type.Array(Type.Object({ id: Type.String(), version: Type.String(), digest: Digest }, closed)),
    problems: Type.Array(Type.Object({ id: Type.String(), errors: Type.Array(Diagnostic) }, closed), {
      description: 'policies whose file does not check (the last good version, if any, keeps serving)',
    }),
  },
  { ...closed, title: 'Readiness', examples: [{ ready: true, policies: [{ id: 'relokia', version: '2024-10-27', digest: '0'.repeat(64) }], problems: [] }] },
);
export type Readiness = Static<typeof Readiness>;

/** The error answers a route can give, all `{ "errors": [Diagnostic] }`. */
export function errors<const S extends number[]>(...statuses: S): { [K in S[number]]: typeof ErrorBody } {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody])) as { [K in S[number]]: typeof ErrorBody };
}

export type { TSchema };
