// Problems the compiler's checks find in a policy's meaning (SLA3xxx): references that do not
// resolve, values of the wrong type, durations and calendars that cannot work.
import type { Code } from './codes.ts';
import { quoteName, quoteValue } from './quote-value.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import { didYouMean, listOf } from './suggest.ts';

/** What a policy refers to by name, each with the code of its unknown reference. */
const REFERENCE_CODES = {
  instant: 'SLA3001',
  fact: 'SLA3002',
  'event type': 'SLA3003',
  attribute: 'SLA3004',
  'plan dimension': 'SLA3005',
  calendar: 'SLA3008',
  clause: 'SLA3009',
  deadline: 'SLA3030',
  counter: 'SLA3031',
  entitlement: 'SLA3032',
  'plan option': 'SLA3033',
} as const satisfies Record<string, Code>;

export type ReferenceKind = keyof typeof REFERENCE_CODES;

/** `unknown <kind> \`name\`` with the near miss, else what is declared. `of` names the owner
 *  (the event type of an attribute, the plan dimension of an option). */
export function unknownReference(kind: ReferenceKind, name: string, candidates: Iterable<string>, path: string, of?: string): Diagnostic {
  const list = [...candidates];
  const owner = of === undefined ? '' : kind === 'plan option' ? ` of plan ${quoteName(of)}` : ` of ${quoteName(of)}`;
  return diagnostic(REFERENCE_CODES[kind], `unknown ${kind === 'plan option' ? 'option' : kind} ${quoteName(name)}${owner}`, {
    path,
    help: didYouMean(name, list) ?? (list.length ? `declared: ${listOf(list)}` : `no ${kind} is declared${owner}`),
  });
}

/** A deadline per subject whose stop event does not carry the subject. */
export const stopWithoutSubject = (event: string, subject: string, path: string) =>
  diagnostic('SLA3004', `${quoteName(event)} has no attribute ${quoteName(subject)}, so it cannot stop a deadline per ${subject}`, {
    path,
    help: `declare ${quoteName(subject)} among the attributes of ${quoteName(event)}`,
  });

/** An entitlement per subject that no event type carries. */
export const subjectOnNoEvent = (subject: string, path: string) =>
  diagnostic('SLA3004', `no event type has an attribute ${quoteName(subject)} to tell the subjects apart`, { path });

export const missingPlanValues = (missing: string[], dimension: string, path: string) =>
  diagnostic('SLA3006', `no value for ${listOf(missing)} of plan ${quoteName(dimension)}`, {
    path,
    help: 'give one, or leave those options out with `applies:`',
  });

export const invalidZone = (problem: { message: string; help?: string }, path?: string) =>
  diagnostic('SLA3007', problem.message, { ...(path !== undefined ? { path } : {}), ...(problem.help ? { help: problem.help } : {}) });

export const duplicateId = (id: string, first: string, path: string) =>
  diagnostic('SLA3010', `the id ${quoteName(id)} is used twice (also at ${first})`, { path, help: 'give each item an id of its own' });

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

export const wrongValueType = (what: string, type: string, value: unknown, path: string) =>
  diagnostic('SLA3011', `${what} is ${article(type)}; ${quoteValue(value)} is not`, { path });

export const notDeclaredValue = (value: unknown, what: string, allowed: string[], path: string) =>
  diagnostic('SLA3035', `${quoteValue(value)} is not a value of ${what}`, {
    path,
    help: didYouMean(String(value), allowed) ?? `expected one of ${listOf(allowed)}`,
  });

/** A fact or attribute used as a number (an amount, a comparison) that is declared otherwise. */
export const numberNeeded = (what: string, type: string, path: string, use = 'a number is needed here') =>
  diagnostic('SLA3036', `${what} is a ${type}; ${use}`, { path, help: 'declare it as a number or an integer' });

/** A fact or attribute read as a percentage whose declaration lets it leave 0–100. */
export const percentOutOfRange = (what: string, problem: string, path: string) =>
  diagnostic('SLA3070', `${what} is read as a percentage, but ${problem}`, {
    path,
    help: 'a percentage lies between 0 and 100: declare no negative `minimum`, and keep the declared values and the default within 0–100',
  });

export const mixedCurrencies = (currencies: string[], path: string) =>
  diagnostic('SLA3071', `the candidates are in different currencies (${currencies.join(', ')}), so they cannot be compared`, {
    path,
    help: 'give every candidate amount the same currency, or leave it out to mean the currency of the case',
  });

