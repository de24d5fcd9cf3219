// A minimal valid policy to write lint cases on: each test changes the one thing its rule is about.
import { loadPolicy } from '../../engine/core.ts';
import type { Policy } from '../../engine/ir/schema.ts';

export function basePolicy(): Policy {
  return {
    id: 'tiny',
    title: 'Tiny SLA',
    version: '1',
    zone: 'Europe/Kyiv',
    calendar: 'business',
    sources: [{ file: 'tiny.txt', lang: 'en' }],
    plans: { support: { options: ['basic', 'gold'] } },
    facts: { price: { type: 'number' }, source: { type: 'string', enum: ['platform', 'dump'], default: 'platform' } },
    events: {
      ticket_opened: { attributes: { ticket: { type: 'string' } } },
      ticket_answered: { attributes: { ticket: { type: 'string' } } },
      done: {},
      payment: {},
      redo: {},
    },
    calendars: { business: { days: ['mon', 'tue', 'wed', 'thu', 'fri'] } },
    clauses: {
      response: { text: { en: 'We answer within 24 hours.' } },
      redo: { text: { en: 'One re-migration within 5 days.' } },
      refund: { text: { en: 'Refunds as follows.' } },
    },
    deadlines: [
      {
        id: 'first_response',
        clause: 'response',
        party: 'vendor',
        subject: 'ticket',
        start: { event: 'ticket_opened' },
        stop: { event: 'ticket_answered' },
        duration: { by: 'support', values: { basic: '48 hours', gold: '24 hours' } },
      },
    ],
    entitlements: [
      {
        id: 're_migration',
        clause: 'redo',
        applies: { support: ['gold'] },
        limit: 1,
        used: { count: { event: 'redo' } },
        opens: { event: 'done' },
        until: { from: { event: 'done' }, add: '5 days' },
      },
    ],
    refund: {
      clause: 'refund',
      basis: 'price',
      rules: [
        { id: 'unused', when: [{ event: 'done', exists: false }], percent: 100, reason: 'unused' },
        { id: 'late', when: [{ event: 'done' }, { fact: 'source', equals: 'platform' }], percent: 10, reason: 'used' },
      ],
    },
  };
}

/** Loads a policy object as a YAML source (JSON is YAML), so diagnostics carry line and column. */
export const loadObject = (p: Policy) => loadPolicy({ source: JSON.stringify(p, null, 2), file: 'tiny.yaml' });
