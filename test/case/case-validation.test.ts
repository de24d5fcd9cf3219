import { beforeAll, describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, loadPolicy, SlaError, type Case, type CompiledPolicy } from '../../engine/index.ts';
import { miniPolicyYaml } from '../fixtures/mini-policy.ts';

let policy: CompiledPolicy;
beforeAll(() => {
  policy = compilePolicy(loadPolicy({ source: miniPolicyYaml, file: 'mini.yaml' }));
});

const good = {
  at: '2025-03-10T12:00:00+02:00',
  plans: { support: 'gold' },
  facts: { migration_price: 1000 },
  events: [{ type: 'ticket_opened', at: '2025-03-07T10:00:00+02:00', ticket: 'T-1', channel: 'email' }],
};

async function problems(kase: unknown) {
  try {
    await evaluate(policy, kase as Case);
  } catch (e) {
    if (e instanceof SlaError) return e.diagnostics;
    throw e;
  }
  throw new Error('expected the case to be refused');
}

describe('a case is checked against the policy’s declarations', () => {
  it('the good case evaluates', async () => {
    const a = await evaluate(policy, good);
    expect(a.deadlines[0]).toMatchObject({ id: 'first_response', subject: 'T-1', status: 'breached' });
  });

  const bad: [string, unknown, string, string][] = [
    ['a time without an offset', { ...good, at: '2025-03-10T12:00:00' }, 'SLA4002', '/at'],
    ['an event time without an offset', { ...good, events: [{ ...good.events[0], at: '2025-03-07 10:00' }] }, 'SLA4002', '/events/0/at'],
    ['an unknown event type', { ...good, events: [{ type: 'ticket_opend', at: '2025-03-07T10:00:00Z' }] }, 'SLA4004', '/events/0/type'],
    ['an unknown attribute', { ...good, events: [{ ...good.events[0], chanel: 'email' }] }, 'SLA4005', '/events/0/chanel'],
    ['a missing attribute', { ...good, events: [{ type: 'ticket_opened', at: '2025-03-07T10:00:00Z', ticket: 'T' }] }, 'SLA4009', '/events/0'],
    ['an attribute value not in its enum', { ...good, events: [{ ...good.events[0], channel: 'fax' }] }, 'SLA4033', '/events/0/channel'],
    ['an unknown plan option', { ...good, plans: { support: 'platinum' } }, 'SLA4007', '/plans/support'],
    ['an unknown plan dimension', { ...good, plans: { support: 'gold', tier: 'x' } }, 'SLA4032', '/plans/tier'],
    ['a missing plan', { ...good, plans: {} }, 'SLA4009', '/plans'],
    ['an unknown fact', { ...good, facts: { migration_prize: 1 } }, 'SLA4006', '/facts/migration_prize'],
    ['a fact of the wrong type', { ...good, facts: { migration_price: '1000' } }, 'SLA4008', '/facts/migration_price'],
    ['a negative quantity', { ...good, facts: { migration_price: -5 } }, 'SLA4011', '/facts/migration_price'],
    ['until before at', { ...good, events: [{ type: 'outage', at: '2025-03-07T10:00:00Z', until: '2025-03-07T09:00:00Z' }] }, 'SLA4010', '/events/0/until'],
    ['until on an event without duration', { ...good, events: [{ ...good.events[0], until: '2025-03-08T10:00:00Z' }] }, 'SLA4031', '/events/0/until'],
    ['an unknown case field', { ...good, event: [] }, 'SLA4030', '/event'],
    ['no at', { plans: good.plans }, 'SLA4009', '/at'],
    ['an impossible date', { ...good, at: '2025-02-30T12:00:00+02:00' }, 'SLA4003', '/at'],
    ['not a mapping', [1, 2], 'SLA4001', ''],
  ];
  for (const [what, kase, code, path] of bad) {
    it(`${what} → ${code} at ${path || 'the root'}`, async () => {
      const ds = await problems(kase);
      expect(ds.map((d) => [d.code, d.path])).toContainEqual([code, path]);
    });
  }

  it('suggests the near miss for an unknown event type', async () => {
    const [d] = await problems({ ...good, events: [{ type: 'ticket_opend', at: '2025-03-07T10:00:00Z' }] });
    expect(d.help).toContain('ticket_opened');
  });

  it('lists what the policy accepts for an unknown plan option', async () => {
    const [d] = await problems({ ...good, plans: { support: 'platinum' } });
    expect(d.help).toContain('`basic`');
    expect(d.help).toContain('`gold`');
  });

  it('events after `at` are ignored and listed in warnings', async () => {
    const a = await evaluate(policy, {
      ...good,
      events: [...good.events, { type: 'ticket_answered', at: '2025-03-11T10:00:00+02:00', ticket: 'T-1' }],
    });
    expect(a.deadlines[0].status).toBe('breached');
    expect(a.warnings.join()).toMatch(/ticket_answered.*after `at`/);
  });
});
