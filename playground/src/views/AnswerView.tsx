// The answer: deadlines, entitlements, amounts, refund and credits as tables with status chips; a row opens
// the explanation of its clause (in the chosen language, right to left for Persian).
import { signal } from '@preact/signals';
import type { Answer } from '../../../engine/core.ts';
import { answer, caseDiagnostics, failure, lang, policyFormat, policySource } from '../state.ts';
import { locateRule } from '../engine-client.ts';
import { editors } from './editors.ts';
import { lazyView } from './lazy.tsx';
import { isolateLatin } from './bidi.tsx';
import { showDuration, showInstant, showInstantsIn, showMoney, showNumber, timeLeft } from './format.ts';

const RTL = new Set(['fa', 'ar', 'he']);
// the comparisons and the tests (with Monaco's diff editor) load when first opened
const ComparePlans = lazyView(() => import('./ComparePlans.tsx').then((m) => m.ComparePlans));
const CompareVersions = lazyView(() => import('./CompareVersions.tsx').then((m) => m.CompareVersions));
const TestsView = lazyView(() => import('./TestsView.tsx').then((m) => m.TestsView));
const opened = signal<string | undefined>(undefined);

const Chip = ({ kind, children }: { kind: string; children: string }) => <span class={`chip ${kind}`}>{children}</span>;

function entitlementChip(e: Answer['entitlements'][number]) {
  if (e.allowed) return <Chip kind="ok">allowed</Chip>;
  if (e.reasons.some((r) => r.startsWith('not in your plan'))) return <Chip kind="off">not in plan</Chip>;
  return <Chip kind="wait">not now</Chip>;
}

/** Selects a rule's text in the policy editor. */
async function showRule(rule: string) {
  const { at } = await locateRule({ kind: 'locate', policy: { source: policySource.value, format: policyFormat.value }, rule });
  const e = editors.policy;
  if (!at || !e) return;
  const end =
    at.endLine && at.endColumn
      ? { endLineNumber: at.endLine, endColumn: at.endColumn }
      : { endLineNumber: at.line, endColumn: e.getModel()!.getLineMaxColumn(at.line) };
  e.setSelection({ startLineNumber: at.line, startColumn: at.column, ...end });
  e.revealLinesInCenter(at.line, end.endLineNumber);
  e.focus();
}

