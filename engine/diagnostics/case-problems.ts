// Problems in a customer case (SLA4xxx), each at a JSON pointer into the case, and the problems
// of evaluating one (unknown policy, language, out of range).
import type { Code } from './codes.ts';
import { quoteName, quoteValue } from './quote-value.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import { didYouMean, listOf } from './suggest.ts';

const CASE_FIELDS = ['policy', 'at', 'plans', 'facts', 'events'];

export const caseNotMapping = () => diagnostic('SLA4001', 'a case must be a mapping with `at`, `plans`, `facts` and `events`', { path: '' });

export const unknownCaseField = (key: string, path: string) =>
  diagnostic('SLA4030', `unknown case field ${quoteName(key)}`, { path, help: didYouMean(key, CASE_FIELDS) ?? `expected ${listOf(CASE_FIELDS)}` });

export const caseForOtherPolicy = (given: unknown, actual: string) =>
  diagnostic('SLA4034', `the case is for policy ${quoteName(String(given))}, but it is evaluated under ${quoteName(actual)}`, {
    path: '/policy',
    help: `evaluate it under ${quoteName(String(given))}, or change its \`policy:\``,
  });

const INSTANT_HELP = 'write an ISO 8601 time with an offset, e.g. 2025-03-10T12:00:00+02:00';

export const notAnInstant = (value: unknown, path: string) => diagnostic('SLA4003', `${quoteValue(value)} is not an instant`, { path, help: INSTANT_HELP });

/** What the instant parser said of a string: no offset, or not an instant at all. */
export const badInstant = (error: string, path?: string): Diagnostic =>
  diagnostic(/offset/i.test(error) ? 'SLA4002' : 'SLA4003', error, path === undefined ? {} : { path });

export const notADate = (value: string) => diagnostic('SLA4003', `${quoteName(value)} is not a date`, { help: 'write YYYY-MM-DD' });

export const missingValue = (message: string, path: string, help?: string) => diagnostic('SLA4009', message, { path, ...(help ? { help } : {}) });

export const wrongCaseShape = (message: string, path: string) => diagnostic('SLA4008', message, { path });

/** What a case refers to by name, each with the code of its unknown reference. */
const CASE_REFERENCE_CODES = {
  'event type': 'SLA4004',
  fact: 'SLA4006',
  'plan dimension': 'SLA4032',
} as const satisfies Record<string, Code>;

export const unknownInCase = (kind: keyof typeof CASE_REFERENCE_CODES, name: string, known: string[], policy: string, path: string) =>
  diagnostic(CASE_REFERENCE_CODES[kind], `unknown ${kind} ${quoteName(name)}`, {
    path,
    help: didYouMean(name, known) ?? (known.length ? `${quoteName(policy)} declares ${listOf(known)}` : `${quoteName(policy)} declares no ${kind}`),
  });

export const unknownPlanOption = (value: unknown, dimension: string, options: string[], path: string) =>
  diagnostic('SLA4007', `unknown option ${typeof value === 'string' ? quoteName(value) : quoteValue(value)} of plan ${quoteName(dimension)}`, {
    path,
    help: (typeof value === 'string' && didYouMean(value, options)) || `expected one of ${listOf(options)}`,
  });

export const unknownEventAttribute = (name: string, type: string, known: string[], path: string) =>
  diagnostic('SLA4005', `unknown attribute ${quoteName(name)} of ${quoteName(type)}`, {
    path,
    help: didYouMean(name, known) ?? (known.length ? `${quoteName(type)} has ${listOf(known)}` : `${quoteName(type)} has no attributes`),
  });

export const untilWithoutDuration = (type: string, withDuration: string[], path: string) =>
  diagnostic('SLA4031', `${quoteName(type)} events have no \`until\``, {
    path,
    help: withDuration.length ? `only events declared with a duration do (${listOf(withDuration)})` : 'no event type of this policy has a duration',
  });

export const untilBeforeAt = (until: unknown, at: unknown, path: string) =>
  diagnostic('SLA4010', `\`until\` (${String(until)}) is before \`at\` (${String(at)})`, { path });

export const wrongCaseValue = (what: string, expected: string, value: unknown, path: string) =>
  diagnostic(
    'SLA4008',
    `${what} must be ${expected}, not ${quoteValue(value)}${typeof value === 'number' && !Number.isFinite(value) ? ' (numbers must be finite)' : ''}`,
    { path },
  );

/** A number the answers could not carry exactly (`problem` says which bound it passes). */
export const caseNumberOutOfRange = (what: string, problem: string, path: string) => diagnostic('SLA4016', `${what}: ${problem}`, { path });

export const notDeclaredCaseValue = (value: unknown, what: string, allowed: string[], path: string) =>
  diagnostic('SLA4033', `${quoteValue(value)} is not a value of ${what}`, {
    path,
    help: didYouMean(String(value), allowed) ?? `expected one of ${listOf(allowed)}`,
  });

export const negativeQuantity = (what: string, value: number, minimum: number, path: string) =>
  diagnostic('SLA4011', `${what} is ${value}; it cannot be less than ${minimum}`, { path });

export const percentOutsideRange = (what: string, value: number, path: string) =>
  diagnostic('SLA4050', `${what} is ${value}, a percentage; it must lie between 0 and 100`, { path });

export const unknownPolicy = (ref: string, folder: string, ids: string[]) =>
  diagnostic('SLA4012', `unknown policy ${quoteName(ref)} in ${quoteName(folder)}`, {
    help: didYouMean(ref, ids) ?? (ids.length ? `known policies: ${listOf(ids)}` : 'the folder has no policies'),
  });

/** A case or test file naming its policy by something other than an id (a path, say). */
export const policyReferenceNotId = (problem: string) => diagnostic('SLA4015', problem);

export const unsupportedLanguage = (lang: string) =>
  diagnostic('SLA4013', `unsupported language ${quoteName(lang)}`, { help: 'use a two-letter code such as en, uk or fa' });

export const outOfRange = (message: string, help?: string) => diagnostic('SLA4014', message, help ? { help } : {});
