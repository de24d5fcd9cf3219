// The engine in a Web Worker: checks, compiles, converts and evaluates off the page's thread, so
// typing and scrubbing stay smooth and nothing the user types leaves the browser.
import { evaluate, parseCaseSource, SlaError, type Case } from '../../../engine/core.ts';
import { printDsl, printYaml } from '../../../dsl/index.ts';
import { checkAndCompile } from './load.ts';
import { changes } from '../../../engine/changes/index.ts';
import type { ChangesResult, ConvertResult, Request, Response, RunResult } from './protocol.ts';

const post = (r: Response) => (self as unknown as Worker).postMessage(r);

async function run(req: Extract<Request, { kind: 'run' }>): Promise<RunResult> {
  const { diagnostics, compiled } = checkAndCompile(req.policy);
  if (!compiled) return { policy: diagnostics, case: [], answer: null };
  const { plans, facts, events, zone } = compiled.policy;
  const declarations = { plans, facts, events, zone };
  if (req.case === undefined) return { policy: diagnostics, declarations, case: [], answer: null };
  try {
    const { value, locate } = parseCaseSource(req.case, 'case.yaml');
    const input = (req.at && value && typeof value === 'object' ? { ...(value as object), at: req.at } : value) as Case;
    const answer = await evaluate(compiled, input, { lang: req.lang, file: 'case.yaml', locate });
    return { policy: diagnostics, declarations, case: [], answer };
  } catch (e) {
    if (!(e instanceof SlaError)) throw e;
    return { policy: diagnostics, declarations, case: e.diagnostics, answer: null };
  }
}

async function nextChanges(req: Extract<Request, { kind: 'changes' }>): Promise<ChangesResult> {
  const { compiled } = checkAndCompile(req.policy);
  if (!compiled) return { changes: [] };
  try {
    return { changes: await changes(compiled, parseCaseSource(req.case, 'case.yaml').value as Case, req.from, req.until, { limit: req.limit }) };
  } catch (e) {
    if (e instanceof SlaError) return { changes: [] }; // the case's own diagnostics come from `run`
    throw e;
  }
}

function convert(req: Extract<Request, { kind: 'convert' }>): ConvertResult {
  const { diagnostics, loaded } = checkAndCompile(req.policy);
  if (!loaded) return { diagnostics };
  return { source: (req.to === 'dsl' ? printDsl : printYaml)(loaded.ir), diagnostics: [] };
}

self.onmessage = async (e: MessageEvent<Request & { id: number }>) => {
  const { id, ...req } = e.data;
  try {
    post({ id, result: req.kind === 'run' ? await run(req) : req.kind === 'changes' ? await nextChanges(req) : convert(req) });
  } catch (err) {
    post({ id, failure: err instanceof Error ? err.message : String(err) });
  }
};
