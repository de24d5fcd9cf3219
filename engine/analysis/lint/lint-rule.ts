// What one lint rule is: a code, a default help text, and a check over a valid policy's IR that
// returns findings at JSON pointers (the linter turns them into diagnostics with spans).
import type { Code, Severity } from '../../diagnostics/index.ts';
import type { Policy } from '../../ir/schema.ts';

export interface Finding {
  /** JSON pointer into the policy: where the span is */
  path: string;
  message: string;
  /** overrides the rule's help where the finding knows better */
  help?: string;
}

export interface LintRule {
  code: Code;
  /** kebab-case, shown in `sla lint --format json` */
  name: string;
  /** error: the policy cannot mean what it says; warning: worth a look */
  severity: Severity;
  help: string;
  check(p: Policy): Finding[];
}
