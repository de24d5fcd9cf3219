// JSON Schema validation (ajv) with errors turned into diagnostics a policy author can act on:
// one error per mistake, the branch of a union the author evidently meant, near-miss suggestions.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { diagnostic, didYouMean, listOf, type Diagnostic } from '../diagnostics/index.ts';
import { withArticle } from '../ir/value-types.ts';
import type { Locator } from '../policy-types.ts';
import { quoteValue } from '../diagnostics/quote-value.ts';
import { RESERVED_NAMES } from '../ir/schema.ts';

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
 *  `$ref`s too) and the value that failed lies inside the union's value. */
function pickBranches(errors: ErrorObject[], root: Schema): ErrorObject[] {
  let current = errors;
  const unions = errors
    .filter((e) => e.keyword === 'anyOf')
    .sort((a, b) => b.instancePath.length - a.instancePath.length);
  for (const union of unions) {
    const options = ((union.parentSchema as Schema | undefined)?.anyOf ?? []) as Schema[];
    const within = (e: ErrorObject) => e !== union && (e.instancePath === union.instancePath || e.instancePath.startsWith(`${union.instancePath}/`));
    const branches = options.map((option) => current.filter((e) => within(e) && reachable(option, root).has(e.parentSchema as object)));
    const failing = branches.filter((es) => es.length > 0);
    if (failing.length === 0) continue;
    if (branches.every((es) => es.length === 1 && es[0].keyword === 'const')) continue; // groupConsts says "one of"
    const score = (es: ErrorObject[]) =>
      es.reduce((n, e) => n + (e.keyword === 'anyOf' || nonFiniteNumber(e) ? 0 : e.keyword === 'type' || e.keyword === 'const' ? 100 : e.keyword === 'required' ? 3 : 1), 0);
    const best = branches.reduce((a, b) => (score(b) < score(a) ? b : a));
    const keep = new Set(best);
    const drop = new Set(branches.flat().filter((e) => !keep.has(e)));
    current = current.filter((e) => e !== union && !drop.has(e));
  }
  return current;
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
    if (typeof ref === 'string' && ref.startsWith('#/')) stack.push(ref.slice(2).split('/').reduce<unknown>((o, k) => (o as Schema)?.[k], root));
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
  let path = (opts.pointerPrefix ?? '') + e.instancePath;
  const parent = (e.parentSchema ?? {}) as Schema;
  let code: Diagnostic['code'] = 'SLA2001';
  let message: string;
  let help: string | undefined;
  const where = e.instancePath ? `\`${e.instancePath.split('/').pop()}\`` : 'the document';
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      path = `${path}/${name}`;
      if (RESERVED_NAMES.includes(name)) {
        code = 'SLA1008';
        message = `the name \`${name}\` is not allowed`;
        help = 'every JavaScript object has that name already; choose another';
        break;
      }
      const known = Object.keys((parent.properties as Schema | undefined) ?? {});
      const pattern = Object.keys((parent.patternProperties as Schema | undefined) ?? {})[0];
      code = 'SLA2002';
      if (known.length) {
        message = `unknown property \`${name}\``;
        help = didYouMean(name, known) ?? `expected one of ${listOf(known)}`;
      } else {
        message = `\`${name}\` is not a valid name here`;
        help = pattern ? `names must match ${pattern}` : undefined;
      }
      break;
    }
    case 'required': {
      const name = String((e.params as { missingProperty: string }).missingProperty);
      code = 'SLA2003';
      message = `missing property \`${name}\` in ${where}`;
      break;
    }
    case 'type': {
      code = 'SLA2004';
      const want = String((e.params as { type: string }).type);
      message = typeof e.data === 'number' && (want === 'number' || want === 'integer')
        ? `${where} must be a finite number, not ${e.data}`
        : `${where} must be ${withArticle(want)}, not ${describe(e.data)}`;
      break;
    }
    case 'const': {
      const allowed = group.map((g) => String((g.params as { allowedValue: unknown }).allowedValue));
      code = 'SLA2005';
      message = `${quoteValue(e.data)} is not allowed for ${where}`;
      help = (typeof e.data === 'string' && didYouMean(e.data, allowed)) || `expected one of ${listOf(allowed)}`;
      break;
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      code = 'SLA2005';
      message = `${quoteValue(e.data)} is not allowed for ${where}`;
      help = (typeof e.data === 'string' && didYouMean(e.data, allowed)) || `expected one of ${listOf(allowed)}`;
      break;
    }
    case 'pattern':
      code = 'SLA2005';
      message = `${quoteValue(e.data)} is not valid for ${where}`;
      help = RESERVED_NAMES.includes(String(e.data))
        ? 'every JavaScript object has that name already; choose another'
        : ((parent.description as string | undefined) ?? `expected the pattern ${(e.params as { pattern: string }).pattern}`);
      break;
    default:
      message = `${where} ${e.message}`;
  }
  const at = opts.locate?.(path);
  return diagnostic(code, message, { file: opts.file, path: path || '/', ...(at ?? {}), ...(help ? { help } : {}) });
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${quoteValue(v)}`;
}
