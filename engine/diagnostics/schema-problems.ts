// Problems the JSON Schema finds in a policy's shape (SLA2xxx). `where` names the place as the
// author wrote it: the property's key, or "the document".
import { quoteName, quoteValue } from './quote-value.ts';
import { diagnostic } from './diagnostic.ts';
import { didYouMean, listOf } from './suggest.ts';

export const unknownProperty = (name: string, known: string[], path: string) =>
  diagnostic('SLA2002', `unknown property ${quoteName(name)}`, { path, help: didYouMean(name, known) ?? `expected one of ${listOf(known)}` });

/** The schema's name patterns said in words: `[a-z][a-z0-9_]*`, with `-` too for clause ids. */
const nameRule = (pattern: string) =>
  /\[a-z\]\[a-z0-9_-?\]\*/.test(pattern)
    ? `names are lower-case letters, digits${pattern.includes('_-]') ? ', `_` and `-`' : ' and `_`'}, starting with a letter`
    : `names must match ${pattern}`;

export const invalidName = (name: string, pattern: string | undefined, path: string) =>
  diagnostic('SLA2006', `${quoteName(name)} is not a valid name here`, { path, ...(pattern ? { help: nameRule(pattern) } : {}) });

/** An attribute named as an event's own field in a case (`type`, `at`, `until`): no case could give it. */
export const eventFieldAsAttribute = (name: string, path: string) =>
  diagnostic('SLA2006', `${quoteName(name)} is not a valid name here`, {
    path,
    help: 'a case gives every event its `type` and `at`, and an event with a duration its `until`: name the attribute otherwise',
  });

export const missingProperty = (name: string, where: string, path: string) =>
  diagnostic('SLA2003', `missing property ${quoteName(name)} in ${where}`, { path });

export const wrongShape = (where: string, expected: string, actual: string, path: string) =>
  diagnostic('SLA2004', `${where} must be ${expected}, not ${actual}`, { path });

export const valueNotAllowed = (value: unknown, where: string, allowed: string[], path: string) =>
  diagnostic('SLA2005', `${quoteValue(value)} is not allowed for ${where}`, {
    path,
    help: (typeof value === 'string' && didYouMean(value, allowed)) || `expected one of ${listOf(allowed)}`,
  });

export const valueNotInForm = (value: unknown, where: string, expected: string, path: string) =>
  diagnostic('SLA2007', `${quoteValue(value)} is not valid for ${where}`, { path, help: expected });

export const schemaViolation = (where: string, what: string, path: string) => diagnostic('SLA2001', `${where} ${what}`, { path });

/** `__proto__`, `constructor` or `prototype` as a name: every JavaScript object has them already. */
export const reservedName = (name: string, path: string) =>
  diagnostic('SLA1008', `the name ${quoteName(name)} is not allowed`, { path, help: 'every JavaScript object has that name already; choose another' });
