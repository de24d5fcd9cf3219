import { beforeAll, describe, expect, it } from 'vitest';
import { checkPolicy, compilePolicy, evaluate, loadPolicy, type CompiledPolicy } from '../../engine/index.ts';
import { miniPolicyYaml } from '../fixtures/mini-policy.ts';

let policy: CompiledPolicy;
beforeAll(() => {
  policy = compilePolicy(loadPolicy({ source: miniPolicyYaml, file: 'mini.yaml' }));
});

const base = { plans: { support: 'gold' }, facts: { migration_price: 1234.5 } };

describe('answers of the mini policy', () => {
  it('a Friday ticket is due Monday at the same time on the business-day clock', async () => {
    const a = await evaluate(policy, {
      ...base,
      at: '2025-03-10T09:00:00+02:00',
      events: [{ type: 'ticket_opened', at: '2025-03-07T15:00:00+02:00', ticket: 'T-1', channel: 'chat' }],
    });
    expect(a.deadlines).toEqual([
      {
        id: 'first_response',
        subject: 'T-1',
        party: 'vendor',
        started_at: '2025-03-07T15:00:00.000+02:00',
        due: '2025-03-10T15:00:00.000+02:00',
        status: 'pending',
        priority: 'high',
        clause: 'response',
      },
    ]);
  });

  it("each deadline says when its clock started (its subject's start event), under both backends", async () => {
    const input = {
      ...base,
      at: '2025-03-12T09:00:00+02:00',
      events: [
        { type: 'ticket_opened', at: '2025-03-07T15:00:00+02:00', ticket: 'T-1', channel: 'chat' },
        { type: 'ticket_opened', at: '2025-03-10T08:00:00Z', ticket: 'T-2', channel: 'email' },
        { type: 'ticket_opened', at: '2025-03-11T10:00:00+02:00', ticket: 'T-1', channel: 'chat' },
      ],
    };
    for (const engine of ['compiled', 'json-rules-engine'] as const) {
      const a = await evaluate(policy, input, { engine });
      expect(a.deadlines.map((d) => [d.subject, d.started_at])).toEqual([
        ['T-1', '2025-03-07T15:00:00.000+02:00'],
        ['T-2', '2025-03-10T10:00:00.000+02:00'],
      ]);
    }
  });

  it('forum tickets get no deadline', async () => {
    const a = await evaluate(policy, {
      ...base,
      at: '2025-03-10T09:00:00+02:00',
      events: [{ type: 'ticket_opened', at: '2025-03-07T15:00:00+02:00', ticket: 'T-1', channel: 'forum' }],
    });
    expect(a.deadlines).toEqual([]);
  });

  it('met deadlines say when', async () => {
    const a = await evaluate(policy, {
      ...base,
      at: '2025-03-10T09:00:00+02:00',
      events: [
        { type: 'ticket_answered', at: '2025-03-08T11:00:00+02:00', ticket: 'T-1' },
        { type: 'ticket_opened', at: '2025-03-07T15:00:00+02:00', ticket: 'T-1', channel: 'chat' },
      ],
    });
    expect(a.deadlines[0]).toMatchObject({ status: 'met', met_at: '2025-03-08T11:00:00.000+02:00' });
  });

  it('an entitlement not in the plan is listed as not allowed with a reason', async () => {
    const a = await evaluate(policy, { ...base, plans: { support: 'basic' }, at: '2025-03-10T09:00:00+02:00' });
    expect(a.entitlements[0]).toMatchObject({ id: 're_migration', allowed: false, cost: null });
    expect(a.entitlements[0].reasons[0]).toMatch(/not in your plan/);
  });

  it('a windowed entitlement is open until N days later at the same wall time across DST', async () => {
    const a = await evaluate(policy, {
      ...base,
      at: '2025-03-31T10:00:00+03:00',
      events: [{ type: 'full_migration_completed', at: '2025-03-28T12:00:00+02:00' }],
    });
    expect(a.entitlements[0]).toMatchObject({
      allowed: true,
      limit: 1,
      used: 0,
      remaining: 1,
      until: '2025-04-02T12:00:00.000+03:00',
      cost: { amount: 123.45, currency: 'USD' },
    });
  });

  it('the window closes, and the reason says when', async () => {
    const a = await evaluate(policy, {
      ...base,
      at: '2025-04-02T12:00:00+03:00',
      events: [{ type: 'full_migration_completed', at: '2025-03-28T12:00:00+02:00' }],
    });
    expect(a.entitlements[0].allowed).toBe(false);
    expect(a.entitlements[0].reasons.join()).toContain('closed at 2025-04-02T12:00:00.000+03:00');
  });

  it('a used entitlement has none remaining', async () => {
    const a = await evaluate(policy, {
      ...base,
      at: '2025-03-31T10:00:00+03:00',
      events: [
        { type: 'full_migration_completed', at: '2025-03-28T12:00:00+02:00' },
        { type: 're_migration', at: '2025-03-29T12:00:00+02:00' },
      ],
    });
    expect(a.entitlements[0]).toMatchObject({ allowed: false, used: 1, remaining: 0 });
  });

  it('credits a month whose availability fell below the threshold, once the month has ended', async () => {
    const kase = {
      ...base,
      events: [
        { type: 'outage', at: '2025-02-10T00:00:00+02:00', until: '2025-02-10T10:00:00+02:00' },
        { type: 'outage', at: '2025-02-10T05:00:00+02:00', until: '2025-02-10T12:00:00+02:00' },
      ],
    };
    const during = await evaluate(policy, { ...kase, at: '2025-02-20T00:00:00+02:00' });
    expect(during.credits).toEqual([]);
    const after = await evaluate(policy, { ...kase, at: '2025-03-01T00:00:00+02:00' });
    // 12 hours (union) of 672: 98.2% < 99% → 2 × 12 hours
    expect(after.credits).toMatchObject([
      { id: 'uptime_credit', amount: 24, unit: 'hours', period: { from: '2025-02-01T00:00:00.000+02:00', until: '2025-03-01T00:00:00.000+02:00' } },
    ]);
  });

  it('explains in the asked language with the conditions that decided', async () => {
    const a = await evaluate(
      policy,
      { ...base, at: '2025-03-10T09:00:00+02:00', events: [{ type: 'ticket_opened', at: '2025-03-07T15:00:00+02:00', ticket: 'T-1', channel: 'chat' }] },
      { lang: 'uk' },
    );
    expect(a.explanations.response).toMatchObject({ text: 'Відповідаємо протягом 24 годин (робочих днів).', lang: 'uk' });
    expect(a.explanations.response.conditions.length).toBeGreaterThan(0);
    const fallback = await evaluate(policy, { ...base, at: '2025-03-10T09:00:00+02:00' }, { lang: 'uk' });
    expect(fallback.explanations.redo).toMatchObject({ text: 'One re-migration within 5 days.', lang: 'en' });
  });
});

