import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../../engine/index.ts';
import { miniPolicyYaml } from '../fixtures/mini-policy.ts';

const check = (source: string) => checkPolicy({ source, file: 'mini.yaml' });
const lineOf = (source: string, needle: string) => source.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('policy diagnostics point at the author’s words', () => {
  it('the mini policy is clean', () => {
    expect(check(miniPolicyYaml)).toEqual([]);
  });

  it('an undeclared event type is a compile error with a near-miss suggestion', () => {
    const src = miniPolicyYaml.replace('stop: { event: ticket_answered }', 'stop: { event: ticket_answerd }');
    const [d] = check(src);
    expect(d).toMatchObject({ code: 'SLA3003', file: 'mini.yaml', line: lineOf(src, 'ticket_answerd'), path: '/deadlines/0/stop/event' });
    expect(d.help).toContain('ticket_answered');
  });

  it('an undeclared fact in a cost is an error, never a silent false', () => {
    const src = miniPolicyYaml.replace('of: migration_price', 'of: migration_prize');
    const [d] = check(src);
    expect(d.code).toBe('SLA3002');
    expect(d.help).toContain('migration_price');
    expect(d.line).toBe(lineOf(src, 'migration_prize'));
  });

  it('a misspelt property names the property it meant', () => {
    const src = miniPolicyYaml.replace('    subject: ticket', '    subjekt: ticket');
    const [d] = check(src);
    expect(d).toMatchObject({ code: 'SLA2002', line: lineOf(src, 'subjekt') });
    expect(d.help).toContain('subject');
  });

  it('a bad duration explains the accepted forms', () => {
    const src = miniPolicyYaml.replace('add: 5 days', 'add: 5 dayz');
    const [d] = check(src);
    expect(d.code).toBe('SLA2007');
    expect(d.help).toMatch(/business days/);
  });

  it('a plan value missing an option the item applies to is an error', () => {
    const src = miniPolicyYaml.replace('values: { basic: regular, gold: high }', 'values: { gold: high }');
    const [d] = check(src);
    expect(d.code).toBe('SLA3006');
    expect(d.message).toContain('basic');
  });

  it('an invalid IANA zone is refused with a suggestion', () => {
    const src = miniPolicyYaml.replace('zone: Europe/Kyiv', 'zone: Europe/Kyyiv');
    const [d] = check(src);
    expect(d).toMatchObject({ code: 'SLA3007', line: 4 });
  });

  it('a zone written as "GMT+2" is refused with the offset form suggested', () => {
    const src = miniPolicyYaml.replace('zone: Europe/Kyiv', 'zone: GMT+2');
    const [d] = check(src);
    expect(d.code).toBe('SLA3007');
    expect(`${d.message} ${d.help ?? ''}`).toContain('+02:00');
  });

  it('an unknown clause reference is an error', () => {
    const src = miniPolicyYaml.replace('clause: redo', 'clause: redoo');
    expect(check(src)[0]).toMatchObject({ code: 'SLA3009', line: lineOf(src, 'clause: redoo') });
  });

  it('a misspelt comparison inside a condition is found in the right branch of the union', () => {
    const src = miniPolicyYaml.replace(
      '    cost: { percent: 10, of: migration_price }',
      '    when: [ { fact: source_type, equal: platform } ]\n    cost: { percent: 10, of: migration_price }',
    );
    const ds = check(src);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: 'SLA2002', path: '/entitlements/0/when/0/equal' });
    expect(ds[0].help).toContain('equals');
  });

  it('a misspelt option of a literal union lists the accepted values', () => {
    const src = miniPolicyYaml.replace('party: vendor', 'party: vender');
    const [d] = check(src);
    expect(d).toMatchObject({ code: 'SLA2005', line: lineOf(src, 'party: vender') });
    expect(d.help).toContain('vendor');
  });
});
