// The DSL front end, registered rather than imported: chevrotain is only loaded by programs that
// meet a .sla file (the library entry registers it; the CLI loads it on demand).
import { dslNotLoaded, type Diagnostic } from '../diagnostics/index.ts';
import type { Policy } from '../ir/schema.ts';
import type { Locator } from '../policy-types.ts';

export type DslParser = (
  source: string,
  options: { file?: string; recover?: boolean },
) => { policy?: Policy; diagnostics: Diagnostic[]; locate: Locator };

let parser: DslParser | undefined;

export function useDslFrontEnd(parse: DslParser): void {
  parser = parse;
}

export async function loadDslFrontEnd(): Promise<void> {
  parser ??= (await import('../../dsl/index.ts')).parseDsl;
}

export function parseDslSource(source: string, file?: string): ReturnType<DslParser> {
  if (!parser)
    return { diagnostics: [dslNotLoaded({ file })], locate: () => undefined };
  return parser(source, { file, recover: false });
}
