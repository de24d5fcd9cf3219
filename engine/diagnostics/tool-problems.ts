// Problems of test files, files and command lines (SLA5xxx).
import { quoteName } from './quote-value.ts';
import { diagnostic } from './diagnostic.ts';
import { didYouMean, listOf } from './suggest.ts';

export const invalidTestFile = (message: string, path: string, help?: string) => diagnostic('SLA5001', message, { path, ...(help ? { help } : {}) });

export const unknownTestKey = (key: string, what: string, allowed: string[], path: string) =>
  diagnostic('SLA5010', `unknown key ${quoteName(key)} in ${what}`, { path, help: didYouMean(key, allowed) ?? `expected one of ${listOf(allowed)}` });

export const fileNotFound = (file: string, what = 'file not found') => diagnostic('SLA5003', what, { file });

export const cannotRead = (file: string, reason: string) => diagnostic('SLA5003', `cannot read the file (${reason})`, { file });

/** A folder, a device such as /dev/zero, a FIFO that would block: only regular files are read. */
export const notRegularFile = (file: string, what: string) => diagnostic('SLA5005', what, { file });

export const fileTooLarge = (size: string, limit: number, file: string) =>
  diagnostic('SLA1004', `the file is ${size} bytes; the limit is ${limit} bytes`, { file });

export const badUsage = (message: string, help?: string) => diagnostic('SLA5004', message, help ? { help } : {});

/** A case of a batch that the evaluator failed on (a fault, not the case's): reported in its place
 *  so the rest of the batch goes on. */
export const caseNotEvaluated = (reason: string) =>
  diagnostic('SLA5020', `the case was not evaluated: ${reason}`, {
    help: 'the rest of the batch was evaluated; run this case alone with `sla eval` (SLA_DEBUG=1 shows details)',
  });
