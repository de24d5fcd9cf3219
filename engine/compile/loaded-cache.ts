// Loaded policies kept by file: loading a file's unchanged text again (a server or CLI loading the
// same file, the playground checking a text that did not change) costs a comparison of the text.
// Each file keeps its latest successful load, so memory is bounded by the files in use, not by the
// edits made to them; the text itself is compared, so two sources never share an entry. Entries
// are deep-frozen: no caller's change to a policy reaches another caller.
import { LRUCache } from 'lru-cache';
import type { LoadedPolicy } from '../policy-types.ts';

const MAX_FILES = 64;

/** Freezes a plain JSON-like value and everything it holds. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) for (const v of value) deepFreeze(v);
  else for (const k in value) if (Object.hasOwn(value, k)) deepFreeze((value as Record<string, unknown>)[k]);
  return Object.freeze(value);
}

export class LoadedCache {
  private readonly byFile = new LRUCache<string, LoadedPolicy>({ max: MAX_FILES });

  get(format: string, file: string | undefined, source: string): LoadedPolicy | undefined {
    const hit = this.byFile.get(`${format}\0${file ?? ''}`);
    return hit?.source === source ? hit : undefined;
  }

  /** Keeps a loaded policy (frozen in place) as its file's latest and returns it. */
  set(loaded: LoadedPolicy): LoadedPolicy {
    this.byFile.set(`${loaded.format}\0${loaded.file ?? ''}`, deepFreeze(loaded));
    return loaded;
  }
}
