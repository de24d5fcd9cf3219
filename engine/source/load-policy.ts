// Front end → IR → schema → checks: a policy source becomes a LoadedPolicy or a list of diagnostics,
// each pointing at file:line:column.
import { runStages } from '../compile/compile-policy.ts';
import { capDiagnostics, hasErrors, placeDiagnostics, schemaViolation, SlaError, type Diagnostic } from '../diagnostics/index.ts';
import type { Policy } from '../ir/schema.ts';
import type { LoadedPolicy, Locator, PolicyFormat, PolicyInput } from '../policy-types.ts';
import { parseData } from './parse-data.ts';
import { parseDslSource } from './dsl-front-end.ts';

function formatOf(input: PolicyInput): PolicyFormat {
  if (input.format) return input.format;
  return input.file && /\.sla$/i.test(input.file) ? 'dsl' : 'yaml';
}

interface Analysis {
  policy?: Policy;
  locate: Locator;
  diagnostics: Diagnostic[];
}

function analyse(input: PolicyInput): Analysis {
  const file = input.file;
  const format = formatOf(input);
  let value: unknown;
  let locate: Locator = () => undefined;
  try {
    if (format === 'dsl') {
      const parsed = parseDslSource(input.source, file);
      if (!parsed.policy || hasErrors(parsed.diagnostics)) return { locate: parsed.locate, diagnostics: capDiagnostics(parsed.diagnostics) };
      [value, locate] = [parsed.policy, parsed.locate];
    } else {
      const parsed = parseData(input.source, file);
      [value, locate] = [parsed.value, parsed.locate];
    }
  } catch (e) {
    if (e instanceof SlaError) return { locate, diagnostics: e.diagnostics };
    throw e;
  }
  const diagnostics = capDiagnostics(placeDiagnostics(runStages(value as Policy), { file, locate }));
  const policy = hasErrors(diagnostics) ? undefined : (value as Policy);
  return { policy, locate, diagnostics };
}

/** Parses, validates and checks a policy; throws SlaError carrying every error found. */
export function loadPolicy(input: PolicyInput): LoadedPolicy {
  const { policy, locate, diagnostics } = analyse(input);
  if (!policy || hasErrors(diagnostics))
    throw new SlaError(diagnostics.length ? diagnostics.filter((d) => d.severity === 'error') : [{ ...schemaViolation('the document', 'is not a valid policy', '/'), file: input.file }]);
  return { kind: 'loaded', ir: policy, format: formatOf(input), source: input.source, file: input.file, locate, warnings: diagnostics };
}

/** Every diagnostic (errors and warnings) for a policy source; never throws for bad input. */
export function checkPolicy(input: PolicyInput): Diagnostic[] {
  return analyse(input).diagnostics;
}
