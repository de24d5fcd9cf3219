// The shape of the core, kept by a test: the pipeline points one way (front ends → IR → compile →
// runtime → evaluate), no module imports itself back through others, and engine/ and dsl/ use
// nothing of Node (the browser runs them).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function specifiers(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gms), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found.map((m) => m[1]);
}

const files = [...sources('engine'), ...sources('dsl')];
const graph = new Map(
  files.map((f) => [
    f,
    specifiers(f)
      .filter((s) => s.startsWith('.'))
      .map((s) => normalize(join(dirname(f), s))),
  ]),
);

// Folders of the engine in pipeline order: a module may import from its own folder or an earlier one.
const LAYERS = ['diagnostics', 'ir', 'calendar', 'source', 'case', 'compile', 'runtime', 'evaluate', 'changes', 'testing', 'analysis'];
const layerOf = (file: string) => {
  const [top, folder] = file.split('/');
  if (top !== 'engine') return undefined;
  const i = LAYERS.indexOf(folder);
  return i === -1 ? undefined : i; // engine/*.ts (types, entries) sit outside the layers
};

function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
    }
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return found;
}

describe('the import graph of engine/ and dsl/', () => {
  it('reads the sources it judges', () => {
    expect(files.length).toBeGreaterThan(60);
    expect(graph.get('engine/core.ts')).toContain('engine/evaluate/evaluate.ts');
  });

  it('has no cycles', () => {
    expect(cycles()).toEqual([]);
  });

  it('never leads from the engine into the DSL', () => {
    const upward = [...graph].flatMap(([f, targets]) => (f.startsWith('engine/') ? targets.filter((t) => t.startsWith('dsl/')).map((t) => `${f} → ${t}`) : []));
    expect(upward).toEqual([]);
  });

  it('points one way through the pipeline', () => {
    const backwards = [...graph].flatMap(([f, targets]) =>
      targets.filter((t) => layerOf(f) !== undefined && layerOf(t) !== undefined && layerOf(t)! > layerOf(f)!).map((t) => `${f} → ${t}`),
    );
    expect(backwards).toEqual([]);
  });

  it('uses nothing of Node', () => {
    const nodeImports = files.flatMap((f) =>
      specifiers(f)
        .filter((s) => s.startsWith('node:'))
        .map((s) => `${relative(ROOT, join(ROOT, f))}: ${s}`),
    );
    expect(nodeImports).toEqual([]);
  });
});
