// One text for a compiled policy, whichever front end it came from: object keys sorted at every
// level (arrays keep their order, which carries meaning), two-space indentation. Its sha-256 is the
// policy's digest, the version the server and the playground name an answer by.
import type { CompiledPolicy } from '../policy-types.ts';

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sorted(v);
  }
  return out;
}

/** Any JSON value in one text, keys sorted, on one line: equal values give equal texts (to hash a case). */
export const canonicalValueJson = (value: unknown): string => JSON.stringify(sorted(value));

/** The canonical JSON text of a compiled policy (what `sla compile` prints, without the final newline). */
export function canonicalJson(compiled: CompiledPolicy): string {
  return JSON.stringify(sorted(compiled), null, 2);
}

/** sha-256 of the canonical JSON, as lowercase hex. Web Crypto, so Node and the browser agree. */
export async function policyDigest(compiled: CompiledPolicy): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(compiled));
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}
