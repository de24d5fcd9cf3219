// Per-subject entitlements in the DSL: `entitlement <id> ["<title>"] per <attr> (clause <id>)`,
// the IR's `Entitlement.subject`, written where a deadline writes its subject.
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseDsl, printDsl, printYaml } from '../../dsl/index.ts';
import { checkPolicy, compilePolicy, evaluate, loadPolicy } from '../../engine/index.ts';

const yaml = `
id: helpdesk
title: Helpdesk
version: "1"
zone: Europe/Kyiv
sources:
  - { file: helpdesk.txt, lang: en }
plans:
  support: { options: [standard, premium] }
events:
  ticket_opened: { attributes: { ticket: { type: string } } }
  ticket_answered: { attributes: { ticket: { type: string } } }
  clarification_sent: { attributes: { ticket: { type: string } } }
clauses:
  replies: { text: { en: Up to three clarification replies per ticket. } }
deadlines:
  - id: first_response
    clause: replies
    title: First response
    party: vendor
    subject: ticket
    start: { event: ticket_opened }
    stop: { event: ticket_answered }
    duration: 24 hours
entitlements:
  - id: clarification_replies
    clause: replies
    subject: ticket
    limit: 3
    used: { count: { event: clarification_sent } }
  - id: escalations
    clause: replies
    title: Escalations
    subject: ticket
    applies: { support: [premium] }
    limit: 1
    used: { count: { event: clarification_sent, where: { ticket: escalated } } }
  - id: whole_case
    clause: replies
    limit: 10
    used: { count: { event: clarification_sent } }
`;

