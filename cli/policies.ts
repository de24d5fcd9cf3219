// Where policies come from: `--policy relokia` (an id, looked up in the policies folder as
// <id>.yaml, else <id>.sla) or a file path on the command line; only an id from a case or a test file.
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { policyReferenceNotId, SlaError, unknownPolicy } from '../engine/diagnostics/index.ts';
import { policyReferenceProblem } from '../engine/case/policy-reference.ts';
import type { CompiledPolicy, LoadedPolicy } from '../engine/core.ts';
import { displayPath } from './display-path.ts';
import { loadEngine, loadEngineFor } from './engine.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import { readSourceFile } from './read-source-file.ts';

/** The policies bundled with the package, wherever it is run from. */
export const BUNDLED_POLICIES = join(PACKAGE_ROOT, 'policies');

const POLICY_EXTENSIONS = ['.yaml', '.sla'];

export const policiesDir = (option: string | undefined) => (option === undefined ? BUNDLED_POLICIES : resolve(option));

/** A reference with a folder or a known extension is a path; anything else an id. */
export const isPolicyPath = (ref: string) => /[\\/]/.test(ref) || ['.yaml', '.yml', '.sla', '.json'].includes(extname(ref));

const exists = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/** The absolute file of a command-line policy reference (a path or an id); paths are relative to `base`. */
export async function resolvePolicy(ref: string, dir: string, base = process.cwd(), prefer: 'yaml' | 'dsl' = 'yaml'): Promise<string> {
  return isPolicyPath(ref) ? resolve(base, ref) : findPolicy(ref, dir, prefer);
}

/** The file of a policy id in the policies folder: how a case or a test file names its policy. */
export async function findPolicy(id: string, dir: string, prefer: 'yaml' | 'dsl' = 'yaml'): Promise<string> {
  const wrong = policyReferenceProblem(id);
  if (wrong) throw new SlaError([policyReferenceNotId(wrong)]);
  for (const ext of prefer === 'dsl' ? [...POLICY_EXTENSIONS].reverse() : POLICY_EXTENSIONS) {
    const candidate = join(dir, id + ext);
    if (await exists(candidate)) return candidate;
  }
  const ids = await policyIds(dir);
  throw new SlaError([unknownPolicy(id, displayPath(dir), ids)]);
}

async function policyIds(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const ids = names.filter((n) => POLICY_EXTENSIONS.includes(extname(n)) && !n.endsWith('.test.yaml')).map((n) => n.slice(0, -extname(n).length));
  return [...new Set(ids)].sort();
}

/** Reads and loads a policy file; throws SlaError with the file's diagnostics. */
export async function loadPolicyFile(path: string): Promise<LoadedPolicy> {
  const { file, text } = await readSourceFile(path);
  const { loadPolicy } = await loadEngineFor(file);
  return loadPolicy({ source: text, file });
}

/** Reads, loads and compiles a policy file: what evaluation takes. */
export async function compilePolicyFile(path: string): Promise<CompiledPolicy> {
  const { compilePolicy } = await loadEngine();
  return compilePolicy(await loadPolicyFile(path));
}
