// JSON Schema validation (ajv) with errors turned into diagnostics a policy author can act on:
// one error per mistake, the branch of a union the author evidently meant, near-miss suggestions.
import type { ErrorObject, ValidateFunction } from 'ajv';
import {
  invalidName,
  missingProperty,
  placeDiagnostic,
  quoteValue,
  reservedName,
  eventFieldAsAttribute,
  schemaViolation,
  unknownProperty,
  valueNotAllowed,
  valueNotInForm,
  wrongShape,
  type Diagnostic,
} from '../diagnostics/index.ts';
import { withArticle } from '../ir/value-types.ts';
import type { Locator } from '../policy-types.ts';
import { pointerPart } from '../ir/json-pointer.ts';
import { EVENT_FIELDS, RESERVED_NAMES } from '../ir/schema.ts';

type Schema = Record<string, unknown>;

export function schemaDiagnostics(
  validate: ValidateFunction,
  value: unknown,
  opts: { file?: string; locate?: Locator; pointerPrefix?: string } = {},
): Diagnostic[] {
  if (validate(value)) return [];
  const errors = pickBranches(validate.errors ?? [], validate.schema as Schema);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const group of groupConsts(errors)) {
    const d = toDiagnostic(group, opts);
    const key = `${d.path}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/** Within each anyOf, keep the errors of the branch that fits best (fewest errors, kind matched).
 *  Unions are reduced innermost first, so an outer union compares branches already reduced. An
 *  error belongs to a branch when the schema that failed is reachable from that branch (through
 *  `$ref`s too) and the value that failed lies inside the union's value. Errors are indexed by
 *  the place that failed, so a policy with thousands of bad items costs no more per item. */
function pickBranches(errors: ErrorObject[], root: Schema): ErrorObject[] {
  const alive = new Set(errors);
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    if (!byPath.has(e.instancePath)) byPath.set(e.instancePath, []);
    byPath.get(e.instancePath)!.push(e);
  }
  const paths = [...byPath.keys()];
  const unions = errors.filter((e) => e.keyword === 'anyOf').sort((a, b) => b.instancePath.length - a.instancePath.length);
  for (const union of unions) {
    const options = ((union.parentSchema as Schema | undefined)?.anyOf ?? []) as Schema[];
    const inside = paths
      .filter((p) => p === union.instancePath || p.startsWith(`${union.instancePath}/`))
      .flatMap((p) => byPath.get(p)!)
      .filter((e) => e !== union && alive.has(e));
    const branches = options.map((option) => inside.filter((e) => reachable(option, root).has(e.parentSchema as object)));
    const failing = branches.filter((es) => es.length > 0);
    if (failing.length === 0) continue;
    if (branches.every((es) => es.length === 1 && es[0].keyword === 'const')) continue; // groupConsts says "one of"
    const score = (es: ErrorObject[]) =>
      es.reduce(
        (n, e) =>
          n + (e.keyword === 'anyOf' || nonFiniteNumber(e) ? 0 : e.keyword === 'type' || e.keyword === 'const' ? 100 : e.keyword === 'required' ? 3 : 1),
        0,
      );
    const best = new Set(branches.reduce((a, b) => (score(b) < score(a) ? b : a)));
    alive.delete(union);
    for (const e of branches.flat()) if (!best.has(e)) alive.delete(e);
  }
  return errors.filter((e) => alive.has(e));
}

/** A number where a number belongs, only not finite (.nan, .inf): the branch the author meant. */
const nonFiniteNumber = (e: ErrorObject) =>
  e.keyword === 'type' && ['number', 'integer'].includes(String((e.params as { type: string }).type)) && typeof e.data === 'number' && !Number.isFinite(e.data);

const reach = new WeakMap<object, Set<object>>();
/** Every schema object reachable from `schema`, following local `$ref`s into `root`. */
function reachable(schema: Schema, root: Schema): Set<object> {
  const hit = reach.get(schema);
  if (hit) return hit;
  const seen = new Set<object>();
  const stack: unknown[] = [schema];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const ref = (node as Schema).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/'))
      stack.push(
        ref
          .slice(2)
          .split('/')
          .reduce<unknown>((o, k) => (o as Schema)?.[k], root),
      );
    for (const v of Object.values(node)) if (typeof v === 'object') stack.push(v);
  }
  reach.set(schema, seen);
  return seen;
}

/** const errors for one place (the options of a literal union) become one "must be one of". */
function groupConsts(errors: ErrorObject[]): ErrorObject[][] {
  const groups = new Map<string, ErrorObject[]>();
  const out: ErrorObject[][] = [];
  for (const e of errors) {
    if (e.keyword === 'anyOf' && errors.some((x) => x.keyword === 'const' && x.instancePath === e.instancePath)) continue;
    if (e.keyword !== 'const') {
      out.push([e]);
      continue;
    }
    const g = groups.get(e.instancePath);
    if (g) g.push(e);
    else {
      const fresh = [e];
      groups.set(e.instancePath, fresh);
      out.push(fresh);
    }
  }
  return out;
}

function toDiagnostic(group: ErrorObject[], opts: { file?: string; locate?: Locator; pointerPrefix?: string }): Diagnostic {
  const e = group[0];
  const path = (opts.pointerPrefix ?? '') + e.instancePath || '/';
  const parent = (e.parentSchema ?? {}) as Schema;
  const where = placeName(e.instancePath);
  const d = problemOf(e, group, parent, where, path);
  return placeDiagnostic(d, opts);
}

function problemOf(e: ErrorObject, group: ErrorObject[], parent: Schema, where: string, path: string): Diagnostic {
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      const at = `${path === '/' ? '' : path}/${pointerPart(name)}`;
      if (RESERVED_NAMES.includes(name)) return reservedName(name, at);
      if (EVENT_FIELDS.includes(name) && path.endsWith('/attributes')) return eventFieldAsAttribute(name, at);
      const known = Object.keys((parent.properties as Schema | undefined) ?? {});
      if (known.length) return unknownProperty(name, known, at);
      return invalidName(name, Object.keys((parent.patternProperties as Schema | undefined) ?? {})[0], at);
    }
    case 'required':
      return missingProperty(String((e.params as { missingProperty: string }).missingProperty), where, path);
    case 'type': {
      const want = String((e.params as { type: string }).type);
      return typeof e.data === 'number' && (want === 'number' || want === 'integer')
        ? wrongShape(where, 'a finite number', String(e.data), path)
        : wrongShape(where, withArticle(want), describe(e.data), path);
    }
    case 'const':
      return valueNotAllowed(
        e.data,
        where,
        group.map((g) => String((g.params as { allowedValue: unknown }).allowedValue)),
        path,
      );
    case 'enum':
      return valueNotAllowed(e.data, where, ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String), path);
    case 'pattern':
      return RESERVED_NAMES.includes(String(e.data))
        ? reservedName(String(e.data), path)
        : valueNotInForm(
            e.data,
            where,
            (parent.description as string | undefined) ?? `expected the pattern ${(e.params as { pattern: string }).pattern}`,
            path,
          );
    default:
      return schemaViolation(where, e.message ?? 'is invalid', path);
  }
}

/** The place as the author sees it: the key's name, or "item 2 of `deadlines`" in a list. */
function placeName(pointer: string): string {
  const [parent, last] = pointer.split('/').slice(-2);
  if (last === undefined) return 'the document';
  return /^\d+$/.test(last) ? `item ${Number(last) + 1} of \`${parent}\`` : `\`${last}\``;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${quoteValue(v)}`;
}