/** line:column (1-based) of the first occurrence of `needle` in `text` */
function positionOf(text: string, needle: string) {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

const head = 'policy p "P" version "1" zone UTC\nsource en "p.txt"\n';

describe('entitlement subjects: `entitlement <id> ["<title>"] per <attr> (clause <id>)`', () => {
  const ir = YAML.parse(yaml);

  it('a YAML policy with an entitlement subject converts to DSL and back to the same IR', () => {
    const text = printDsl(ir);
    expect(text).toContain('\nentitlement clarification_replies per ticket (clause replies) {\n  limit 3\n');
    expect(text).toContain('\nentitlement escalations "Escalations" per ticket (clause replies) {\n');
    expect(text).toContain('\nentitlement whole_case (clause replies) {\n');
    // the same place as on a deadline
    expect(text).toContain('\ndeadline first_response "First response" per ticket (clause replies) {\n');
    const { policy, diagnostics } = parseDsl(text, { file: 'helpdesk.sla' });
    expect(diagnostics).toEqual([]);
    expect(policy).toEqual(ir);
    expect(policy!.entitlements!.map((e) => e.subject)).toEqual(['ticket', 'ticket', undefined]);
    expect('subject' in policy!.entitlements![2]).toBe(false);
    expect(YAML.parse(printYaml(policy!))).toEqual(ir);
    expect(printYaml(policy!)).toMatch(/\n {2}- id: clarification_replies\n {4}clause: replies\n {4}subject: ticket\n/);
  });

  it('the YAML and its DSL load and compile to identical rules, and answer once per ticket', async () => {
    const fromYaml = loadPolicy({ source: yaml, file: 'helpdesk.yaml' });
    const fromDsl = loadPolicy({ source: printDsl(ir), file: 'helpdesk.sla' }, { parseDsl });
    expect(fromDsl.ir).toEqual(fromYaml.ir);
    expect(compilePolicy(fromDsl)).toEqual(compilePolicy(fromYaml));
    const asked = (ticket: string, day: number) => ({ type: 'clarification_sent', at: `2025-03-0${day}T12:00:00+02:00`, ticket });
    const a = await evaluate(compilePolicy(fromDsl), {
      plans: { support: 'standard' },
      at: '2025-03-10T09:00:00+02:00',
      events: [asked('T-1', 4), asked('T-1', 5), asked('T-1', 6), asked('T-2', 4)],
    });
    expect(a.entitlements.filter((e) => e.id === 'clarification_replies')).toMatchObject([
      { subject: 'T-1', allowed: false, used: 3, remaining: 0 },
      { subject: 'T-2', allowed: true, used: 1, remaining: 2 },
    ]);
    expect(a.entitlements.filter((e) => e.id === 'whole_case')).toMatchObject([{ allowed: true, used: 4 }]);
    expect(a.entitlements.find((e) => e.id === 'whole_case')).not.toHaveProperty('subject');
  });

  it('maps /entitlements/N/subject to the attribute name', () => {
    const text = [
      head.trimEnd(),
      'entitlement a per ticket (clause c) { limit 1 }', // 3
      'entitlement b "B"', // 4
      '    per   "per" (clause c) { limit 1 }', // 5
    ].join('\n');
    const { policy, diagnostics, locate } = parseDsl(text);
    expect(diagnostics).toEqual([]);
    expect(policy!.entitlements!.map((e) => [e.title, e.subject])).toEqual([
      [undefined, 'ticket'],
      ['B', 'per'],
    ]);
    expect(locate('/entitlements/0/subject')).toEqual({ line: 3, column: 19, endLine: 3, endColumn: 25 });
    expect(locate('/entitlements/1/subject')).toEqual({ line: 5, column: 11, endLine: 5, endColumn: 16 });
    expect(locate('/entitlements/1')).toEqual({ line: 4, column: 1, endLine: 5, endColumn: 39 });
  });

  it('a policy error about the subject points at the attribute name in the .sla', () => {
    const text = printDsl(ir).replace('entitlement clarification_replies per ticket', 'entitlement clarification_replies per tiket');
    const ds = checkPolicy({ source: text, file: 'helpdesk.sla' }, { parseDsl });
    expect(ds[0]).toMatchObject({ code: 'SLA3004', file: 'helpdesk.sla', ...positionOf(text, 'tiket') });
  });

  it('refuses `per` after the clause or before the title, with line:column, as on a deadline', () => {
    for (const kind of ['entitlement', 'deadline']) {
      const after = parseDsl(`${head}${kind} e (clause c) per ticket {}\n`, { file: 'p.sla' }).diagnostics;
      expect(after).toEqual([expect.objectContaining({ code: expect.stringMatching(/^SLA1/), line: 3, column: kind.length + 15 })]);
      const beforeTitle = parseDsl(`${head}${kind} e per ticket "E" (clause c) {}\n`, { file: 'p.sla' }).diagnostics;
      expect(beforeTitle).toEqual([expect.objectContaining({ code: expect.stringMatching(/^SLA1/), line: 3, column: kind.length + 15 })]);
    }
  });

  it('maps /deadlines/N/subject to the attribute name', () => {
    const text = `${head}deadline d per ticket (clause c) {\n  vendor owes ticket_answered within 24 hours after ticket_opened\n}\n`;
    const { diagnostics, locate } = parseDsl(text);
    expect(diagnostics).toEqual([]);
    expect(locate('/deadlines/0/subject')).toEqual({ line: 3, column: 16, endLine: 3, endColumn: 22 });
  });

  it('refuses a subject on a credit, whose period belongs in its body', () => {
    const text = `${head}credit x per ticket (clause c) { per month  downtime ticket_opened  below 0.98  pays 3 times downtime hours }\n`;
    const ds = parseDsl(text, { file: 'p.sla' }).diagnostics;
    expect(ds).toEqual([expect.objectContaining({ code: 'SLA1113', line: 3, column: 10, endLine: 3, endColumn: 20 })]);
    expect(ds[0].help).toContain('per month');
  });

  it('a keyword used as the subject is quoted by the printer and read back', () => {
    for (const subject of ['per', 'clause', 'limit', 'ticket']) {
      const p = { ...ir, entitlements: [{ ...ir.entitlements[0], subject }] };
      const text = printDsl(p);
      const { policy, diagnostics } = parseDsl(text);
      expect(diagnostics).toEqual([]);
      expect(policy!.entitlements![0].subject).toBe(subject);
    }
  });
});
