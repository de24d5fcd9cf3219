// A path resolver for json-rules-engine conditions with `path`: plain dot paths over own
// properties only. No JSONPath filters or scripts, and nothing reachable through prototypes.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function safePathResolver(value: unknown, path: string): unknown {
  const steps = path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean);
  let cur: unknown = value;
  for (const step of steps) {
    if (FORBIDDEN.has(step) || cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, step)) return undefined;
    cur = (cur as Record<string, unknown>)[step];
  }
  return cur;
}
