// The bundled policies, their test files and example cases, read at build time from the repository.
import { parse } from 'yaml';
import type { PolicyFormat } from './worker/protocol.ts';

const raw = (files: Record<string, unknown>) => Object.fromEntries(Object.entries(files).map(([path, text]) => [path.replace(/^.*\//, ''), text as string]));

const policyFiles = raw(import.meta.glob('../../policies/*.{yaml,sla}', { query: '?raw', import: 'default', eager: true }));
const exampleFiles = raw(import.meta.glob('../../examples/*-case.yaml', { query: '?raw', import: 'default', eager: true }));

export interface BundledPolicy {
  id: string;
  sources: Record<PolicyFormat, string>;
  tests?: string;
  /** a case to start from: the example case, else the first case of the test file */
  exampleCase: string;
}

function firstTestCase(id: string, tests: string): string {
  const first = (parse(tests) as { cases?: { case?: object }[] }).cases?.[0]?.case ?? {};
  return stringifyCase({ policy: id, ...first });
}

/** A case as YAML, events one per line in flow style, the way the bundled files write them. */
export function stringifyCase(value: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (k === 'events' && Array.isArray(v)) {
      lines.push('events:', ...v.map((e) => `  - ${flow(e)}`));
    } else if (v && typeof v === 'object') {
      lines.push(`${k}:`, ...Object.entries(v).map(([kk, vv]) => `  ${kk}: ${scalar(vv)}`));
    } else lines.push(`${k}: ${scalar(v)}`);
  }
  return `${lines.join('\n')}\n`;
}

const scalar = (v: unknown): string => (typeof v === 'string' && /^[\w.:+-]+$/.test(v) ? v : v instanceof Date ? v.toISOString() : JSON.stringify(v));
const flow = (e: unknown) =>
  `{ ${Object.entries(e as object)
    .map(([k, v]) => `${k}: ${scalar(v)}`)
    .join(', ')} }`;

export const bundledPolicies: BundledPolicy[] = Object.keys(policyFiles)
  .filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml') && !f.endsWith('.schema.json'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort()
  .map((id) => {
    const tests = policyFiles[`${id}.test.yaml`];
    return {
      id,
      sources: { yaml: policyFiles[`${id}.yaml`], dsl: policyFiles[`${id}.sla`] },
      tests,
      exampleCase: exampleFiles[`${id}-case.yaml`] ?? (tests ? firstTestCase(id, tests) : `policy: ${id}\nat: 2025-01-01T00:00:00Z\nevents: []\n`),
    };
  });
