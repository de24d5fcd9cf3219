// The DSL front end, behind one function so the YAML path does not depend on it.
import { parseDsl } from '../../dsl/index.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import type { Policy } from '../ir/schema.ts';
import type { Locator } from '../policy-types.ts';

export function parseDslSource(source: string, file?: string): { policy?: Policy; diagnostics: Diagnostic[]; locate: Locator } {
  return parseDsl(source, { file, recover: false });
}
