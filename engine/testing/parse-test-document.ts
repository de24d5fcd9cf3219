// Validates a test file (already parsed by parseCaseSource) into cases; problems are SLA5001
// (SLA5010 for an unknown key) diagnostics with JSON pointers, so one bad case fails alone and the others still run.
import type { AmountItem, CreditItem, DeadlineItem, RefundAnswer } from '../answer.ts';
import { invalidTestFile, placeDiagnostic, unknownTestKey, type Diagnostic } from '../diagnostics/index.ts';
import type { Locator } from '../policy-types.ts';
import { LIST_KINDS, type ExpectedItem, type Expectation, type TestCase, type TestDocument } from './expectation.ts';
import { isRecord } from './values-match.ts';
import { policyReferenceProblem } from '../case/policy-reference.ts';
import { pointerPart } from '../ir/json-pointer.ts';

export interface TestDocumentOptions {
  file?: string;
  locate?: Locator;
}

const DOCUMENT_KEYS = ['policy', 'cases'];
const CASE_KEYS = ['name', 'case', 'expect'];
const EXPECT_KEYS = [...LIST_KINDS, 'refund'];

// Typed as records over the Answer's own keys so a field added there must be added here too.
const DEADLINE_FIELDS: Record<keyof DeadlineItem, true> = {
  id: true,
  subject: true,
  party: true,
  started_at: true,
  due: true,
  status: true,
  met_at: true,
  priority: true,
  recommended: true,
  clause: true,
};
const AMOUNT_FIELDS: Record<keyof AmountItem, true> = {
  id: true,
  amount: true,
  currency: true,
  percent: true,
  of: true,
  basis: true,
  reasons: true,
  clause: true,
};
const CREDIT_FIELDS: Record<keyof CreditItem, true> = {
  id: true,
  period: true,
  amount: true,
  unit: true,
  availability: true,
  downtime_hours: true,
  reasons: true,
  clause: true,
};
const REFUND_FIELDS: Record<keyof RefundAnswer, true> = {
  eligible: true,
  percent: true,
  amount: true,
  basis: true,
  currency: true,
  requested_at: true,
  rule: true,
  reasons: true,
  clause: true,
};
/** Entitlements carry policy-defined extra fields (`starts_now`, `excess`…), so any field is accepted. */
const ITEM_FIELDS: Record<(typeof LIST_KINDS)[number], string[] | undefined> = {
  deadlines: Object.keys(DEADLINE_FIELDS),
  entitlements: undefined,
  amounts: Object.keys(AMOUNT_FIELDS),
  credits: Object.keys(CREDIT_FIELDS),
};

export function parseTestDocument(value: unknown, options: TestDocumentOptions = {}): TestDocument {
  const problem = (pointer: string, message: string, help?: string): Diagnostic => placeDiagnostic(invalidTestFile(message, pointer, help), options);
  const unknownKeys = (obj: Record<string, unknown>, pointer: string, allowed: string[], what: string) =>
    Object.keys(obj)
      .filter((k) => !allowed.includes(k))
      .map((k) => placeDiagnostic(unknownTestKey(k, what, allowed, `${pointer}/${pointerPart(k)}`), options));

  if (!isRecord(value)) {
    return { cases: [], diagnostics: [problem('', 'a test file is a mapping with `policy` and `cases`')] };
  }
  const diagnostics = unknownKeys(value, '', DOCUMENT_KEYS, 'a test file');
  let policy: string | undefined;
  if (value.policy !== undefined) {
    const wrong = policyReferenceProblem(value.policy);
    if (wrong) diagnostics.push(problem('/policy', wrong));
    else policy = value.policy as string;
  }
  if (value.cases === undefined) {
    diagnostics.push(problem('', 'missing `cases`: a test file lists its cases under `cases`'));
    return { policy, cases: [], diagnostics };
  }
  if (!Array.isArray(value.cases) || value.cases.length === 0) {
    diagnostics.push(problem('/cases', '`cases` must be a non-empty list of cases'));
    return { policy, cases: [], diagnostics };
  }
  const cases = value.cases.map((entry, i) => parseCase(entry, `/cases/${i}`, i, policy, problem, unknownKeys));
  return { policy, cases, diagnostics };
}

