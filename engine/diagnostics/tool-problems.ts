// Problems of test files, files and command lines (SLA5xxx).
import { quoted } from './quote.ts';
import { diagnostic } from './diagnostic.ts';
import { didYouMean, listOf } from './suggest.ts';

export const invalidTestFile = (message: string, path: string, help?: string) => diagnostic('SLA5001', message, { path, ...(help ? { help } : {}) });

export const unknownTestKey = (key: string, what: string, allowed: string[], path: string) =>
  diagnostic('SLA5010', `unknown key ${quoted(key)} in ${what}`, { path, help: didYouMean(key, allowed) ?? `expected one of ${listOf(allowed)}` });

export const fileNotFound = (file: string, what = 'file not found') => diagnostic('SLA5003', what, { file });

export const badUsage = (message: string, help?: string) => diagnostic('SLA5004', message, help ? { help } : {});

/** A library call given something other than what it takes. */
export const notCompiled = () => diagnostic('SLA5012', 'evaluate needs a compiled policy', { help: 'pass compilePolicy(loadPolicy(…))' });
