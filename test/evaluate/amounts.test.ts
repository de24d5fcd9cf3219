// Amounts from the case and the best of several: each expression answered alike by both backends,
// checked at compile time and at case time, and written the same in YAML and the DSL.
import { describe, expect, it } from 'vitest';
import { checkPolicy, compilePolicy, evaluate, loadPolicy, SlaError, type Answer, type Backend, type Case } from '../../engine/index.ts';
import { canonicalJson } from '../../engine/compile/canonical-json.ts';
import { parseDsl, printDsl } from '../../dsl/index.ts';

const policy = (items: string, extraFacts = '') => `id: shop
title: Shop
version: "1"
zone: Europe/Kyiv
currency: EUR
sources: [{ file: shop.txt, lang: en }]
plans: { tier: { options: [basic, gold] } }
facts:
  list_price: { type: number }
  loyalty: { type: number, default: 5 }
  label: { type: string, default: x }${extraFacts}
events:
  coupon: { attributes: { percent: { type: number }, product: { type: string, enum: [main, extra], default: main, required: false } } }
  quote: { attributes: { price: { type: number } } }
clauses: { prices: { text: { en: "Prices and discounts." } } }
amounts:
${items}
`;
const load = (source: string) => compilePolicy(loadPolicy({ source, file: 'shop.yaml' }));
const check = (source: string) => checkPolicy({ source, file: 'shop.yaml' });

const at = '2025-03-10T12:00:00+02:00';
const coupon = (percent: number, product = 'main', day = 1) => ({ type: 'coupon', at: `2025-03-0${day}T10:00:00+02:00`, percent, product });

async function answers(source: string, kase: Omit<Case, 'at' | 'plans'> & { plans?: Record<string, string> }): Promise<Answer['amounts']> {
  const compiled = load(source);
  const input = { at, plans: { tier: 'gold' }, ...kase } as Case;
  const [a, b] = await Promise.all((['compiled', 'json-rules-engine'] as Backend[]).map((engine) => evaluate(compiled, input, { engine })));
  expect(b).toEqual(a);
  return a.amounts;
}

const best = `  - id: discount
    clause: prices
    value: { percent: { max: [0, { attribute: percent, each: { event: coupon, where: { product: main } } }] }, of: list_price }`;

describe('an amount that is the best of several candidates', () => {
  it('takes the highest percentage of three and applies it to the price it names', async () => {
    const [d] = (await answers(policy(best), { facts: { list_price: 1000 }, events: [coupon(10), coupon(25, 'main', 2), coupon(15, 'main', 3)] }))!;
    expect(d).toMatchObject({ id: 'discount', amount: 250, currency: 'EUR', percent: 25, of: 'list_price', basis: 1000, clause: 'prices' });
    expect(d.reasons[0]).toMatch(/^the highest of 4 candidates: 25 \(percent of the coupon at 2025-03-02/);
  });

  it('leaves out the candidates its filter does not take, and gives 0 with none', async () => {
    const [d] = (await answers(policy(best), { facts: { list_price: 1000 }, events: [coupon(40, 'extra')] }))!;
    expect(d).toMatchObject({ amount: 0, percent: 0, basis: 1000 });
  });

  it('says when candidates tie, and takes the value once', async () => {
    const [d] = (await answers(policy(best), { facts: { list_price: 80 }, events: [coupon(15), coupon(15, 'main', 2)] }))!;
    expect(d).toMatchObject({ amount: 12, percent: 15 });
    expect(d.reasons[0]).toMatch(/\(2 tie\)$/);
  });

  it('is nothing at 0% without asking for the price', async () => {
    const a = await evaluate(load(policy(best)), { at, plans: { tier: 'gold' }, events: [coupon(0)] });
    expect(a.amounts).toEqual([expect.objectContaining({ amount: 0, percent: 0, of: 'list_price' })]);
    expect(a.warnings).toEqual([]);
  });

  it('knows the percentage without the price, and says the price is missing', async () => {
    const compiled = load(policy(best));
    const a = await evaluate(compiled, { at, plans: { tier: 'gold' }, events: [coupon(20)] });
    expect(a.amounts).toEqual([expect.objectContaining({ amount: null, percent: 20, of: 'list_price' })]);
    expect(a.warnings).toContain('discount: the case does not give `list_price`');
  });

  it('the lowest of money amounts, a fact among them, rounded to cents half away from zero', async () => {
    const items = `  - id: fee
    clause: prices
    value: { min: [{ amount: 50 }, { percent: 12.5, of: list_price }, { fact: loyalty }] }`;
    expect(await answers(policy(items), { facts: { list_price: 100.2, loyalty: 60 } })).toEqual([
      { id: 'fee', amount: 12.53, currency: 'EUR', percent: 12.5, of: 'list_price', basis: 100.2, reasons: expect.any(Array), clause: 'prices' },
    ]);
  });

  it('a percentage from a fact, and money from the last event of a type', async () => {
    const items = `  - id: loyalty_discount
    clause: prices
    value: { percent: { fact: loyalty }, of: list_price }
  - id: quoted
    clause: prices
    applies: { tier: [gold] }
    value: { attribute: price, of: { event: quote, which: last } }`;
    const events = [
      { type: 'quote', at: '2025-03-01T10:00:00+02:00', price: 10 },
      { type: 'quote', at: '2025-03-02T10:00:00+02:00', price: 19.995 },
    ];
    const [loyalty, quoted] = (await answers(policy(items), { facts: { list_price: 200 }, events }))!;
    expect(loyalty).toMatchObject({ amount: 10, percent: 5 });
    expect(quoted).toMatchObject({ id: 'quoted', amount: 20 });
    // an item for another plan is left out
    expect((await answers(policy(items), { plans: { tier: 'basic' }, facts: { list_price: 200 }, events }))!.map((x) => x.id)).toEqual(['loyalty_discount']);
  });

  it('is the cost of an entitlement too', async () => {
    const source = policy(best).replace(
      'amounts:',
      `entitlements:
  - { id: upgrade, clause: prices, cost: { max: [{ amount: 30 }, { percent: 10, of: list_price }] } }
amounts:`,
    );
    const compiled = load(source);
    const a = await evaluate(compiled, { at, plans: { tier: 'gold' }, facts: { list_price: 500 } });
    expect(a.entitlements[0].cost).toEqual({ amount: 50, currency: 'EUR' });
  });
});

describe('amounts are checked before they are evaluated', () => {
  const one = (value: string) => policy(`  - id: a\n    clause: prices\n    value: ${value}`);
  const codes = (source: string) => check(source).map((d) => [d.code, d.path]);

  it('an unknown fact or attribute, or one that is not a number, is an error at its place', () => {
    expect(codes(one('{ percent: { fact: loyal }, of: list_price }'))).toEqual([['SLA3002', '/amounts/0/value/percent/fact']]);
    expect(codes(one('{ max: [{ attribute: pct, each: { event: coupon } }] }'))).toEqual([['SLA3004', '/amounts/0/value/max/0/attribute']]);
    expect(codes(one('{ percent: { fact: label }, of: list_price }'))).toEqual([['SLA3036', '/amounts/0/value/percent/fact']]);
    const source = one('{ percent: 10, of: label }');
    const [d] = check(source);
    expect(d).toMatchObject({ code: 'SLA3036', path: '/amounts/0/value/of', line: source.split('\n').findIndex((l) => l.includes('of: label')) + 1 });
  });

  it('a percentage that could leave 0–100 is an error: a literal, or a declaration that allows it', () => {
    expect(codes(one('{ percent: 150, of: list_price }'))[0][1]).toBe('/amounts/0/value/percent');
    const negative = policy(`  - id: a\n    clause: prices\n    value: { percent: { fact: rate }, of: list_price }`, '\n  rate: { type: number, minimum: -5 }');
    expect(check(negative).map((d) => [d.code, d.message])).toEqual([['SLA3070', 'fact `rate` is read as a percentage, but its minimum is -5']]);
    const high = negative.replace('minimum: -5', 'default: 120');
    expect(check(high).map((d) => d.code)).toEqual(['SLA3070']);
  });

  it('candidates in different currencies cannot be compared', () => {
    expect(codes(one('{ max: [{ amount: 1, currency: USD }, { amount: 2 }] }'))).toEqual([['SLA3071', '/amounts/0/value/max']]);
    expect(codes(one('{ max: [{ amount: 1, currency: EUR }, { amount: 2 }] }'))).toEqual([]);
  });

  it('a case value read as a percentage over 100 is refused, naming the event attribute', async () => {
    const refusal = await evaluate(load(policy(best)), { at, plans: { tier: 'gold' }, events: [coupon(120)] }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SlaError);
    expect((refusal as SlaError).diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      ['SLA4050', '/events/0/percent', 'attribute `percent` is 120, a percentage; it must lie between 0 and 100'],
    ]);
  });
});

