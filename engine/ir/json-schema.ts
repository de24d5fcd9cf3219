// The policy JSON Schema as plain JSON. Every titled subschema of the TypeBox source becomes one
// entry of `definitions`, referenced where it is used: the file stays small for editors, and ajv
// compiles each shared part once instead of once per use.
import { Policy } from './schema.ts';

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function policyJsonSchema(): Record<string, unknown> {
  const definitions: Record<string, Json> = {};
  const factor = (node: Json, top = false): Json => {
    if (Array.isArray(node)) return node.map((n) => factor(n));
    if (!isObj(node)) return node;
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(node)) out[k] = factor(v);
    if (top || typeof node.title !== 'string') return out;
    const name = node.title;
    const existing = definitions[name];
    if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(out)) throw new Error(`two different schemas are titled ${name}`);
    definitions[name] = out;
    return { $ref: `#/definitions/${name}` };
  };
  const root = factor(JSON.parse(JSON.stringify(Policy)), true) as Record<string, Json>;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://sla-policy-engine.dev/schema/policy.schema.json',
    ...root,
    definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b))),
  };
}
