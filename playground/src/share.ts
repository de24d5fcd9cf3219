// The playground's state as text: compressed JSON for the URL fragment (a share link) and for
// localStorage (the last state survives a reload). It carries the engine and schema versions, so
// a link opened by a later playground can say it was made with another one.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import pkg from '../../package.json' with { type: 'json' };
import policySchema from '../../policies/policy.schema.json' with { type: 'json' };
import type { PolicyFormat } from './worker/protocol.ts';

export interface SharedState {
  engine: string;
  schema: string;
  /** a bundled policy's id; `source` too when the user's text differs from the bundled one */
  policy: { id: string; format: PolicyFormat; source?: string };
  case: string;
  lang: string;
  view: 'yaml' | 'form';
}

/** FNV-1a of the schema's text: changes whenever the schema does. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export const ENGINE_VERSION = pkg.version;
export const SCHEMA_VERSION = fingerprint(JSON.stringify(policySchema));

const toBase64Url = (bytes: Uint8Array) => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

export function encodeState(state: SharedState): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(state)), { level: 9 }));
}

/** The state in an encoded text, or why it cannot be read. */
export function decodeState(text: string): SharedState | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(inflateSync(fromBase64Url(text))));
  } catch {
    return { error: 'the link is damaged (it does not decompress): it may have been cut short when it was copied' };
  }
  const v = value as Partial<SharedState> | null;
  if (!v || typeof v !== 'object' || !v.policy || typeof v.policy.id !== 'string' || typeof v.case !== 'string')
    return { error: 'the link does not hold a playground state' };
  return {
    engine: String(v.engine ?? '?'),
    schema: String(v.schema ?? '?'),
    policy: {
      id: v.policy.id,
      format: v.policy.format === 'dsl' ? 'dsl' : 'yaml',
      ...(typeof v.policy.source === 'string' ? { source: v.policy.source } : {}),
    },
    case: v.case,
    lang: typeof v.lang === 'string' ? v.lang : 'en',
    view: v.view === 'form' ? 'form' : 'yaml',
  };
}