export const downtimeWithoutDuration = (event: string, path: string) =>
  diagnostic('SLA3037', `${quoteName(event)} has no duration; declare it with \`duration: true\``, { path });

export const emptyValueSet = (what: string, path: string) =>
  diagnostic('SLA3080', `an empty list of values for ${what} matches no event`, {
    path,
    help: 'list the accepted values, or leave the attribute out of `where` to accept any',
  });

export const emptyComparison = (what: string, path: string) =>
  diagnostic('SLA3081', `the comparisons of ${what} are empty`, {
    path,
    help: 'give at least one: equals, not_equals, in, not_in, greater_than, less_than, at_least or at_most',
  });

export const eachWithSubject = (path: string) =>
  diagnostic('SLA3082', 'an entitlement answered per event (`each`) cannot also be answered per subject', {
    path,
    help: 'name each item by an attribute with `each: { event: …, subject: <attribute> }` instead',
  });

export const oneComparison = (found: number, comparisons: readonly string[], path: string) =>
  diagnostic('SLA3038', `a fact condition needs exactly one comparison (found ${found})`, {
    path,
    help: `${comparisons.slice(0, -1).join(', ')} or ${comparisons.at(-1)}`,
  });

export const clauseWithoutText = (id: string, path: string) =>
  diagnostic('SLA3014', `clause ${quoteName(id)} has no text`, { path, help: 'give its text in at least one language, e.g. `en: "…"`' });

const DURATION_FORMS = 'e.g. "24 hours", "3 days", "14 business days", "5 business hours", "1 solar year"';
export const invalidDuration = (text: string, path?: string, help = DURATION_FORMS) =>
  diagnostic('SLA3015', `"${text}" is not a duration`, { ...(path !== undefined ? { path } : {}), help });

export const durationTooLong = (text: string, years: number, path?: string) =>
  diagnostic('SLA3015', `"${text}" is longer than ${years} years, more than the clocks compute`, {
    ...(path !== undefined ? { path } : {}),
    help: 'check the number',
  });

/** A number in the policy the answers could not carry exactly (`problem` says which bound it passes). */
export const numberOutOfRange = (problem: string, path: string) => diagnostic('SLA3016', problem, { path });

/** `any` directly inside `any`: one `any` lists all the alternatives. */
export const nestedAny = (path: string) =>
  diagnostic('SLA2008', '`any` cannot be nested in `any`', { path, help: 'list its conditions in the outer `any` instead: any of any is any' });

const COMPILED_HELP = 'evaluate takes compilePolicy(loadPolicy(…)), or its JSON';

/** A compiled policy (JSON from anywhere) that is not what compilePolicy gives. */
export const malformedCompiled = (message: string, path: string) => diagnostic('SLA3018', message, { path, help: COMPILED_HELP });

export const unknownOperator = (operator: unknown, path?: string) =>
  diagnostic('SLA3017', `unknown operator ${quoteValue(operator)} in a compiled rule`, { ...(path !== undefined ? { path } : {}), help: COMPILED_HELP });

export const unknownCompiledFact = (name: unknown, path: string) => diagnostic('SLA3002', `unknown fact ${quoteValue(name)} in a compiled rule`, { path });

export const negativeDuration = (what: string) => diagnostic('SLA3015', `${what} must be a finite duration that is not negative`);

export const partSolarYear = (text: string) => diagnostic('SLA3015', `"${text}": solar years are counted whole`, { help: 'e.g. "1 solar year"' });

export const durationNeedsCalendar = (text: string, path?: string) =>
  diagnostic('SLA3034', `"${text}" needs a calendar`, {
    ...(path !== undefined ? { path } : {}),
    help: 'name one with `calendar:` on the item or at the top of the policy',
  });

export const decidedByLedger = (field: string, path: string) =>
  diagnostic(
    'SLA3060',
    `an entitlement with a ledger takes its ${field === 'limit_kind' ? 'kind of limit' : `\`${field}\``} from its pools; \`${field}\` cannot be given too`,
    {
      path,
      help: 'leave it out: the limit is the pools held, `until` the next expiry, and it opens with the first grant',
    },
  );

export const ledgerUsage = (what: string, path: string) =>
  diagnostic('SLA3061', `a ledger takes each use from a pool, so ${what}`, {
    path,
    help: 'count the events (`used: { count: … }`) or sum an attribute of them (`used: { sum: …, of: … }`), every grant and every use',
  });

export const ledgerSizes = (missing: string[], what: string, path: string) =>
  diagnostic('SLA3062', `no pool size for ${listOf(missing)} of ${what}`, { path, help: 'give each value its size under `amount.values`' });
