// A diagnostic quotes the user's input as a short excerpt, however long the name or value.
import { expect, it } from 'vitest';
import { MAX_QUOTE } from '../../engine/diagnostics/quote-value.ts';
import { diagnosticLines, expectCleanOutput, folder, sla } from './in-process.ts';

const LONG = 'x'.repeat(100_000);

it('long names and values in a case are cut in every message', async () => {
  const kase = {
    policy: 'relokia',
    at: `2025-03-10T12:00:00.${'1'.repeat(50_000)}+02:00`,
    plans: { support: `premium${LONG}`, [`dimension${LONG}`]: 'x' },
    facts: { migration_price: 1, [`fact${LONG}`]: 1 },
    events: [{ type: `type${LONG}`, at: '2025-03-01T00:00:00Z' }],
    [`field${LONG}`]: 1,
  };
  const r = await sla('eval', `${folder({ 'case.json': JSON.stringify(kase) })}/case.json`);
  expect(r.code).toBe(1);
  expectCleanOutput(r);
  const lines = diagnosticLines(r);
  expect(lines.length).toBeGreaterThanOrEqual(6);
  for (const line of lines) {
    expect(line).not.toContain('x'.repeat(MAX_QUOTE));
    expect(line).not.toContain('1'.repeat(MAX_QUOTE));
  }
}, 20_000);
