// A small hand-written Answer to match expectations against.
import type { Answer } from '../../engine/answer.ts';

export function answerFixture(overrides: Partial<Answer> = {}): Answer {
  return {
    policy: { id: 'relokia', version: '2024-10-27' },
    at: '2025-03-10T12:00:00.000+02:00',
    plans: { support: 'premium' },
    deadlines: [
      {
        id: 'first_response',
        subject: 'T-1',
        party: 'vendor',
        due: '2025-03-08T21:30:00.000+02:00',
        status: 'met',
        met_at: '2025-03-08T09:00:00.000+02:00',
        priority: 'high',
        clause: 'response-times',
      },
      {
        id: 'first_response',
        subject: 'T-2',
        party: 'vendor',
        due: '2025-03-10T21:30:00.000+02:00',
        status: 'pending',
        priority: 'high',
        clause: 'response-times',
      },
    ],
    entitlements: [
      {
        id: 're_migration',
        allowed: true,
        limit: 1,
        used: 0,
        remaining: 1,
        until: '2025-03-10T18:00:00.000+02:00',
        cost: { amount: 0, currency: 'USD' },
        reasons: ['within 5 days of the full migration'],
        clause: 're-migration',
      },
      {
        id: 'delta_migration',
        allowed: false,
        cost: null,
        reasons: ['not in your plan'],
        clause: 'delta-migration',
        starts_now: false,
      },
    ],
    refund: {
      eligible: false,
      percent: 0,
      amount: 0,
      basis: 1200,
      currency: 'USD',
      requested_at: '2025-03-10T12:00:00.000+02:00',
      reasons: ['the service was used'],
      clause: 'refund-terms',
    },
    credits: [
      {
        id: 'availability_credit',
        period: { from: '2025-02-19T00:00:00.000+03:30', until: '2025-03-21T00:00:00.000+03:30' },
        amount: 60,
        unit: 'hours',
        availability: 0.9722,
        downtime_hours: 20,
        reasons: [],
        clause: 'availability',
      },
      {
        id: 'availability_credit',
        period: { from: '2025-03-21T00:00:00.000+03:30', until: '2025-04-21T00:00:00.000+03:30' },
        amount: 7.333333,
        unit: 'hours',
        availability: 0.9967,
        downtime_hours: 2.444444,
        reasons: [],
        clause: 'availability',
      },
    ],
    warnings: [],
    explanations: {},
    ...overrides,
  };
}
