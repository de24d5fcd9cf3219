// The DSL (dsl/), loaded only by the commands that print or format it.
export const loadDsl = () => import('../dsl/index.ts');