describe('any: one of several conditions', () => {
  const withAny = miniPolicyYaml.replace(
    'credits:\n',
    `  - id: priority_lane
    clause: redo
    when:
      - any:
          - { fact: source_type, equals: database_dump }
          - { event: re_migration, reason: a re-migration was requested }
        reason: a database dump, or a re-migration
credits:
`,
  );
  const p = () => compilePolicy(loadPolicy({ source: withAny, file: 'any.yaml' }));
  const lane = async (kase: object) =>
    (await evaluate(p(), { plans: { support: 'basic' }, at: '2025-03-10T09:00:00+02:00', ...kase })).entitlements.find((e) => e.id === 'priority_lane')!;

  it('holds when either alternative holds', async () => {
    expect((await lane({ facts: { source_type: 'database_dump' } })).allowed).toBe(true);
    expect((await lane({ events: [{ type: 're_migration', at: '2025-03-09T09:00:00+02:00' }] })).allowed).toBe(true);
  });

  it('does not hold when neither does, and says so', async () => {
    const item = await lane({});
    expect(item.allowed).toBe(false);
    expect(item.reasons).toEqual(['not met: a database dump, or a re-migration']);
  });

  it('explains each alternative with whether it held', async () => {
    const a = await evaluate(p(), { plans: { support: 'basic' }, at: '2025-03-10T09:00:00+02:00', facts: { source_type: 'database_dump' } });
    const t = a.explanations.redo.conditions.find((c) => c.check.startsWith('priority_lane'))!;
    expect(t).toMatchObject({ result: true, saw: ['holds: source_type = database_dump', 'does not hold: a re-migration was requested'] });
  });

  it('an undeclared fact inside an alternative is a compile error', () => {
    const ds = checkPolicy({ source: withAny.replace('fact: source_type, equals', 'fact: source_kind, equals'), file: 'any.yaml' });
    expect(ds[0]).toMatchObject({ code: 'SLA3002', path: '/entitlements/1/when/0/any/0/fact' });
  });
});

