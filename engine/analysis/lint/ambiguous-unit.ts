// `N days` (or hours) where the cited clause says "N business days" (or business/working hours):
// calendar days were probably not meant.
import type { Policy } from '../../ir/schema.ts';
import { durationsOf } from './durations.ts';
import type { Finding, LintRule } from './lint-rule.ts';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen'];

/** The ways a clause may write the number n: digits, or an English word. */
const numberPattern = (n: number) => (WORDS[n] ? `(?:${n}|${WORDS[n]})` : String(n));

function saysBusiness(p: Policy, clause: string, amount: number, unit: 'days' | 'hours'): string | undefined {
  const re = new RegExp(`\\b${numberPattern(amount)}[\\s-]+(?:business|working|work)[\\s-]+${unit === 'days' ? 'days?' : 'hours?'}\\b`, 'i');
  for (const text of Object.values(p.clauses[clause]?.text ?? {})) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

export const ambiguousUnit: LintRule = {
  code: 'SLA6010',
  name: 'ambiguous-unit',
  severity: 'warning',
  help: 'write `N business days` (or `N business hours`) to count on the calendar, or say in an assumption why calendar time is meant',
  check(p) {
    const findings: Finding[] = [];
    for (const d of durationsOf(p)) {
      if (!d.clause) continue;
      const unit = d.parsed.unit === 'days' ? 'days' : d.parsed.unit === 'hours' ? 'hours' : undefined;
      if (!unit) continue;
      const quoted = saysBusiness(p, d.clause, d.parsed.amount, unit);
      if (quoted) findings.push({ path: d.path, message: `"${d.text}" counts calendar time, but clause \`${d.clause}\` says "${quoted}"` });
    }
    return findings;
  },
};
