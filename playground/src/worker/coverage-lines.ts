// The test file's coverage as a shade per line of the policy's source, read from the LCOV that
// `sla test --coverage` writes for editors: a line whose conditions were all seen holding and
// failing is seen both ways, one with any condition seen only one way (or not at all) one way, a
// line nothing on it decided never. Clause and item lines without conditions count as both ways
// once they decided a case.
import type { CoverageShade } from './protocol.ts';

export function coverageLines(lcov: string): [number, CoverageShade][] {
  const hits = new Map<number, number>();
  const branches = new Map<number, number[]>();
  for (const row of lcov.split('\n')) {
    const da = /^DA:(\d+),(\d+)/.exec(row);
    if (da) hits.set(Number(da[1]), Number(da[2]));
    const br = /^BRDA:(\d+),\d+,\d+,(\d+)/.exec(row);
    if (br) branches.set(Number(br[1]), [...(branches.get(Number(br[1])) ?? []), Number(br[2])]);
  }
  const lines = new Set([...hits.keys(), ...branches.keys()]);
  return [...lines]
    .sort((a, b) => a - b)
    .map((line): [number, CoverageShade] => {
      const taken = branches.get(line);
      if (!taken) return [line, (hits.get(line) ?? 0) > 0 ? 'both' : 'never'];
      if (taken.every((n) => n > 0)) return [line, 'both'];
      return [line, taken.some((n) => n > 0) || (hits.get(line) ?? 0) > 0 ? 'one' : 'never'];
    });
}