describe('the DSL form of amounts', () => {
  const dsl = (source: string) => parseDsl(source, { file: 'shop.sla' });

  it('prints and parses back to the same IR, and compiles to the same rules as YAML', () => {
    const source = policy(`${best}
  - id: fee
    clause: prices
    applies: { tier: [gold] }
    value: { by: tier, values: { gold: { min: [{ amount: 50, currency: EUR }, { percent: { fact: loyalty }, of: list_price }] } } }`);
    const yaml = loadPolicy({ source, file: 'shop.yaml' });
    const text = printDsl(yaml.ir);
    expect(text).toContain('value max(0, percent of each coupon where product = main)% of list_price');
    expect(text).toContain('value by tier { gold: min(50 EUR, fact loyalty% of list_price) }');
    const fromDsl = loadPolicy({ source: text, file: 'shop.sla' }, { parseDsl });
    expect(canonicalJson(compilePolicy(fromDsl))).toBe(canonicalJson(compilePolicy(yaml)));
  });

  it('a comma after a filter starts the next candidate', () => {
    const head = printDsl(loadPolicy({ source: policy(best), file: 'shop.yaml' }).ir).replace(/amount discount[\s\S]*$/, '');
    const { policy: p } = dsl(
      `${head}amount a (clause prices) {\n  value max(percent of each coupon where product = main, 5, fact loyalty)% of list_price\n}\n`,
    );
    expect(p?.amounts?.[0].value).toEqual({
      percent: { max: [{ attribute: 'percent', each: { event: 'coupon', where: { product: 'main' } } }, 5, { fact: 'loyalty' }] },
      of: 'list_price',
    });
  });

  it('says where a term cannot stand', () => {
    const head = printDsl(loadPolicy({ source: policy(best), file: 'shop.yaml' }).ir).replace(/amount discount[\s\S]*$/, '');
    const problems = (value: string) => dsl(`${head}amount a (clause prices) {\n  value ${value}\n}\n`).diagnostics.map((d) => [d.code, d.message]);
    expect(problems('percent of each coupon')).toEqual([['SLA1102', '`each` gives several candidates: it stands only inside `max(…)` or `min(…)`']]);
    expect(problems('fact loyalty EUR')).toEqual([['SLA1102', 'a currency follows a number only']]);
    expect(problems('max(5, max(1, 2))')).toEqual([['SLA1102', '`max(…)` cannot stand among the candidates of another']]);
    expect(problems('max(5% of list_price, 2)% of list_price')).toEqual([
      ['SLA1102', 'a candidate of a percentage is a number or a number read from the case'],
    ]);
  });
});
