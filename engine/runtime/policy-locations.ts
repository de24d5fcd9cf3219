// A computation the policy asks for can fail at evaluation (a business-day clock that cannot reach
// its end within the 20 years the clocks compute). Its diagnostic then points at the part of the
// policy that asked: the JSON pointer of that part, and with a loaded policy its file:line:column.
import { SlaError } from '../diagnostics/index.ts';
import type { Policy } from '../ir/schema.ts';
import type { Locator } from '../policy-types.ts';

/** Errors whose diagnostics point into the policy (not the case). */
const aboutPolicy = new WeakSet<SlaError>();

/** The pointer of the first part of `policy` equal to `node` (compiled rules carry copies). */
function pointerTo(policy: Policy, node: unknown): string | undefined {
  const want = JSON.stringify(node);
  const stack: { value: unknown; path: string }[] = [{ value: policy, path: '' }];
  while (stack.length) {
    const { value, path } = stack.shift()!;
    if (typeof value !== 'object' || value === null) continue;
    if (JSON.stringify(value) === want) return path;
    for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}` });
  }
  return undefined;
}

/** Runs `compute`; an SlaError it throws without a location gets the pointer of `node`'s `key`. */
export function computedAt<T>(policy: Policy, node: object, key: string, compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    if (!(e instanceof SlaError) || e.diagnostics.every((d) => d.path !== undefined)) throw e;
    const at = pointerTo(policy, node);
    if (at === undefined) throw e;
    const located = new SlaError(e.diagnostics.map((d) => (d.path === undefined ? { ...d, path: `${at}/${key}` } : d)));
    aboutPolicy.add(located);
    throw located;
  }
}

/** Runs `evaluate`; errors about the policy get its file and the line and column of their pointer. */
export async function withPolicyLocations<T>(source: { file?: string; locate?: Locator }, evaluate: () => Promise<T>): Promise<T> {
  try {
    return await evaluate();
  } catch (e) {
    if (!(e instanceof SlaError) || !aboutPolicy.has(e) || (source.file === undefined && !source.locate)) throw e;
    throw new SlaError(e.diagnostics.map((d) => ({
      ...d,
      ...(source.file !== undefined ? { file: source.file } : {}),
      ...((d.path !== undefined && source.locate?.(d.path)) || {}),
    })));
  }
}
