// The examples of the OpenAPI document (each checked against its route's schema by a test): the
// case of examples/relokia-case.yaml, and small policies for check and compile.
export const relokiaCase = {
  policy: 'relokia',
  at: '2025-03-10T12:00:00+02:00',
  plans: { support: 'premium' },
  facts: { migration_price: 1200, currency: 'USD' },
  events: [
    { type: 'payment', at: '2025-03-01T10:00:00+02:00' },
    { type: 'full_migration_started', at: '2025-03-04T09:00:00+02:00' },
    { type: 'full_migration_completed', at: '2025-03-05T18:00:00+02:00' },
    { type: 'ticket_opened', at: '2025-03-07T21:30:00+02:00', ticket: 'T-1', channel: 'email' },
    { type: 'ticket_answered', at: '2025-03-08T09:00:00+02:00', ticket: 'T-1' },
    { type: 'ticket_opened', at: '2025-03-10T09:15:00+02:00', ticket: 'T-2', channel: 'chat' },
  ],
};

export const evaluateExample = { case: relokiaCase, lang: 'en', explain: 'clauses' };

const { at: _, ...timelessCase } = relokiaCase;

export const timelineExample = {
  case: timelessCase,
  at: ['2025-03-08T00:00:00+02:00', '2025-03-10T12:00:00+02:00', '2025-03-20T12:00:00+02:00'],
  explain: 'none',
};
export const batchExample = {
  common: { policy: 'relokia', plans: { support: 'premium' }, facts: { migration_price: 1200, currency: 'USD' } },
  cases: {
    'ticket-T-1': { at: '2025-03-08T12:00:00+02:00', events: relokiaCase.events.slice(0, 4) },
    'ticket-T-2': { at: '2025-03-10T12:00:00+02:00', events: relokiaCase.events },
  },
  explain: 'none',
};

/** A policy with one deadline, small enough to read in the document. */
export const policySourceExample = {
  format: 'yaml',
  source: `id: tiny
title: Tiny support terms
version: "2025-01-01"
zone: Europe/Kyiv
sources: [{ file: terms.txt, lang: en }]
plans: { support: { options: [basic] } }
events:
  ticket_opened: { attributes: { ticket: { type: string } } }
  ticket_answered: { attributes: { ticket: { type: string } } }
clauses:
  response: { text: { en: "We answer every ticket within 24 hours." } }
deadlines:
  - id: first_response
    clause: response
    party: vendor
    subject: ticket
    start: { event: ticket_opened }
    stop: { event: ticket_answered }
    duration: 24 hours
`,
};
