// The engine core, loaded once the arguments are checked; the DSL front end only for .sla files
// (country holiday data loads itself when a policy needs it).
import type { LoadOptions, PolicyInput } from '../engine/core.ts';

export const loadEngine = () => import('../engine/core.ts');

/** The engine, with loadPolicy and checkPolicy given the DSL front end when `file` is a .sla file. */
export async function loadEngineFor(file: string) {
  const engine = await loadEngine();
  const options: LoadOptions = /\.sla$/i.test(file) ? { parseDsl: (await import('../dsl/index.ts')).parseDsl } : {};
  return {
    ...engine,
    loadPolicy: (input: PolicyInput) => engine.loadPolicy(input, options),
    checkPolicy: (input: PolicyInput) => engine.checkPolicy(input, options),
  };
}
