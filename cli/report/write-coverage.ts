// Measures the coverage of each policy a test run used and reports it: the terminal table, a JSON
// file, an LCOV tracefile.
import { writeFile } from 'node:fs/promises';
import type { Coverage } from '../../engine/analysis/coverage.ts';
import type { CompiledPolicy } from '../../engine/core.ts';
import { displayPath } from '../display-path.ts';
import { loadPolicyFile } from '../policies.ts';
import { styleFor } from '../text/style.ts';
import { formatCoverage } from './coverage-report.ts';

export async function reportCoverage(
  ran: Map<string, unknown[]>,
  pathOf: (id: string) => Promise<string>,
  policyFor: (id: string) => Promise<CompiledPolicy>,
  to: { print: boolean; json?: string; lcov?: string },
): Promise<void> {
  const { measureCoverage } = await import('../../engine/analysis/coverage.ts');
  const { toLcov } = await import('../../engine/analysis/lcov.ts');
  const out = process.stdout;
  const reports: (Coverage & { file: string })[] = [];
  const lcov: string[] = [];
  for (const [id, cases] of [...ran].sort(([a], [b]) => a.localeCompare(b))) {
    let path: string;
    let compiled: CompiledPolicy;
    try {
      [path, compiled] = [await pathOf(id), await policyFor(id)];
    } catch {
      continue; // the run already failed these cases with the policy's diagnostics
    }
    const coverage = await measureCoverage(compiled, cases);
    const file = displayPath(path);
    reports.push({ file, ...coverage });
    if (to.print) out.write(`\n${formatCoverage(coverage, file, styleFor(out)).join('\n')}\n`);
    if (to.lcov !== undefined) lcov.push(toLcov(coverage, await loadPolicyFile(path), path));
  }
  if (to.json !== undefined) await writeFile(to.json, `${JSON.stringify({ policies: reports }, null, 2)}\n`);
  if (to.lcov !== undefined) await writeFile(to.lcov, lcov.join(''));
}
