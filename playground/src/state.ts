// The playground's state as signals: what the user edits, and what the worker last answered.
import { signal } from '@preact/signals';
import type { Answer, Diagnostic } from '../../engine/core.ts';
import type { ChangeInstant } from '../../engine/changes/index.ts';
import { bundledPolicies } from './bundled.ts';
import type { CaseInterval, Declarations, PolicyFormat, TestsCoverage } from './worker/protocol.ts';

const first = bundledPolicies.find((p) => p.id === 'relokia') ?? bundledPolicies[0];

/** the bundled policy the sources came from ('' once the user pasted one of their own) */
export const policyId = signal(first.id);
export const policyFormat = signal<PolicyFormat>('yaml');
export const policySource = signal(first.sources.yaml);
export const caseSource = signal(first.exampleCase);
export const lang = signal('en');
export const caseView = signal<'yaml' | 'form'>('yaml');
/** `at` while the time scrubber is being dragged (the case keeps its own until it is let go) */
export const scrubAt = signal<string | undefined>(undefined);
/** the next instant the answer changes at, after the answer's `at` (within the look-ahead) */
export const nextChange = signal<ChangeInstant | null | undefined>(undefined);

export const policyDiagnostics = signal<Diagnostic[]>([]);
export const caseDiagnostics = signal<Diagnostic[]>([]);
export const declarations = signal<Declarations | undefined>(undefined);
export const answer = signal<Answer | null>(null);
/** the case's outages and pauses, for the timeline */
export const intervals = signal<CaseInterval[]>([]);
/** a failure of the worker itself (a bug, not a finding about the input) */
export const failure = signal<string | undefined>(undefined);
export const checking = signal(false);
/** a message about the state itself (a damaged share link, another engine version) */
export const notice = signal<string | undefined>(undefined);
/** the coverage of the last test run, with the policy text it was measured on (stale once that changes) */
export const coverage = signal<(TestsCoverage & { source: string; format: PolicyFormat }) | undefined>(undefined);
