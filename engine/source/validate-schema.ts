// JSON Schema validation (ajv) with errors turned into diagnostics a policy author can act on:
// one error per mistake, the branch of a union the author evidently meant, near-miss suggestions.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { diagnostic, didYouMean, listOf, type Diagnostic } from '../diagnostics/index.ts';
import type { Locator } from '../policy-types.ts';

type Schema = Record<string, unknown>;

export function makeValidator(schema: Schema): ValidateFunction {
  const ajv = new Ajv.default({ allErrors: true, verbose: true, strict: false });
  return ajv.compile(schema);
}

export function schemaDiagnostics(
  validate: ValidateFunction,
  value: unknown,
  opts: { file?: string; locate?: Locator; pointerPrefix?: string } = {},
): Diagnostic[] {
  if (validate(value)) return [];
  const errors = pickBranches(validate.errors ?? []);
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

/** Within each anyOf, keep the errors of the branch that fits best (fewest errors, kind matched). */
function pickBranches(errors: ErrorObject[]): ErrorObject[] {
  let current = errors;
  const done = new Set<string>();
  for (;;) {
    const prefixes = current
      .map((e) => anyOfPrefix(e.schemaPath, done))
      .filter((p): p is string => p !== undefined)
      .sort((a, b) => b.length - a.length); // innermost first, so outer unions compare reduced branches
    if (prefixes.length === 0) return current.filter((e) => e.keyword !== 'anyOf' || !hasBranchErrors(current, e));
    const prefix = prefixes[0];
    done.add(prefix);
    const branches = new Map<string, ErrorObject[]>();
    const rest: ErrorObject[] = [];
    for (const e of current) {
      if (e.schemaPath.startsWith(prefix)) {
        const branch = e.schemaPath.slice(prefix.length).split('/')[0];
        branches.set(branch, [...(branches.get(branch) ?? []), e]);
      } else rest.push(e);
    }
    const allConst = [...branches.values()].every((es) => es.length === 1 && es[0].keyword === 'const');
    if (allConst) {
      current = [...rest, ...[...branches.values()].flat()];
      continue;
    }
    const score = (es: ErrorObject[]) =>
      es.reduce((n, e) => n + (e.keyword === 'anyOf' ? 0 : e.keyword === 'type' || e.keyword === 'const' ? 100 : e.keyword === 'required' ? 3 : 1), 0);
    const best = [...branches.entries()].sort((a, b) => score(a[1]) - score(b[1]) || Number(a[0]) - Number(b[0]))[0];
    current = [...rest, ...best[1]];
  }
}

/** The innermost anyOf of a schema path not yet reduced. */
function anyOfPrefix(schemaPath: string, done: Set<string>): string | undefined {
  let found: string | undefined;
  for (let i = schemaPath.indexOf('/anyOf/'); i >= 0; i = schemaPath.indexOf('/anyOf/', i + 1)) {
    const prefix = schemaPath.slice(0, i + '/anyOf/'.length);
    if (!done.has(prefix)) found = prefix;
  }
  return found;
}

const hasBranchErrors = (errors: ErrorObject[], anyOf: ErrorObject) =>
  errors.some((e) => e !== anyOf && e.schemaPath.startsWith(anyOf.schemaPath + '/'));

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
  let message = e.message ?? 'is invalid';
  let help: string | undefined;
  const where = e.instancePath ? `\`${e.instancePath.split('/').pop()}\`` : 'the document';
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      path = `${path}/${name}`;
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
    case 'type':
      code = 'SLA2004';
      message = `${where} must be ${article(String((e.params as { type: string }).type))}, not ${describe(e.data)}`;
      break;
    case 'const': {
      const allowed = group.map((g) => String((g.params as { allowedValue: unknown }).allowedValue));
      code = 'SLA2005';
      message = `${JSON.stringify(e.data)} is not allowed for ${where}`;
      help = (typeof e.data === 'string' && didYouMean(e.data, allowed)) || `expected one of ${listOf(allowed)}`;
      break;
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      code = 'SLA2005';
      message = `${JSON.stringify(e.data)} is not allowed for ${where}`;
      help = (typeof e.data === 'string' && didYouMean(e.data, allowed)) || `expected one of ${listOf(allowed)}`;
      break;
    }
    case 'pattern':
      code = 'SLA2005';
      message = `${JSON.stringify(e.data)} is not valid for ${where}`;
      help = (parent.description as string | undefined) ?? `expected the pattern ${(e.params as { pattern: string }).pattern}`;
      break;
    default:
      message = `${where} ${e.message}`;
  }
  const at = opts.locate?.(path);
  return diagnostic(code, message, { file: opts.file, path: path || '/', ...(at ?? {}), ...(help ? { help } : {}) });
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}
