// The engine core, loaded once the arguments are checked; the DSL front end only for .sla files
// (country holiday data loads itself when a policy needs it).
export const loadEngine = () => import('../engine/core.ts');

export async function loadEngineFor(file: string) {
  const engine = await loadEngine();
  if (/\.sla$/i.test(file)) await engine.loadDslFrontEnd();
  return engine;
}
