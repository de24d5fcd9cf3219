import { describe, expect, it } from 'vitest';
import { matchExpectation } from '../../engine/testing/index.ts';
import { answerFixture } from './answer-fixture.ts';

const answer = answerFixture();

describe('matchExpectation', () => {
  it('passes a subset of items and fields', () => {
    expect(
      matchExpectation(answer, {
        deadlines: [{ id: 'first_response', subject: 'T-1', status: 'met' }],
        entitlements: [{ id: 're_migration', allowed: true, remaining: 1 }],
        refund: { eligible: false },
        credits: [{ id: 'availability_credit', amount: 60 }],
      }),
    ).toEqual([]);
  });

  it('passes an empty expectation', () => {
    expect(matchExpectation(answer, {})).toEqual([]);
  });

  it('compares instants with different offsets as the same instant', () => {
    expect(
      matchExpectation(answer, {
        deadlines: [{ id: 'first_response', subject: 'T-1', due: '2025-03-08T19:30:00Z', met_at: '2025-03-08T10:00:00+03:00' }],
        entitlements: [{ id: 're_migration', until: '2025-03-10T19:30:00+03:30' }],
      }),
    ).toEqual([]);
  });

  it('reports a field that differs with a path naming the item, and the whole item', () => {
    const misses = matchExpectation(answer, { entitlements: [{ id: 're_migration', remaining: 0 }] });
    expect(misses).toEqual([
      {
        path: 'entitlements[id=re_migration].remaining',
        kind: 'value',
        expected: 0,
        actual: 1,
        item: answer.entitlements[0],
      },
    ]);
  });

  it('allows numbers to differ by up to 0.005', () => {
    expect(matchExpectation(answer, { credits: [{ id: 'availability_credit', amount: 7.33 }] })).toEqual([]);
    const misses = matchExpectation(answer, { credits: [{ id: 'availability_credit', amount: 7.32 }] });
    expect(misses.map((m) => m.path)).toEqual(['credits[id=availability_credit].amount']);
  });

  it('reports a missing item with what the answer has instead', () => {
    const misses = matchExpectation(answer, { entitlements: [{ id: 'interval_pause', allowed: false }] });
    expect(misses).toHaveLength(1);
    expect(misses[0]).toMatchObject({
      path: 'entitlements[id=interval_pause]',
      kind: 'missing',
      expected: { id: 'interval_pause', allowed: false },
      actual: [],
      present: ['id=re_migration', 'id=delta_migration'],
    });
  });

  it('allows items the expectation does not list', () => {
    expect(matchExpectation(answer, { deadlines: [{ id: 'first_response', subject: 'T-2' }] })).toEqual([]);
  });

  it('reads an empty list as "none at all"', () => {
    expect(matchExpectation(answerFixture({ credits: [] }), { credits: [] })).toEqual([]);
    const misses = matchExpectation(answer, { credits: [], deadlines: [] });
    expect(misses.map((m) => [m.path, m.kind])).toEqual([
      ['deadlines', 'unexpected'],
      ['credits', 'unexpected'],
    ]);
    expect(misses[0].actual).toBe(answer.deadlines);
    expect(matchExpectation(answerFixture({ entitlements: [] }), { entitlements: [] })).toEqual([]);
  });

  it('picks the item by subject', () => {
    expect(matchExpectation(answer, { deadlines: [{ id: 'first_response', subject: 'T-2', status: 'pending' }] })).toEqual([]);
    const misses = matchExpectation(answer, { deadlines: [{ id: 'first_response', subject: 'T-2', status: 'met' }] });
    expect(misses).toMatchObject([{ path: 'deadlines[id=first_response,subject=T-2].status', expected: 'met', actual: 'pending', item: answer.deadlines[1] }]);
    const missing = matchExpectation(answer, { deadlines: [{ id: 'first_response', subject: 'T-3' }] });
    expect(missing).toMatchObject([{ path: 'deadlines[id=first_response,subject=T-3]', kind: 'missing', actual: answer.deadlines }]);
  });

  it('without a subject, any item with the id that matches will do', () => {
    expect(matchExpectation(answer, { deadlines: [{ id: 'first_response', status: 'pending' }] })).toEqual([]);
    const misses = matchExpectation(answer, { deadlines: [{ id: 'first_response', status: 'breached' }] });
    expect(misses).toHaveLength(1);
    expect(misses[0].path).toBe('deadlines[id=first_response].status');
  });

  it('needs one actual item for each listed item', () => {
    expect(
      matchExpectation(answer, {
        deadlines: [
          { id: 'first_response', status: 'met' },
          { id: 'first_response', status: 'pending' },
        ],
      }),
    ).toEqual([]);
    const misses = matchExpectation(answer, {
      deadlines: [
        { id: 'first_response', status: 'pending' },
        { id: 'first_response', status: 'pending' },
      ],
    });
    expect(misses.map((m) => [m.path, m.actual])).toEqual([['deadlines[id=first_response].status', 'met']]);
    const three = matchExpectation(answer, { deadlines: [{ id: 'first_response' }, { id: 'first_response' }, { id: 'first_response' }] });
    expect(three).toMatchObject([{ path: 'deadlines[id=first_response]', kind: 'missing' }]);
  });

  it('pairs listed items with actual ones whatever the order', () => {
    // The looser item listed first must not take the only item the stricter one fits.
    expect(matchExpectation(answer, { deadlines: [{ id: 'first_response' }, { id: 'first_response', status: 'met' }] })).toEqual([]);
  });

  it('picks credits by period, compared as instants', () => {
    expect(
      matchExpectation(answer, {
        credits: [
          {
            id: 'availability_credit',
            period: { from: '2025-02-18T20:30:00Z', until: '2025-03-21T00:00:00+03:30' },
            amount: 60,
          },
        ],
      }),
    ).toEqual([]);
    const misses = matchExpectation(answer, {
      credits: [{ id: 'availability_credit', period: { from: '2025-03-21T00:00:00+03:30' }, amount: 60 }],
    });
    expect(misses).toMatchObject([
      {
        path: 'credits[id=availability_credit,period=2025-03-21T00:00:00+03:30/*].amount',
        expected: 60,
        actual: 7.333333,
        item: answer.credits[1],
      },
    ]);
    const missing = matchExpectation(answer, {
      credits: [{ id: 'availability_credit', period: { from: '2025-01-20T00:00:00+03:30', until: '2025-02-19T00:00:00+03:30' } }],
    });
    expect(missing[0]).toMatchObject({
      kind: 'missing',
      path: 'credits[id=availability_credit,period=2025-01-20T00:00:00+03:30/2025-02-19T00:00:00+03:30]',
    });
  });

  it('matches a nested cost as a subset and names the nested field', () => {
    expect(matchExpectation(answer, { entitlements: [{ id: 're_migration', cost: { amount: 0 } }] })).toEqual([]);
    expect(matchExpectation(answer, { entitlements: [{ id: 're_migration', cost: { amount: 0, currency: 'USD' } }] })).toEqual([]);
    const misses = matchExpectation(answer, { entitlements: [{ id: 're_migration', cost: { amount: 1200, currency: 'USD' } }] });
    expect(misses).toMatchObject([{ path: 'entitlements[id=re_migration].cost.amount', expected: 1200, actual: 0 }]);
    const nullCost = matchExpectation(answer, { entitlements: [{ id: 'delta_migration', cost: { amount: 0 } }] });
    expect(nullCost).toMatchObject([{ path: 'entitlements[id=delta_migration].cost', expected: { amount: 0 }, actual: null }]);
    expect(matchExpectation(answer, { entitlements: [{ id: 'delta_migration', cost: null }] })).toEqual([]);
  });

  it('checks extra entitlement fields like any other', () => {
    expect(matchExpectation(answer, { entitlements: [{ id: 'delta_migration', starts_now: false }] })).toEqual([]);
    expect(matchExpectation(answer, { entitlements: [{ id: 'delta_migration', starts_now: true }] })).toHaveLength(1);
  });

  it('reports an absent field as differing', () => {
    const misses = matchExpectation(answer, { deadlines: [{ id: 'first_response', subject: 'T-2', met_at: '2025-03-10T10:00:00+02:00' }] });
    expect(misses).toMatchObject([{ path: 'deadlines[id=first_response,subject=T-2].met_at', actual: undefined }]);
  });

  it('compares refund fields and reads refund: null as "no refund terms"', () => {
    expect(matchExpectation(answer, { refund: { eligible: false, basis: 1200, requested_at: '2025-03-10T10:00:00Z' } })).toEqual([]);
    expect(matchExpectation(answer, { refund: { eligible: true, percent: 95 } })).toMatchObject([
      { path: 'refund.eligible', expected: true, actual: false, item: answer.refund },
      { path: 'refund.percent', expected: 95, actual: 0, item: answer.refund },
    ]);
    expect(matchExpectation(answerFixture({ refund: null }), { refund: null })).toEqual([]);
    expect(matchExpectation(answer, { refund: null })).toMatchObject([{ path: 'refund', kind: 'unexpected', actual: answer.refund }]);
    expect(matchExpectation(answerFixture({ refund: null }), { refund: { eligible: false } })).toMatchObject([
      { path: 'refund', kind: 'missing', actual: null },
    ]);
  });
});
