// Loaded policies kept by their source: loading an unchanged text again (the playground's check
// after a keystroke that changed nothing, a server or CLI loading the same file) costs a lookup.
// The key is the text itself, so two sources never share an entry; entries are deep-frozen, so no
// caller's change to a policy reaches another caller. Only successful loads are kept, within a
// bound on the characters held.
import { LRUCache } from 'lru-cache';
import type { LoadedPolicy } from '../policy-types.ts';

const MAX_CHARS = 16_000_000;

/** Freezes a plain JSON-like value and everything it holds. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}

export class LoadedCache {
  private readonly entries = new LRUCache<string, LoadedPolicy>({ maxSize: MAX_CHARS, sizeCalculation: (_, key) => Math.max(1, key.length) });

  private static key(format: string, file: string | undefined, source: string): string {
    return `${format}\0${file ?? ''}\0${source}`;
  }

  get(format: string, file: string | undefined, source: string): LoadedPolicy | undefined {
    return this.entries.get(LoadedCache.key(format, file, source));
  }

  /** Keeps a loaded policy (frozen in place) and returns it. */
  set(loaded: LoadedPolicy): LoadedPolicy {
    const key = LoadedCache.key(loaded.format, loaded.file, loaded.source);
    if (key.length > MAX_CHARS) return deepFreeze(loaded);
    this.entries.set(key, deepFreeze(loaded));
    return loaded;
  }
}
