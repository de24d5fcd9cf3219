// The DSL front end (dsl/), loaded only by the commands that need it, with a clear message
// when it is not part of this build.
import { fileURLToPath } from 'node:url';
import type { Policy } from '../engine/index.ts';
import type { Diagnostic } from '../engine/diagnostics/index.ts';
import type { Locator } from '../engine/policy-types.ts';
import { UnavailableError } from './unavailable-error.ts';

export interface DslModule {
  parseDsl(source: string, options: { file?: string; recover?: boolean }): {
    policy?: Policy;
    diagnostics: Diagnostic[];
    locate: Locator;
  };
  printDsl(policy: Policy): string;
  printYaml?(policy: Policy): string;
}

const unavailable = (what: string) => new UnavailableError(`the DSL front end is not available: ${what}`);

export async function loadDsl(): Promise<DslModule> {
  // A computed specifier, so type-checking and start-up do not depend on dsl/ existing.
  const url = new URL('../dsl/index.ts', import.meta.url);
  try {
    return (await import(url.href)) as DslModule;
  } catch (e) {
    // Only dsl/index.ts itself missing; a missing import inside dsl/ is a bug to report as such.
    const missing = (e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes(fileURLToPath(url));
    if (missing) throw unavailable('dsl/index.ts is missing');
    throw e;
  }
}

export function dslExport<K extends keyof DslModule>(dsl: DslModule, name: K): NonNullable<DslModule[K]> {
  const fn = dsl[name];
  if (typeof fn !== 'function') throw unavailable(`dsl/index.ts does not export \`${name}\``);
  return fn as NonNullable<DslModule[K]>;
}
