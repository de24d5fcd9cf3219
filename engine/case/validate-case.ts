// Checks a case against the policy's declarations and normalises it (instants as epoch ms, defaults
// applied, events in time order). A valid case is read in one fast pass; any other is handed to the
// careful validator, which finds every problem and names where it is (a JSON pointer into the case).
import type { Policy } from '../ir/schema.ts';
import type { NormalizedCase } from './case-model.ts';
import { readValidCase } from './read-valid-case.ts';
import { validateCaseCarefully } from './validate-case-carefully.ts';

/** The normalised case; throws SlaError listing every problem when the case is not valid. */
export function validateCase(policy: Policy, input: unknown): NormalizedCase {
  return readValidCase(policy, input) ?? validateCaseCarefully(policy, input);
}
