// The timeline's outages and pauses, as the playground's worker reads them from a case.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy } from '../../engine/index.ts';
import { caseIntervals } from '../../playground/src/worker/intervals.ts';

const policy = (id: string) =>
  compilePolicy(loadPolicy({ source: readFileSync(new URL(`../../policies/${id}.yaml`, import.meta.url), 'utf8'), file: `${id}.yaml` })).policy;
const ms = (s: string) => Date.parse(s);

describe('case intervals', () => {
  it('a pause runs from its start to the stop that resumes it; a start while paused belongs to that pause', () => {
    const kase = {
      at: '2025-03-20T12:00:00+02:00',
      plans: { support: 'signature' },
      facts: { migration_price: 1000 },
      events: [
        { type: 'migration_paused', at: '2025-03-10T10:00:00+02:00' },
        { type: 'migration_paused', at: '2025-03-11T10:00:00+02:00' },
        { type: 'migration_resumed', at: '2025-03-12T10:00:00+02:00' },
        { type: 'migration_paused', at: '2025-03-15T10:00:00+02:00' },
        // after `at`: still drawn, the timeline shows the whole case
        { type: 'migration_resumed', at: '2025-03-25T10:00:00+02:00' },
        { type: 'migration_paused', at: '2025-03-26T10:00:00+02:00' },
      ],
    };
    expect(caseIntervals(policy('relokia'), kase)).toEqual([
      { kind: 'pause', label: 'interval_pause paused', from: ms('2025-03-10T08:00:00Z'), until: ms('2025-03-12T08:00:00Z'), max: '5 days' },
      { kind: 'pause', label: 'interval_pause paused', from: ms('2025-03-15T08:00:00Z'), until: ms('2025-03-25T08:00:00Z'), max: '5 days' },
      { kind: 'pause', label: 'interval_pause paused', from: ms('2025-03-26T08:00:00Z'), until: null, max: '5 days' },
    ]);
  });

  it('an outage runs from `at` to `until`, or is still going on without one', () => {
    const kase = {
      at: '2024-11-20T12:00:00+03:30',
      plans: { support: 'free' },
      events: [
        { type: 'outage', at: '2024-11-01T00:00:00+03:30', until: '2024-11-01T14:25:00+03:30' },
        { type: 'ticket_opened', at: '2024-11-02T10:00:00+03:30', ticket: 'T-1', channel: 'ticket' },
        { type: 'outage', at: '2024-11-20T09:00:00+03:30' },
      ],
    };
    expect(caseIntervals(policy('crmonline'), kase)).toEqual([
      { kind: 'outage', label: 'outage', from: ms('2024-10-31T20:30:00Z'), until: ms('2024-11-01T10:55:00Z') },
      { kind: 'outage', label: 'outage', from: ms('2024-11-20T05:30:00Z'), until: null },
    ]);
  });
});
