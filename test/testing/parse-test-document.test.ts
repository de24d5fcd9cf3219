import { describe, expect, it } from 'vitest';
import { parseTestDocument } from '../../engine/testing/index.ts';

const validCase = {
  name: 'premium re-migration still open on day 4',
  case: { at: '2025-03-10T12:00:00+02:00', plans: { support: 'premium' } },
  expect: { entitlements: [{ id: 're_migration', allowed: true }], refund: null, credits: [] },
};

describe('parseTestDocument', () => {
  it('reads the policy and the cases', () => {
    const doc = parseTestDocument({ policy: 'relokia', cases: [validCase] });
    expect(doc.diagnostics).toEqual([]);
    expect(doc.policy).toBe('relokia');
    expect(doc.cases).toEqual([
      {
        name: validCase.name,
        pointer: '/cases/0',
        policy: 'relokia',
        case: validCase.case,
        expect: { entitlements: [{ id: 're_migration', allowed: true }], refund: null, credits: [] },
        diagnostics: [],
      },
    ]);
  });

  it("lets a case's own policy win over the file's", () => {
    const doc = parseTestDocument({ policy: 'relokia', cases: [{ ...validCase, case: { ...validCase.case, policy: 'cart2cart' } }] });
    expect(doc.cases[0].policy).toBe('cart2cart');
  });

  it('refuses a file that is not a mapping, or has no cases', () => {
    expect(parseTestDocument(['x']).diagnostics).toMatchObject([{ code: 'SLA5001', path: '' }]);
    expect(parseTestDocument({ policy: 'relokia' }).diagnostics).toMatchObject([
      { code: 'SLA5001', path: '', message: expect.stringContaining('missing `cases`') },
    ]);
    expect(parseTestDocument({ policy: 'relokia', cases: [] }).diagnostics).toMatchObject([{ code: 'SLA5001', path: '/cases' }]);
  });

  it('names unknown keys with a JSON pointer, a position and the near miss', () => {
    const locate = (pointer: string) => (pointer === '/casess' ? { line: 2, column: 1 } : undefined);
    const doc = parseTestDocument({ policy: 'relokia', casess: [] }, { file: 'x.test.yaml', locate });
    expect(doc.diagnostics).toContainEqual({
      severity: 'error',
      code: 'SLA5010',
      message: 'unknown key `casess` in a test file',
      file: 'x.test.yaml',
      line: 2,
      column: 1,
      path: '/casess',
      help: 'did you mean `cases`?',
    });
  });

  it('fails a bad case alone, keeping the others', () => {
    const doc = parseTestDocument({
      policy: 'relokia',
      cases: [validCase, { name: 'bad', case: validCase.case, expect: { entitlement: [] } }, { case: validCase.case, expect: {} }, 'nonsense'],
    });
    expect(doc.diagnostics).toEqual([]);
    expect(doc.cases.map((c) => c.diagnostics.length > 0)).toEqual([false, true, true, true]);
    expect(doc.cases[1].diagnostics).toMatchObject([{ path: '/cases/1/expect/entitlement', help: 'did you mean `entitlements`?' }]);
    expect(doc.cases[2]).toMatchObject({ name: 'case 3', diagnostics: [{ path: '/cases/2', message: 'a case needs a `name`' }] });
    expect(doc.cases[3].diagnostics).toMatchObject([{ path: '/cases/3' }]);
  });

  it('checks the shape of expectations', () => {
    const doc = parseTestDocument({
      policy: 'relokia',
      cases: [
        {
          name: 'shapes',
          case: validCase.case,
          expect: {
            deadlines: { id: 'first_response' },
            entitlements: [{ allowed: true }],
            credits: [{ id: 'availability_credit', period: '2025-03' }],
            refund: 'none',
          },
        },
      ],
    });
    expect(doc.cases[0].diagnostics.map((d) => d.path)).toEqual([
      '/cases/0/expect/deadlines',
      '/cases/0/expect/entitlements/0',
      '/cases/0/expect/credits/0/period',
      '/cases/0/expect/refund',
    ]);
  });

  it('catches misspelt fields of deadlines, credits and the refund, but not of entitlements', () => {
    const doc = parseTestDocument({
      policy: 'relokia',
      cases: [
        {
          name: 'typos',
          case: validCase.case,
          expect: {
            deadlines: [{ id: 'first_response', stauts: 'met' }],
            entitlements: [{ id: 'delta_migration', starts_now: true }],
            refund: { eligble: false },
          },
        },
      ],
    });
    expect(doc.cases[0].diagnostics.map((d) => [d.path, d.help])).toEqual([
      ['/cases/0/expect/deadlines/0/stauts', 'did you mean `status`?'],
      ['/cases/0/expect/refund/eligble', 'did you mean `eligible`?'],
    ]);
  });

  it('needs a policy, from the file or the case', () => {
    const doc = parseTestDocument({ cases: [validCase] });
    expect(doc.cases[0].diagnostics).toMatchObject([{ path: '/cases/0', message: expect.stringContaining('no policy') }]);
  });
});
