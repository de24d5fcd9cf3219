// What loading and compiling a policy yields.
import type { Diagnostic } from './diagnostics/index.ts';
import type { Policy } from './ir/schema.ts';
import type { RuleProperties } from 'json-rules-engine';

export type PolicyFormat = 'yaml' | 'dsl';

export interface PolicyInput {
  source: string;
  /** shown in diagnostics; its extension (.yaml/.yml/.sla) picks the format when `format` is absent */
  file?: string;
  format?: PolicyFormat;
}

export interface Position {
  line: number;
  column: number;
  /** the end of the span, just past its last character, where the front end knows it */
  endLine?: number;
  endColumn?: number;
}

/** Maps a JSON pointer into the parsed value back to its place in the source text: the span of the
 *  value, or with `part: 'key'` the span of the key that holds it (front ends without keys ignore it). */
export type Locator = (pointer: string, part?: 'key' | 'value') => Position | undefined;

export interface LoadedPolicy {
  kind: 'loaded';
  ir: Policy;
  format: PolicyFormat;
  source: string;
  file?: string;
  locate: Locator;
  /** warnings found while loading (errors are thrown) */
  warnings: Diagnostic[];
}

/** A compiled policy: plain JSON. `rules` load into a stock json-rules-engine Engine; the rest is
 *  what the runtime module needs beside them (zone, calendars, declarations, clause texts). */
export interface CompiledPolicy {
  kind: 'compiled';
  format: 'sla-compiled/1';
  policy: Omit<Policy, '$schema'>;
  rules: RuleProperties[];
}
