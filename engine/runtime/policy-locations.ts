// A computation the policy asks for can fail at evaluation (a business-day clock that cannot reach
// its end within the 20 years the clocks compute). Its diagnostic then points at the part of the
// policy that asked, by JSON pointer; it carries no `file` (the case's diagnostics do), so a caller
// holding the policy's source places it there (as `sla eval` does).
import { SlaError } from '../diagnostics/index.ts';
import type { Policy } from '../ir/schema.ts';
import { pointerPart } from '../ir/json-pointer.ts';

/** The pointer of the first part of `policy` equal to `node` (compiled rules carry copies). */
function pointerTo(policy: Policy, node: unknown): string | undefined {
  const want = JSON.stringify(node);
  const queue: { value: unknown; path: string }[] = [{ value: policy, path: '' }];
  for (let i = 0; i < queue.length; i++) {
    const { value, path } = queue[i];
    if (typeof value !== 'object' || value === null) continue;
    if (JSON.stringify(value) === want) return path;
    for (const [k, v] of Object.entries(value)) queue.push({ value: v, path: `${path}/${pointerPart(k)}` });
  }
  return undefined;
}

/** Runs `compute`; an SlaError it throws without a location gets the pointer of `node`'s `key`. */
export function computedAt<T>(policy: Policy, node: object, key: string, compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    throw locatedAt(policy, node, key, e);
  }
}

/** What a computation for `node`'s `key` that threw `e` throws instead: an SlaError without a
 *  location gets that pointer (for a catch block at a hot call site, where a closure per call costs). */
export function locatedAt(policy: Policy, node: object, key: string, e: unknown): unknown {
  if (!(e instanceof SlaError) || e.diagnostics.every((d) => d.path !== undefined)) return e;
  const at = pointerTo(policy, node);
  if (at === undefined) return e;
  return new SlaError(e.diagnostics.map((d) => (d.path === undefined ? { ...d, path: `${at}/${key}` } : d)));
}
