// The Diagnostic of contract.md as a JSON Schema (TypeBox), for the HTTP API's error bodies and
// its OpenAPI document. Mirrors engine/diagnostics/diagnostic.ts.
import { Type, type Static } from '@sinclair/typebox';

const Opt = Type.Optional;

export const Diagnostic = Type.Object(
  {
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
    code: Type.String({ pattern: '^SLA\\d{4}$', description: 'a stable code, listed in engine/diagnostics/codes.ts' }),
    message: Type.String(),
    file: Opt(Type.String()),
    line: Opt(Type.Integer({ minimum: 1 })),
    column: Opt(Type.Integer({ minimum: 1 })),
    endLine: Opt(Type.Integer({ minimum: 1 })),
    endColumn: Opt(Type.Integer({ minimum: 1 })),
    path: Opt(Type.String({ description: 'a JSON pointer into the request body (or the policy source)' })),
    help: Opt(Type.String()),
  },
  { additionalProperties: false, title: 'Diagnostic' },
);
export type DiagnosticBody = Static<typeof Diagnostic>;

/** What every 4xx and 5xx answer of the HTTP API carries. */
export const ErrorBody = Type.Object({ errors: Type.Array(Diagnostic) }, { additionalProperties: false, title: 'Errors' });
export type ErrorBody = Static<typeof ErrorBody>;
