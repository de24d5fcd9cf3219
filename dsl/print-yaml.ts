// IR → canonical YAML: keys in the order of the IR schema (the order of docs/policy-language.md),
// small leaf collections in flow style, and the schema header for editors.
import { Document } from 'yaml';
import { isMap, isScalar, isSeq, visit } from 'yaml';
import { Policy as PolicySchema, type Policy } from '../engine/ir/schema.ts';

export const YAML_HEADER = '# yaml-language-server: $schema=./policy.schema.json';

interface SchemaLike {
  type?: string;
  properties?: Record<string, SchemaLike>;
  patternProperties?: Record<string, SchemaLike>;
  additionalProperties?: SchemaLike | boolean;
  required?: string[];
  items?: SchemaLike;
  anyOf?: SchemaLike[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The variant of a union that fits a value best. */
function pick(schema: SchemaLike, v: unknown): SchemaLike | undefined {
  if (!schema.anyOf) return schema;
  const variants = schema.anyOf.flatMap((s) => (s.anyOf ? s.anyOf : [s]));
  if (Array.isArray(v)) return variants.find((s) => s.type === 'array');
  if (!isObj(v)) return undefined;
  const keys = Object.keys(v);
  const fits = (s: SchemaLike) => s.properties !== undefined && keys.every((k) => k in s.properties!) && (s.required ?? []).every((k) => k in v);
  return variants.find(fits) ?? variants.find((s) => s.properties && keys.some((k) => k in s.properties!)) ?? variants.find((s) => s.patternProperties);
}

/** A copy of `v` whose object keys follow the schema's property order. */
function ordered(schema: SchemaLike | undefined, v: unknown): unknown {
  const s = schema ? pick(schema, v) : undefined;
  if (Array.isArray(v)) return v.map((x) => ordered(s?.items, x));
  if (!isObj(v)) return v;
  const out: Record<string, unknown> = {};
  if (s?.properties) {
    for (const k of Object.keys(s.properties)) if (k in v) out[k] = ordered(s.properties[k], v[k]);
  }
  const inner = s?.patternProperties ? Object.values(s.patternProperties)[0] : undefined;
  for (const k of Object.keys(v)) if (!(k in out)) out[k] = ordered(s?.properties?.[k] ?? inner, v[k]);
  return out;
}

const FLOW_MAX = 90;

/** The canonical YAML text of a policy. */
export function printYaml(policy: Policy): string {
  const doc = new Document(ordered(PolicySchema as unknown as SchemaLike, policy));
  visit(doc, {
    Map(_, node, path) {
      const depth = path.filter((p) => isMap(p) || isSeq(p)).length;
      if (depth >= 2 && JSON.stringify(node.toJSON()).length <= FLOW_MAX) node.flow = true;
    },
    Seq(_, node, path) {
      const depth = path.filter((p) => isMap(p) || isSeq(p)).length;
      const scalars = node.items.every((i) => !isMap(i) && !isSeq(i));
      if ((depth >= 2 || scalars) && JSON.stringify(node.toJSON()).length <= FLOW_MAX) node.flow = true;
    },
  });
  // a version such as 2024-10-27 reads as a date to YAML 1.1 tools: keep it visibly a string
  const version = doc.get('version', true);
  if (isScalar(version) && typeof version.value === 'string') version.type = 'QUOTE_DOUBLE';
  return `${YAML_HEADER}\n${doc.toString({ lineWidth: 100, flowCollectionPadding: true })}`;
}
