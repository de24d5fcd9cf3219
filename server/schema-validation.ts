// Route schemas are checked by ajv with every error collected, nothing coerced or removed, and the
// errors turned into the engine's diagnostics (the same messages as for a policy), each with a
// JSON pointer into the body.
import { Ajv } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { SlaError } from '../engine/index.ts';
import { AJV_OPTIONS } from '../engine/ir/ajv-options.ts';
import { schemaDiagnostics } from '../engine/compile/validate-schema.ts';

export function schemaValidator(): FastifySchemaCompiler<unknown> {
  const ajv = new Ajv({ ...AJV_OPTIONS, coerceTypes: false, removeAdditional: false, useDefaults: false });
  return ({ schema }) => {
    const validate = ajv.compile(schema as object);
    return (data: unknown) => (validate(data) ? { value: data } : { error: new SlaError(schemaDiagnostics(validate, data)) });
  };
}
