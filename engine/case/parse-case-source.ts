import type { Locator } from '../policy-types.ts';
import { parseData } from '../source/parse-data.ts';

/** Parses a case (or any YAML/JSON data document) safely, keeping positions; throws SlaError. */
export function parseCaseSource(source: string, file?: string): { value: unknown; locate: Locator } {
  return parseData(source, file);
}