type Problem = (pointer: string, message: string, help?: string) => Diagnostic;
type UnknownKeys = (obj: Record<string, unknown>, pointer: string, allowed: string[], what: string) => Diagnostic[];

function parseCase(entry: unknown, pointer: string, index: number, filePolicy: string | undefined, problem: Problem, unknownKeys: UnknownKeys): TestCase {
  const fallbackName = `case ${index + 1}`;
  if (!isRecord(entry)) {
    return {
      name: fallbackName,
      pointer,
      case: undefined,
      expect: {},
      diagnostics: [problem(pointer, 'a case is a mapping with `name`, `case` and `expect`')],
    };
  }
  const diagnostics = unknownKeys(entry, pointer, CASE_KEYS, 'a case');
  let name = fallbackName;
  if (typeof entry.name === 'string' && entry.name.trim() !== '') name = entry.name;
  else diagnostics.push(problem(`${pointer}${entry.name === undefined ? '' : '/name'}`, 'a case needs a `name`'));

  if (!isRecord(entry.case)) {
    diagnostics.push(problem(`${pointer}${entry.case === undefined ? '' : '/case'}`, 'a case needs `case`: a mapping with `at`, `plans`, `facts`, `events`'));
  }
  const named = isRecord(entry.case) ? entry.case.policy : undefined;
  const wrong = named === undefined ? undefined : policyReferenceProblem(named);
  if (wrong) diagnostics.push(problem(`${pointer}/case/policy`, wrong));
  const policy = named === undefined ? filePolicy : wrong ? undefined : (named as string);
  if (policy === undefined && !wrong) {
    diagnostics.push(problem(pointer, 'no policy for this case: set `policy` at the top of the file or in the case'));
  }

  let expect: Expectation = {};
  if (!isRecord(entry.expect)) {
    diagnostics.push(
      problem(
        `${pointer}${entry.expect === undefined ? '' : '/expect'}`,
        'a case needs `expect`: a mapping of `deadlines`, `entitlements`, `amounts`, `refund`, `credits`',
      ),
    );
  } else {
    expect = parseExpect(entry.expect, `${pointer}/expect`, diagnostics, problem, unknownKeys);
  }
  return { name, pointer, ...(policy !== undefined ? { policy } : {}), case: entry.case, expect, diagnostics };
}

function parseExpect(value: Record<string, unknown>, pointer: string, diagnostics: Diagnostic[], problem: Problem, unknownKeys: UnknownKeys): Expectation {
  diagnostics.push(...unknownKeys(value, pointer, EXPECT_KEYS, '`expect`'));
  const expect: Expectation = {};
  for (const kind of LIST_KINDS) {
    const list = value[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      diagnostics.push(problem(`${pointer}/${kind}`, `\`${kind}\` must be a list of items (\`[]\` for none at all)`));
      continue;
    }
    const items: ExpectedItem[] = [];
    list.forEach((item, i) => {
      const at = `${pointer}/${kind}/${i}`;
      if (!isRecord(item) || typeof item.id !== 'string') {
        diagnostics.push(problem(at, `each of \`${kind}\` is a mapping with an \`id\``));
        return;
      }
      const fields = ITEM_FIELDS[kind];
      if (fields) diagnostics.push(...unknownKeys(item, at, fields, `an item of \`${kind}\``));
      if ('period' in item && !isRecord(item.period)) {
        diagnostics.push(problem(`${at}/period`, '`period` is a mapping with `from` and `until`'));
      }
      items.push(item as ExpectedItem);
    });
    expect[kind] = items;
  }
  if ('refund' in value) {
    const refund = value.refund;
    if (refund === null) expect.refund = null;
    else if (isRecord(refund)) {
      diagnostics.push(...unknownKeys(refund, `${pointer}/refund`, Object.keys(REFUND_FIELDS), '`refund`'));
      expect.refund = refund;
    } else {
      diagnostics.push(problem(`${pointer}/refund`, '`refund` is a mapping of fields, or `null` for no refund terms'));
    }
  }
  return expect;
}
