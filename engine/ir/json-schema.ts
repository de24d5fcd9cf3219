import { Policy } from './schema.ts';

/** The policy JSON Schema as a plain object, with the id editors and ajv know it by. */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://sla-policy-engine.dev/schema/policy.schema.json',
    ...JSON.parse(JSON.stringify(Policy)),
  };
}
