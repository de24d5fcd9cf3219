// Front end → IR → the checking stages: a policy source becomes a LoadedPolicy or a list of
// diagnostics, each pointing at file:line:column.
import { capDiagnostics, dslNotGiven, hasErrors, placeDiagnostics, schemaViolation, SlaError, type Diagnostic } from '../diagnostics/index.ts';
import type { Policy } from '../ir/schema.ts';
import type { LoadedPolicy, Locator, PolicyFormat, PolicyInput } from '../policy-types.ts';
import type { DslParser } from '../source/dsl-front-end.ts';
import { parseData } from '../source/parse-data.ts';
import { runStages } from './compile-policy.ts';
import { LoadedCache } from './loaded-cache.ts';

export interface LoadOptions {
  /** the DSL front end (`parseDsl` from `sla-policy-engine/dsl`), needed for `.sla` sources */
  parseDsl?: DslParser;
}

function formatOf(input: PolicyInput): PolicyFormat {
  if (input.format) return input.format;
  return input.file && /\.sla$/i.test(input.file) ? 'dsl' : 'yaml';
}

interface Analysis {
  policy?: Policy;
  locate: Locator;
  diagnostics: Diagnostic[];
}

function parse(input: PolicyInput, options: LoadOptions): { value?: unknown; locate: Locator; diagnostics: Diagnostic[] } {
  const file = input.file;
  const none: Locator = () => undefined;
  if (formatOf(input) === 'yaml') {
    const parsed = parseData(input.source, file);
    return { value: parsed.value, locate: parsed.locate, diagnostics: [] };
  }
  if (!options.parseDsl)
    return {
      locate: none,
      diagnostics: [dslNotGiven({ file })],
    };
  const parsed = options.parseDsl(input.source, { file, recover: false });
  return { value: hasErrors(parsed.diagnostics) ? undefined : parsed.policy, locate: parsed.locate, diagnostics: parsed.diagnostics };
}

function analyse(input: PolicyInput, options: LoadOptions): Analysis {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(input, options);
  } catch (e) {
    if (e instanceof SlaError) return { locate: () => undefined, diagnostics: e.diagnostics };
    throw e;
  }
  const { value, locate } = parsed;
  if (value === undefined) return { locate, diagnostics: capDiagnostics(parsed.diagnostics) };
  const diagnostics = placeDiagnostics(runStages(value as Policy), { file: input.file, locate });
  const policy = hasErrors(diagnostics) ? undefined : (value as Policy);
  return { policy, locate, diagnostics: capDiagnostics([...parsed.diagnostics, ...diagnostics]) };
}

// One cache per DSL front end (its parser decides what a `.sla` source means); YAML has its own.
const caches = new WeakMap<object, LoadedCache>();
const YAML_FRONT_END = {};

function cacheFor(format: PolicyFormat, options: LoadOptions): LoadedCache {
  const owner = format === 'yaml' ? YAML_FRONT_END : (options.parseDsl ?? YAML_FRONT_END);
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new LoadedCache()));
  return cache;
}

/** Parses, validates and checks a policy; throws SlaError carrying every error found. Loading a
 *  file's unchanged source again returns the same loaded policy, deep-frozen: it is shared, never to be changed. */
export function loadPolicy(input: PolicyInput, options: LoadOptions = {}): LoadedPolicy {
  const format = formatOf(input);
  const cache = typeof input.source === 'string' ? cacheFor(format, options) : undefined;
  const hit = cache?.get(format, input.file, input.source);
  if (hit) return hit;
  const { policy, locate, diagnostics } = analyse(input, options);
  if (!policy || hasErrors(diagnostics))
    throw new SlaError(
      diagnostics.length
        ? diagnostics.filter((d) => d.severity === 'error')
        : [{ ...schemaViolation('the document', 'is not a valid policy', '/'), file: input.file }],
    );
  const loaded: LoadedPolicy = { kind: 'loaded', ir: policy, format, source: input.source, file: input.file, locate, warnings: diagnostics };
  return cache ? cache.set(loaded) : loaded;
}

/** Every diagnostic (errors and warnings) for a policy source; never throws for bad input. */
export function checkPolicy(input: PolicyInput, options: LoadOptions = {}): Diagnostic[] {
  return analyse(input, options).diagnostics;
}
