// Problems of the source text itself (SLA10xx): what the YAML reader and the screening find.
import { quoteName } from './quote-value.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';

type Where = Partial<Pick<Diagnostic, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'path'>>;

export const inputTooLarge = (size: number, limit: number, unit: 'characters' | 'bytes', where: Where = {}) =>
  diagnostic('SLA1004', `input too large: ${size} ${unit}, the limit is ${limit}`, {
    ...where,
    help: 'split the document, or leave out what it does not need',
  });

export const notText = (what: string, where: Where = {}) =>
  diagnostic('SLA1007', `not text: ${what}`, { ...where, help: 'a policy, case or test file is UTF-8 text without control characters' });

export const emptyDocument = (where: Where = {}) => diagnostic('SLA1006', 'the document is empty', { line: 1, column: 1, ...where });

export const nestingTooDeep = (limit: number, depth: number | undefined, where: Where = {}) =>
  diagnostic('SLA1005', depth === undefined ? `the document nests more than ${limit} levels deep` : `brackets nest ${depth} deep; the limit is ${limit}`, {
    ...where,
    help: 'policies and cases need a few levels; flatten the structure',
  });

/** An error the YAML reader reports, by the reader's own error code; its message made lowercase
 *  (but for a leading acronym) to read as ours do. */
export function yamlError(readerCode: string, readerMessage: string, where: Where = {}, key?: string): Diagnostic {
  const message = /^[A-Z][a-z]/.test(readerMessage) ? readerMessage[0].toLowerCase() + readerMessage.slice(1) : readerMessage;
  if (readerCode === 'DUPLICATE_KEY')
    return diagnostic('SLA1003', key === undefined ? message : `the key ${quoteName(key)} is given twice in one mapping`, {
      ...where,
      help: 'keep one of them',
    });
  if (readerCode === 'MULTIPLE_DOCS')
    return diagnostic('SLA1009', message, { ...where, help: 'one file holds one document: remove the `---` and what follows' });
  return diagnostic('SLA1001', message, where);
}

/** A .json file that JSON.parse refuses (YAML would read trailing commas, comments, bare keys). */
export const notJson = (what: string | undefined, where: Where = {}) =>
  diagnostic('SLA1010', `not valid JSON${what ? `: ${what}` : ''}`, { ...where, help: 'a .json file is strict JSON; write YAML in a .yaml file' });

export const yamlTagRefused = (tag: string, where: Where = {}) =>
  diagnostic('SLA1011', `the YAML tag ${quoteName(tag)} is not allowed`, { ...where, help: 'write the plain value' });

export const tagDirectiveRefused = (where: Where = {}) =>
  diagnostic('SLA1011', '%TAG directives are not allowed', { ...where, help: 'write plain values, without tags' });

export const aliasRefused = (name: string, where: Where = {}) =>
  diagnostic('SLA1002', `aliases (\`*${name}\`) are not allowed`, { ...where, help: 'write the value out' });

export const keyNotScalar = (where: Where = {}) =>
  diagnostic('SLA1020', 'keys must be plain scalars', { ...where, help: 'write the key as a name, e.g. `ticket_opened:`' });

export const forbiddenKey = (key: string, where: Where = {}) =>
  diagnostic('SLA1008', `the key ${quoteName(key)} is not allowed`, { ...where, help: '`__proto__`, `constructor` and `prototype` are reserved' });

export const dslNotGiven = (where: Where = {}) =>
  diagnostic('SLA1117', 'the DSL front end was not given', { ...where, help: "pass { parseDsl } from 'sla-policy-engine/dsl' in the load options" });
