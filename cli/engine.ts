// The engine is loaded on first use, so `sla --help` and usage errors stay fast.
export const loadEngine = () => import('../engine/index.ts');
