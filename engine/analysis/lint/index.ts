// `sla lint`: the rules, in code order, and the linter that turns their findings into diagnostics
// with spans in the policy's source.
import { loadHolidayData } from '../../calendar/index.ts';
import type { Diagnostic } from '../../diagnostics/index.ts';
import type { LoadedPolicy } from '../../policy-types.ts';
import { ambiguousUnit } from './ambiguous-unit.ts';
import { calendarNoWorkingTime } from './calendar-no-working-time.ts';
import { clauseTextMissing } from './clause-text-missing.ts';
import { clauseUncited } from './clause-uncited.ts';
import { contradictoryDeadlines } from './contradictory-deadlines.ts';
import { countNotPerSubject } from './count-not-per-subject.ts';
import { durationTooLong } from './duration-too-long.ts';
import { exclusionNeverApplies } from './exclusion-never-applies.ts';
import { holidaysEnd } from './holidays-end.ts';
import type { LintRule } from './lint-rule.ts';
import { planOptionsUndistinguished } from './plan-options-undistinguished.ts';
import { refundRuleShadowed } from './refund-rule-shadowed.ts';
import { windowNeverOpens } from './window-never-opens.ts';

export type { Finding, LintRule } from './lint-rule.ts';

export const LINT_RULES: readonly LintRule[] = [
  calendarNoWorkingTime,
  holidaysEnd,
  windowNeverOpens,
  planOptionsUndistinguished,
  refundRuleShadowed,
  exclusionNeverApplies,
  contradictoryDeadlines,
  clauseUncited,
  clauseTextMissing,
  ambiguousUnit,
  durationTooLong,
  countNotPerSubject,
];

/** The lint diagnostics of a loaded (valid) policy, in source order. Async because calendars with
 *  country holidays need the holiday data, which loads on demand. */
export async function lintPolicy(loaded: LoadedPolicy, rules: readonly LintRule[] = LINT_RULES): Promise<Diagnostic[]> {
  if (Object.values(loaded.ir.calendars ?? {}).some((c) => c.holidays?.some((h) => 'country' in h))) await loadHolidayData();
  const out = rules.flatMap((rule) =>
    rule.check(loaded.ir).map((f): Diagnostic => {
      const at = loaded.locate(f.path);
      return {
        severity: rule.severity,
        code: rule.code,
        message: f.message,
        help: f.help ?? rule.help,
        ...(loaded.file !== undefined ? { file: loaded.file } : {}),
        ...(at ?? {}),
        path: f.path,
      };
    }),
  );
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