function Explanation({ a, clause, rule }: { a: Answer; clause: string; rule: string }) {
  const x = a.explanations[clause];
  if (!x) return <p class="note">no explanation for {clause}</p>;
  return (
    <div class="explanation" data-testid="explanation">
      <button class="link" onClick={() => void showRule(rule)}>
        show the rule in the policy
      </button>
      <h4>
        <bdi>{x.title ?? clause}</bdi>{' '}
        <small>
          {clause}
          {x.source ? ` · ${x.source}` : ''}
        </small>
      </h4>
      <blockquote lang={x.lang} dir={RTL.has(x.lang) ? 'rtl' : 'ltr'}>
        {RTL.has(x.lang) ? isolateLatin(x.text) : x.text}
      </blockquote>
      {x.conditions.length > 0 && (
        <table class="conditions">
          <thead>
            <tr>
              <th>condition</th>
              <th>saw</th>
              <th>expected</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {x.conditions.map((c) => (
              <tr class={c.result ? 'held' : 'failed'}>
                <td>{c.check}</td>
                <td>
                  <code>{JSON.stringify(c.saw)}</code>
                </td>
                <td>{c.expected === undefined ? '' : <code>{JSON.stringify(c.expected)}</code>}</td>
                <td>{c.result ? '✓' : '✗'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {x.assumptions.length > 0 && (
        <ul class="assumptions">
          {x.assumptions.map((s) => (
            <li>{s}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A row that opens its clause's explanation below it. */
function Row({ a, clause, rowKey, cols, children }: { a: Answer; clause: string; rowKey: string; cols: number; children: preact.ComponentChildren }) {
  const rule = rowKey.split(':').slice(0, 2).join(':');
  const open = opened.value === rowKey;
  return (
    <>
      <tr class={open ? 'open' : ''} data-row={rowKey} onClick={() => (opened.value = open ? undefined : rowKey)}>
        {children}
      </tr>
      {open && (
        <tr class="detail">
          <td colSpan={cols}>
            <Explanation a={a} clause={clause} rule={rule} />
          </td>
        </tr>
      )}
    </>
  );
}

function Deadlines({ a }: { a: Answer }) {
  return (
    <table class="answers" data-testid="deadlines">
      <caption>Deadlines ({a.deadlines.length})</caption>
      <thead>
        <tr>
          <th>id</th>
          <th>subject</th>
          <th>party</th>
          <th>due</th>
          <th>status</th>
          <th>time</th>
        </tr>
      </thead>
      <tbody>
        {a.deadlines.map((d) => {
          const key = `deadline:${d.id}:${d.subject ?? ''}`;
          return (
            <Row a={a} clause={d.clause} rowKey={key} cols={6}>
              <td>{d.id}</td>
              <td>{d.subject ?? ''}</td>
              <td>
                {d.party}
                {d.recommended ? ' (recommended)' : ''}
              </td>
              <td>{showInstant(d.due)}</td>
              <td>
                <Chip kind={d.status === 'met' ? 'ok' : d.status === 'breached' ? 'bad' : 'wait'}>{d.status}</Chip>
              </td>
              <td>{d.status === 'met' ? `met ${showInstant(d.met_at)}` : timeLeft(d.due, a.at)}</td>
            </Row>
          );
        })}
      </tbody>
    </table>
  );
}

type Pool = NonNullable<Answer['entitlements'][number]['pools']>[number];

/** A ledger's pools under its row: what each still holds, what opened it, when it expires or lost. */
function Pools({ a, pools }: { a: Answer; pools: Pool[] }) {
  return (
    <ul class="pools" data-testid="pools">
      {pools.map((p) => (
        <li class={p.expired ? 'expired' : 'held'}>
          {`${showNumber(p.remaining)} of ${showNumber(p.limit)} · `}
          {'event' in p.grant ? `${p.grant.event} ${showInstant(p.grant.at)}` : `${p.grant.plan} ${p.grant.option}`}
          {p.expired
            ? ` · expired ${showInstant(p.expires)}, ${showNumber(p.lost ?? 0)} lost`
            : p.expires
              ? ` · expires ${showInstant(p.expires)} (${timeLeft(p.expires, a.at)})`
              : ' · never expires'}
        </li>
      ))}
    </ul>
  );
}

function Entitlements({ a }: { a: Answer }) {
  return (
    <table class="answers" data-testid="entitlements">
      <caption>Entitlements ({a.entitlements.length})</caption>
      <thead>
        <tr>
          <th>id</th>
          <th>subject</th>
          <th>status</th>
          <th>remaining</th>
          <th>until</th>
          <th>cost</th>
          <th>why</th>
        </tr>
      </thead>
      <tbody>
        {a.entitlements.map((e) => (
          <Row a={a} clause={e.clause} rowKey={`entitlement:${e.id}:${e.subject ?? ''}`} cols={7}>
            <td>{e.id}</td>
            <td>{e.subject ?? ''}</td>
            <td>{entitlementChip(e)}</td>
            <td>
              {e.limit !== undefined ? `${showNumber(e.remaining)} of ${showNumber(e.limit)}` : ''}
              {e.pools && e.pools.length > 0 && <Pools a={a} pools={e.pools} />}
            </td>
            <td>{e.until ? `${showInstant(e.until)} (${timeLeft(e.until, a.at)})` : ''}</td>
            <td>{showMoney(e.cost)}</td>
            <td class="reasons">{e.reasons.map(showInstantsIn).join('; ')}</td>
          </Row>
        ))}
      </tbody>
    </table>
  );
}

/** Sums of money the policy gives the case (a discount and the price it applies to); only for a policy that declares them. */
function Amounts({ a }: { a: Answer }) {
  if (!a.amounts) return null;
  return (
    <table class="answers" data-testid="amounts">
      <caption>Amounts ({a.amounts.length})</caption>
      <thead>
        <tr>
          <th>id</th>
          <th>amount</th>
          <th>percent</th>
          <th>of</th>
          <th>why</th>
        </tr>
      </thead>
      <tbody>
        {a.amounts.map((m) => (
          <Row a={a} clause={m.clause} rowKey={`amount:${m.id}`} cols={5}>
            <td>{m.id}</td>
            <td>{m.amount === null ? <Chip kind="wait">unknown</Chip> : showMoney({ amount: m.amount, currency: m.currency })}</td>
            <td>{m.percent === undefined ? '' : `${showNumber(m.percent)}%`}</td>
            <td>
              {m.of ?? ''}
              {m.basis === undefined ? '' : ` (${showMoney({ amount: m.basis, currency: m.currency })})`}
            </td>
            <td class="reasons">{m.reasons.map(showInstantsIn).join('; ')}</td>
          </Row>
        ))}
      </tbody>
    </table>
  );
}

function Refund({ a }: { a: Answer }) {
  const r = a.refund;
  if (!r) return null;
  return (
    <table class="answers" data-testid="refund">
      <caption>Refund</caption>
      <tbody>
        <Row a={a} clause={r.clause} rowKey="refund" cols={2}>
          <th>eligible</th>
          <td>
            <Chip kind={r.eligible ? 'ok' : 'off'}>{r.eligible ? 'eligible' : 'not eligible'}</Chip> {r.percent}% ·{' '}
            {showMoney({ amount: r.amount, currency: r.currency })} of {showMoney({ amount: r.basis, currency: r.currency })}
          </td>
        </Row>
        <tr>
          <th>reasons</th>
          <td class="reasons">{r.reasons.map(showInstantsIn).join('; ')}</td>
        </tr>
      </tbody>
    </table>
  );
}

function Credits({ a }: { a: Answer }) {
  if (!a.credits.length) return <p class="note">Credits: none</p>;
  return (
    <table class="answers" data-testid="credits">
      <caption>Credits ({a.credits.length})</caption>
      <thead>
        <tr>
          <th>id</th>
          <th>period</th>
          <th>credit</th>
          <th>availability</th>
          <th>downtime</th>
        </tr>
      </thead>
      <tbody>
        {a.credits.map((c) => (
          <Row a={a} clause={c.clause} rowKey={`credit:${c.id}:${c.period.from}`} cols={5}>
            <td>{c.id}</td>
            <td>
              {showInstant(c.period.from)} → {showInstant(c.period.until)}
            </td>
            <td>
              {showNumber(c.amount)} {c.unit}
            </td>
            <td>{showNumber(c.availability)}%</td>
            <td>{showDuration(c.downtime_hours * 3_600_000)}</td>
          </Row>
        ))}
      </tbody>
    </table>
  );
}

const tab = signal<'answer' | 'compare' | 'versions' | 'tests'>('answer');
const TABS = { answer: 'Answer', compare: 'Compare plans', versions: 'Compare versions', tests: 'Tests' } as const;

export function AnswerView() {
  const a = answer.value;
  return (
    <section class="pane answer" data-testid="answer">
      <header>
        <span class="toggle" role="tablist" aria-label="answer views">
          {(Object.keys(TABS) as (keyof typeof TABS)[]).map((t) => (
            <button role="tab" class={t === tab.value ? 'on' : ''} aria-selected={t === tab.value} onClick={() => (tab.value = t)}>
              {TABS[t]}
            </button>
          ))}
        </span>
        {a && (
          <span class="meta">
            {a.policy.id} {a.policy.version} · at {showInstant(a.at)} ·{' '}
            {Object.entries(a.plans)
              .map(([k, v]) => `${k}: ${v}`)
              .join(', ')}
          </span>
        )}
        <label class="lang">
          Language{' '}
          <select aria-label="language" value={lang.value} onChange={(e) => (lang.value = e.currentTarget.value)}>
            <option value="en">English</option>
            <option value="uk">Українська</option>
            <option value="fa">فارسی</option>
          </select>
        </label>
      </header>
      {failure.value && <p class="note error">the engine failed: {failure.value}</p>}
      {tab.value === 'compare' && <ComparePlans />}
      {tab.value === 'versions' && <CompareVersions />}
      {tab.value === 'tests' && <TestsView />}
      {tab.value === 'answer' && !a && !failure.value && (
        <p class="note">{caseDiagnostics.value.length ? 'the case has errors (see the case editor)' : 'no answer while the policy has errors'}</p>
      )}
      {tab.value === 'answer' && a && (
        <div class="tables">
          {a.warnings.length > 0 && (
            <ul class="warnings" data-testid="warnings">
              {a.warnings.map((w) => (
                <li>{w}</li>
              ))}
            </ul>
          )}
          <Deadlines a={a} />
          <Entitlements a={a} />
          <Amounts a={a} />
          <Refund a={a} />
          <Credits a={a} />
        </div>
      )}
    </section>
  );
}