describe('per-subject entitlements', () => {
  const perTicket = miniPolicyYaml
    .replace('  support_time_used:', '  clarification_sent: { attributes: { ticket: { type: string } } }\n  support_time_used:')
    .replace(
      'credits:\n',
      `  - id: clarifications
    clause: response
    subject: ticket
    limit: 3
    used: { count: { event: clarification_sent } }
credits:
`,
    );
  const p = () => compilePolicy(loadPolicy({ source: perTicket, file: 'per-ticket.yaml' }));
  const at = '2025-03-10T09:00:00+02:00';
  const opened = (ticket: string) => ({ type: 'ticket_opened', at: '2025-03-03T09:00:00+02:00', ticket, channel: 'email' });
  const asked = (ticket: string, day: number) => ({ type: 'clarification_sent', at: `2025-03-0${day}T12:00:00+02:00`, ticket });

  it('answers once per ticket, counting only that ticket’s events', async () => {
    const a = await evaluate(p(), {
      plans: { support: 'basic' },
      at,
      events: [opened('T-1'), opened('T-2'), asked('T-1', 4), asked('T-1', 5), asked('T-1', 6), asked('T-2', 4)],
    });
    const items = a.entitlements.filter((e) => e.id === 'clarifications');
    expect(items).toMatchObject([
      { subject: 'T-1', allowed: false, limit: 3, used: 3, remaining: 0 },
      { subject: 'T-2', allowed: true, limit: 3, used: 1, remaining: 2 },
    ]);
  });

  it('explains its items where they stand in the answer, under both backends', async () => {
    // its clause here is first cited by the items, and cited again by the credit mapped after them
    const policy = compilePolicy(
      loadPolicy({ source: perTicket.replace('clause: response\n    subject: ticket', 'clause: uptime\n    subject: ticket'), file: 'per-ticket.yaml' }),
    );
    const input = { plans: { support: 'basic' }, at, events: [opened('T-2'), opened('T-1'), asked('T-1', 4)] };
    for (const engine of ['compiled', 'json-rules-engine'] as const) {
      const a = await evaluate(policy, input, { engine });
      expect(a.entitlements.filter((e) => e.id === 'clarifications').map((e) => e.subject)).toEqual(['T-2', 'T-1']);
      expect(Object.keys(a.explanations)).toEqual(['response', 'redo', 'uptime']);
      const checks = a.explanations.uptime.conditions.map((c) => c.check);
      expect(checks.slice(0, 2)).toEqual(['clarifications[T-2]: used below the limit', 'clarifications[T-1]: used below the limit']);
      expect(checks.length).toBeGreaterThan(2);
      expect((await evaluate(policy, input, { engine, explain: 'clauses' })).explanations.uptime.conditions).toEqual([]);
    }
  });

  it('lists nothing while there is no subject yet', async () => {
    const a = await evaluate(p(), { plans: { support: 'basic' }, at });
    expect(a.entitlements.filter((e) => e.id === 'clarifications')).toEqual([]);
  });

  it('refuses a subject attribute no event type has', () => {
    const ds = checkPolicy({ source: perTicket.replace('subject: ticket\n    limit: 3', 'subject: tiket\n    limit: 3'), file: 'per-ticket.yaml' });
    expect(ds[0]).toMatchObject({ code: 'SLA3004', path: '/entitlements/1/subject' });
  });
});
