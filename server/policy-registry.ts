// The policies of the policies folder, by id: each compiled once (in the background, one per
// turn of the event loop, so the server answers /healthz while it starts), and with `watch`
// reloaded when its file changes. A reload that fails keeps the last good version serving and is
// reported by `problems()` (and so by /readyz) until the file checks again.
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { diagnostic, SlaError, type Diagnostic } from '../engine/diagnostics/index.ts';
import type { PolicyFormat } from '../engine/policy-types.ts';
import type { PolicyCache } from './policy-cache.ts';
import { compileSource, type CompiledEntry } from './policy-loading.ts';

/** `<id>.yaml` is preferred over `<id>.sla` when both exist (they compile to the same rules). */
const EXTENSIONS: Record<string, PolicyFormat> = { '.yaml': 'yaml', '.sla': 'dsl' };

export interface BundledPolicy extends CompiledEntry {
  id: string;
  title: string;
  version: string;
  /** the forms present in the folder */
  formats: PolicyFormat[];
  /** the source served, in the preferred form */
  format: PolicyFormat;
  file: string;
  source: string;
}

export interface RegistryEvents {
  loaded?: (p: BundledPolicy, reloaded: boolean) => void;
  failed?: (id: string, errors: Diagnostic[]) => void;
}

export class PolicyRegistry {
  private readonly policies = new Map<string, BundledPolicy>();
  private readonly failures = new Map<string, Diagnostic[]>();
  private watcher?: FSWatcher;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private loading?: Promise<void>;
  private done = false;

  constructor(
    private readonly dir: string,
    private readonly cache: PolicyCache,
    private readonly events: RegistryEvents = {},
  ) {}

  /** Compiles every policy of the folder (once; later calls wait for the same load). */
  load(): Promise<void> {
    this.loading ??= (async () => {
      for (const id of await this.ids()) {
        await nextTurn();
        await this.reload(id);
      }
      this.done = true;
    })();
    return this.loading;
  }

  /** Ready once every policy of the folder has been compiled at least once. */
  get ready(): boolean {
    return this.done && [...this.failures.keys()].every((id) => this.policies.has(id));
  }

  /** A policy by id, waiting for the first load; undefined when the folder has no such policy. */
  async get(id: string): Promise<BundledPolicy | undefined> {
    if (!this.policies.has(id) && !this.done) await this.load();
    return this.policies.get(id);
  }

  list(): BundledPolicy[] {
    return [...this.policies.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Policies whose current file does not check, with its errors. */
  problems(): { id: string; errors: Diagnostic[] }[] {
    return [...this.failures].map(([id, errors]) => ({ id, errors })).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Reloads a policy when one of its files changes. */
  watch(): void {
    this.watcher = watch(this.dir, (_, name) => {
      const ext = name ? extname(name) : '';
      if (!name || !(ext in EXTENSIONS) || name.endsWith('.test.yaml')) return;
      const id = name.slice(0, -ext.length);
      clearTimeout(this.timers.get(id));
      // editors write a file in several steps: reload once they are done
      this.timers.set(
        id,
        setTimeout(() => (this.timers.delete(id), void this.reload(id)), 100),
      );
    });
  }

  close(): void {
    this.watcher?.close();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private async ids(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return [...new Set(names.filter((n) => extname(n) in EXTENSIONS && !n.endsWith('.test.yaml')).map((n) => n.slice(0, -extname(n).length)))].sort();
  }

  private async reload(id: string): Promise<void> {
    const reloaded = this.policies.has(id);
    try {
      const read = await this.read(id);
      const p = { ...read, compiled: this.cache.add(read).compiled }; // one object per digest
      this.policies.set(id, p);
      this.failures.delete(id);
      this.events.loaded?.(p, reloaded);
    } catch (e) {
      const errors = e instanceof SlaError ? e.diagnostics : [diagnostic('SLA5003', `cannot read policy \`${id}\`: ${(e as Error).message}`)];
      this.failures.set(id, errors);
      this.events.failed?.(id, errors);
    }
  }

  private async read(id: string): Promise<BundledPolicy> {
    const found: { format: PolicyFormat; file: string; source: string }[] = [];
    for (const [ext, format] of Object.entries(EXTENSIONS)) {
      const file = join(this.dir, id + ext);
      const source = await readFile(file, 'utf8').catch(() => undefined);
      if (source !== undefined) found.push({ format, file, source });
    }
    if (found.length === 0) throw new SlaError([diagnostic('SLA5003', `the files of policy \`${id}\` are gone`)]);
    const { format, file, source } = found[0];
    const name = `${id}${format === 'dsl' ? '.sla' : '.yaml'}`;
    const entry = await compileSource({ source, format, file: name });
    const { id: declared, title, version } = entry.compiled.policy;
    // cases name a policy by id, and ids are looked up by file name
    if (declared !== id)
      throw new SlaError([
        diagnostic('SLA3001', `\`${name}\` declares policy id \`${declared}\`; name the file \`${declared}${extname(name)}\``, { file: name, path: '/id' }),
      ]);
    return { ...entry, id, title, version, formats: found.map((f) => f.format), format, file, source };
  }
}
