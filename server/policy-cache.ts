// Compiled policies kept by digest in a bounded LRU cache, with a second bounded map from a
// source's hash to its digest, so posting the same source twice compiles once and every answer
// of one digest runs on the same compiled object (the evaluator prepares each object once).
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { PolicyInput } from '../engine/index.ts';
import { compileSource, type CompiledEntry } from './policy-loading.ts';

export interface PolicyCacheStats {
  size: number;
  hits: number;
  misses: number;
}

export class PolicyCache {
  private readonly byDigest: LRUCache<string, CompiledEntry>;
  private readonly bySource: LRUCache<string, string>;
  /** compilations in flight, so concurrent posts of one source compile it once */
  private readonly pending = new Map<string, Promise<CompiledEntry>>();
  private hitCount = 0;
  private missCount = 0;

  constructor(
    max: number,
    private readonly onLookup?: (hit: boolean) => void,
  ) {
    this.byDigest = new LRUCache({ max });
    this.bySource = new LRUCache({ max: max * 4 });
  }

  /** The compiled policy of a source, compiling it on a miss; throws SlaError for an invalid one. */
  async compile(input: PolicyInput): Promise<CompiledEntry> {
    const key = createHash('sha256')
      .update(`${input.format ?? 'yaml'}\0${input.source}`)
      .digest('hex');
    const digest = this.bySource.get(key);
    const hit = digest === undefined ? undefined : this.byDigest.get(digest);
    this.count(hit !== undefined);
    if (hit) return hit;
    let job = this.pending.get(key);
    if (!job) {
      job = compileSource(input)
        .then((entry) => this.add(entry, key))
        .finally(() => this.pending.delete(key));
      this.pending.set(key, job);
    }
    return job;
  }

  /** Keeps an entry compiled elsewhere (a bundled policy); an equal digest already cached wins. */
  add(entry: CompiledEntry, sourceKey?: string): CompiledEntry {
    const kept = this.byDigest.get(entry.digest) ?? entry;
    this.byDigest.set(entry.digest, kept);
    if (sourceKey !== undefined) this.bySource.set(sourceKey, entry.digest);
    return kept;
  }

  stats(): PolicyCacheStats {
    return { size: this.byDigest.size, hits: this.hitCount, misses: this.missCount };
  }

  private count(hit: boolean) {
    if (hit) this.hitCount++;
    else this.missCount++;
    this.onLookup?.(hit);
  }
}
