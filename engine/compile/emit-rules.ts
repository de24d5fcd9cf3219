// Compiler stage "rules": one json-rules-engine rule per answer item, plain JSON (no functions),
// each condition labelled so the evaluator can say what decided and with which values.
import type { RuleProperties } from 'json-rules-engine';
import type { Condition, Entitlement, Policy } from '../ir/schema.ts';
import { hidesEvents } from '../ir/refund-exclusion.ts';
import type { Hidden } from './fact-params.ts';
import { ruleKind, ruleName } from './rule-name.ts';
import { beforeOperator, compileCondition, type CompiledCondition } from './compile-condition.ts';
import { openingInstant } from '../ir/opening.ts';
import { describeEvent, describeInstant, describePlanValue } from '../ir/describe.ts';
import { describeAmount } from '../ir/amount.ts';

function appliesConditions(applies: Record<string, string[]> | undefined): CompiledCondition[] {
  return Object.entries(applies ?? {}).map(([dimension, options]) => ({
    name: 'plan',
    description: `${dimension} plan is ${options.join(' or ')}`,
    fact: 'sla:plan',
    params: { dimension },
    operator: 'in',
    value: options,
  }));
}

// Every rule has the same priority: rules read only facts, never each other's results, so they
// run as one set (json-rules-engine runs each priority set after the previous one, and refuses a
// priority below 1, so counting priorities down would fail for a policy of over 1000 items).
const PRIORITY = 1;

function rule(name: string, conditions: CompiledCondition[], params: Record<string, unknown>): RuleProperties {
  return { name, priority: PRIORITY, conditions: { all: conditions }, event: { type: ruleKind(name), params } };
}

function entitlementConditions(e: Entitlement): CompiledCondition[] {
  const out = appliesConditions(e.applies);
  if (e.opens)
    out.push({
      name: 'opens',
      description: 'event' in e.opens ? `${describeEvent(e.opens)} has happened` : `at or after ${describeInstant(e.opens)}`,
      fact: 'sla:instant',
      params: { expr: openingInstant(e.opens) },
      operator: 'instantAtOrBefore',
      value: { fact: 'sla:now' },
    });
  if (e.until)
    out.push({
      name: 'until',
      description: `before ${describeInstant(e.until)}`,
      fact: 'sla:instant',
      params: { expr: e.until },
      operator: beforeOperator(e.until),
      value: { fact: 'sla:now' },
    });
  if (e.closed_by)
    out.push({
      name: 'closed_by',
      description: `${describeEvent(e.closed_by)} has not happened`,
      fact: 'sla:instant',
      params: { expr: { from: e.closed_by } },
      operator: 'isKnown',
      value: false,
    });
  if (e.pause)
    out.push({
      name: 'pause',
      description: `not paused (${describeEvent(e.pause.start)} without ${describeEvent(e.pause.stop)})`,
      fact: 'sla:paused_since',
      params: { pause: e.pause },
      operator: 'isKnown',
      value: false,
    });
  if (e.limit !== undefined && e.used)
    out.push({
      name: 'limit',
      description: e.limit_kind === 'capacity' ? 'used within the limit' : 'used below the limit',
      fact: 'sla:used',
      params: { used: e.used },
      operator: e.limit_kind === 'capacity' ? 'withinLimit' : 'underLimit',
      value: { fact: 'sla:limit', params: { limit: e.limit } },
    });
  if (e.ledger && e.used)
    out.push({
      name: 'ledger',
      description: `a pool of ${describeEvent(e.ledger.grant)} still holds something`,
      fact: 'sla:ledger_remaining',
      params: { entitlement: e.id },
      operator: 'greaterThan',
      value: 0,
    });
  (e.when ?? []).forEach((c, i) => out.push(compileCondition(c, {}, `when/${i}`)));
  return out;
}

export function emitRules(p: Policy): RuleProperties[] {
  const rules: RuleProperties[] = [];
  for (const d of p.deadlines ?? []) {
    if (d.report === false) continue;
    rules.push(
      rule(
        ruleName.deadline(d.id),
        [
          ...appliesConditions(d.applies),
          {
            name: 'instances',
            description: `${describeEvent(d.start)} has happened`,
            fact: 'sla:deadlines',
            params: { deadline: d.id },
            operator: 'notEmpty',
            value: true,
          },
        ],
        { id: d.id, clause: d.clause },
      ),
    );
  }
  for (const e of p.entitlements ?? []) {
    rules.push(rule(ruleName.entitlement(e.id), entitlementConditions(e), { id: e.id, clause: e.clause }));
    for (const [field, c] of Object.entries(e.fields ?? {}))
      rules.push(rule(ruleName.field(e.id, field), [compileCondition(c, {}, field)], { id: e.id, field }));
  }
  for (const a of p.amounts ?? [])
    rules.push(
      rule(
        ruleName.amount(a.id),
        [
          ...appliesConditions(a.applies),
          {
            name: 'value',
            description: `${describePlanValue(a.value, describeAmount)} is known`,
            fact: 'sla:amount',
            params: { amount: a.value },
            operator: 'isKnown',
            value: true,
          },
        ],
        { id: a.id, clause: a.clause },
      ),
    );
  if (p.refund) {
    for (const r of p.refund.rules) {
      const hidden: Hidden = (r.exclusions ?? [])
        .filter((x) => hidesEvents(x.when))
        .map((x) => {
          const c = x.when as Extract<Condition, { event: string }>;
          return c.where ? { event: c.event, where: c.where } : { event: c.event };
        });
      rules.push(
        rule(
          ruleName.refund(r.id),
          r.when.map((c, i) => compileCondition(c, { at: 'request', hide: hidden }, `when/${i}`)),
          {
            id: r.id,
            clause: r.clause ?? p.refund.clause,
            percent: r.percent,
          },
        ),
      );
      for (const x of r.exclusions ?? [])
        rules.push(
          rule(ruleName.exclusion(r.id, x.id), [compileCondition(x.when, { at: 'request' }, x.id)], {
            id: x.id,
            rule: r.id,
            clause: x.clause ?? r.clause ?? p.refund.clause,
            hides: hidesEvents(x.when),
          }),
        );
    }
  }
  for (const c of p.credits ?? []) {
    rules.push(
      rule(
        ruleName.credit(c.id),
        [
          ...appliesConditions(c.applies),
          {
            name: 'credits',
            description: `availability below ${c.below * 100}% in a ${c.per === 'solar_month' ? 'solar month' : 'month'}`,
            fact: 'sla:credits',
            params: { credit: c.id },
            operator: 'notEmpty',
            value: true,
          },
        ],
        { id: c.id, clause: c.clause },
      ),
    );
  }
  return rules;
}
