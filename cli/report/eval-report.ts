// The readable report of `sla eval`: a header, then one table per kind of answer, and with
// --explain each clause's text and the conditions that decided. (`--json` prints the Answer as is.)
import type { AmountItem, Answer, CreditItem, DeadlineItem, EntitlementItem, Explanation, LedgerPool, RefundAnswer } from '../../engine/answer.ts';
import { isolateRtl } from '../text/bidi.ts';
import { escapeControls, escapeStrings } from '../text/escape-controls.ts';
import type { Style } from '../text/style.ts';
import { renderTable, type Column } from '../text/table.ts';
import { wrapText } from '../text/wrap.ts';
import { showAmount, showAny, showInstant, showInstantsIn, showMoney, showNumber } from './cells.ts';

export interface ReportOptions {
  style: Style;
  explain?: boolean;
  /** the language asked for, to say when a clause had to fall back to another */
  lang?: string;
  /** terminal columns, for wrapping explanation texts */
  width?: number;
}

// `opens` is not a column: a window not yet open says in its reasons when it opens
const ENTITLEMENT_FIELDS = new Set(['id', 'subject', 'allowed', 'limit', 'used', 'remaining', 'opens', 'until', 'pools', 'cost', 'reasons', 'clause']);

export function formatEvalReport(raw: Answer, options: ReportOptions): string {
  const { style } = options;
  // Its strings are the case's and the policy's data; a clause text keeps its paragraphs.
  const answer = escapeStrings(raw);
  for (const [clause, ex] of Object.entries(raw.explanations)) {
    const text = answer.explanations[escapeControls(clause)];
    if (text && ex.text !== undefined) text.text = ex.text.split('\n').map(escapeControls).join('\n');
  }
  const plans = Object.entries(answer.plans ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  const lines = [
    `${style.bold(`${answer.policy.id} ${answer.policy.version}`)} · at ${showInstant(answer.at)}${plans ? ` · ${plans}` : ''}`,
    ...section(style, 'Deadlines', answer.deadlines, (items) => deadlineTable(items, options)),
    ...section(style, 'Entitlements', answer.entitlements, (items) => entitlementTable(items, options)),
    // a policy without amounts has none to report, not "none"
    ...(answer.amounts ? section(style, 'Amounts', answer.amounts, (items) => amountTable(items, options)) : []),
    '',
    style.bold('Refund'),
    ...refundLines(answer.refund, options),
    ...section(style, 'Credits', answer.credits, (items) => creditTable(items, options)),
  ];
  if (answer.warnings.length > 0) {
    lines.push('', style.bold(`Warnings (${answer.warnings.length})`));
    lines.push(...answer.warnings.map((w) => `  ${style.yellow('!')} ${isolateRtl(w)}`));
  }
  if (options.explain) lines.push(...explanationLines(answer, options));
  return `${lines.join('\n')}\n`;
}

function section<T>(style: Style, title: string, items: T[], table: (items: T[]) => string[]): string[] {
  if (items.length === 0) return ['', `${style.bold(title)}: none`];
  return ['', style.bold(`${title} (${items.length})`), ...table(items)];
}

const clauseColumn = (options: ReportOptions): Column[] => (options.explain ? [{ header: 'clause' }] : []);
const header = (options: ReportOptions) => ({ paintHeader: options.style.dim });
const reasons = (rs: string[] | undefined) => (rs ?? []).map(showInstantsIn).join('\n');

function deadlineTable(items: DeadlineItem[], options: ReportOptions): string[] {
  const { style } = options;
  const statusPaint = (padded: string, raw: string) => (raw === 'met' ? style.green(padded) : raw === 'breached' ? style.red(padded) : style.yellow(padded));
  const columns: Column[] = [
    { header: 'id' },
    { header: 'subject' },
    { header: 'party' },
    { header: 'due' },
    { header: 'status', paint: statusPaint },
    { header: 'met at' },
    { header: 'priority' },
    ...clauseColumn(options),
  ];
  const rows = items.map((d) => [
    d.id,
    d.subject ?? '',
    d.recommended ? `${d.party} (recommended)` : d.party,
    showInstant(d.due),
    d.status,
    showInstant(d.met_at),
    d.priority ?? '',
    ...(options.explain ? [d.clause] : []),
  ]);
  return renderTable(columns, rows, header(options));
}

function entitlementTable(items: EntitlementItem[], options: ReportOptions): string[] {
  const { style } = options;
  const extras = (e: EntitlementItem) => Object.keys(e).filter((k) => !ENTITLEMENT_FIELDS.has(k) && e[k] !== undefined);
  const hasExtras = items.some((e) => extras(e).length > 0);
  const hasSubjects = items.some((e) => e.subject !== undefined);
  const columns: Column[] = [
    { header: 'id' },
    ...(hasSubjects ? [{ header: 'subject' }] : []),
    { header: 'allowed', paint: (p, raw) => (raw === '✓' ? style.green(p) : style.red(p)) },
    { header: 'limit', align: 'right' },
    { header: 'used', align: 'right' },
    { header: 'remaining', align: 'right' },
    { header: 'until' },
    { header: 'cost' },
    ...(hasExtras ? [{ header: 'also' }] : []),
    ...clauseColumn(options),
    { header: 'reasons' },
  ];
  const rows = items.map((e) => [
    e.id,
    ...(hasSubjects ? [e.subject ?? ''] : []),
    e.allowed ? '✓' : '✗',
    'limit' in e ? showNumber(e.limit) : '',
    showNumber(e.used),
    'remaining' in e ? showNumber(e.remaining) : '',
    showInstant(e.until),
    showMoney(e.cost),
    ...(hasExtras
      ? [
          extras(e)
            .map((k) => `${k}: ${showAny(e[k])}`)
            .join('\n'),
        ]
      : []),
    ...(options.explain ? [e.clause] : []),
    reasons(e.reasons),
  ]);
  const pools = items.filter((e) => e.pools?.length).flatMap((e) => poolTable(e, e.pools!, options));
  return [...renderTable(columns, rows, header(options)), ...pools];
}

/** A ledger entitlement's pools, under the entitlements: what opened each, its balance, its expiry. */
function poolTable(e: EntitlementItem, pools: LedgerPool[], options: ReportOptions): string[] {
  const { style } = options;
  const columns: Column[] = [
    { header: 'granted by' },
    { header: 'limit', align: 'right' },
    { header: 'used', align: 'right' },
    { header: 'remaining', align: 'right' },
    { header: 'expires' },
    { header: 'status', paint: (p, raw) => (raw.startsWith('expired') ? style.red(p) : style.green(p)) },
  ];
  const rows = pools.map((p) => [
    'event' in p.grant ? `${p.grant.event} at ${showInstant(p.grant.at)}` : `plan ${p.grant.plan}: ${p.grant.option}`,
    showNumber(p.limit),
    showNumber(p.used),
    showNumber(p.remaining),
    p.expires === null ? 'never' : showInstant(p.expires),
    p.expired ? `expired, ${showNumber(p.lost ?? 0)} lost` : 'held',
  ]);
  const title = `Pools of ${e.id}${e.subject === undefined ? '' : ` (${e.subject})`} (${pools.length})`;
  return ['', `  ${style.bold(title)}`, ...renderTable(columns, rows, { ...header(options), indent: '  ' })];
}

function amountTable(items: AmountItem[], options: ReportOptions): string[] {
  const columns: Column[] = [
    { header: 'id' },
    { header: 'amount', align: 'right' },
    { header: 'percent', align: 'right' },
    { header: 'of' },
    ...clauseColumn(options),
    { header: 'reasons' },
  ];
  const rows = items.map((a) => [
    a.id,
    a.amount === null ? 'unknown' : showMoney({ amount: a.amount, currency: a.currency }),
    a.percent === undefined ? '' : `${showNumber(a.percent)}%`,
    a.of === undefined ? '' : `${a.of}${a.basis === undefined ? '' : ` (${showMoney({ amount: a.basis, currency: a.currency })})`}`,
    ...(options.explain ? [a.clause] : []),
    reasons(a.reasons),
  ]);
  return renderTable(columns, rows, header(options));
}

function refundLines(refund: RefundAnswer | null, options: ReportOptions): string[] {
  const { style } = options;
  if (refund === null) return ['  no refund terms in this policy'];
  const money = (n: number) => `${showAmount(n)} ${refund.currency}`;
  const rows: [string, string][] = [
    ['eligible', refund.eligible ? style.green('✓ yes') : style.red('✗ no')],
    ['percent', `${showNumber(refund.percent)}%`],
    ['amount', `${money(refund.amount)} (of ${money(refund.basis)})`],
    ['requested', showInstant(refund.requested_at)],
    ...(refund.rule ? [['rule', refund.rule] as [string, string]] : []),
    ...(options.explain ? [['clause', refund.clause] as [string, string]] : []),
  ];
  const width = Math.max(...rows.map(([k]) => k.length), 'reasons'.length);
  const lines = rows.map(([k, v]) => `  ${style.dim(k.padEnd(width))}  ${v}`);
  (refund.reasons ?? []).forEach((r, i) => lines.push(`  ${style.dim((i === 0 ? 'reasons' : '').padEnd(width))}  ${isolateRtl(showInstantsIn(r))}`));
  return lines;
}

function creditTable(items: CreditItem[], options: ReportOptions): string[] {
  const columns: Column[] = [
    { header: 'id' },
    { header: 'period' },
    { header: 'amount', align: 'right' },
    { header: 'unit' },
    { header: 'availability', align: 'right' },
    { header: 'downtime h', align: 'right' },
    ...clauseColumn(options),
    { header: 'reasons' },
  ];
  const rows = items.map((c) => [
    c.id,
    `${showInstant(c.period.from)} – ${showInstant(c.period.until)}`,
    showNumber(c.amount),
    c.unit,
    c.availability === undefined ? '' : `${(c.availability * 100).toFixed(2)}%`,
    showNumber(c.downtime_hours),
    ...(options.explain ? [c.clause] : []),
    reasons(c.reasons),
  ]);
  return renderTable(columns, rows, header(options));
}

function explanationLines(answer: Answer, options: ReportOptions): string[] {
  const { style } = options;
  const entries = Object.entries(answer.explanations ?? {});
  if (entries.length === 0) return ['', `${style.bold('Explanations')}: none`];
  const usedBy = clauseUsers(answer);
  const textWidth = Math.max(40, Math.min(options.width ?? 100, 110) - 4);
  const lines = ['', style.bold(`Explanations (${entries.length})`)];
  for (const [clause, ex] of entries) {
    lines.push('', `  ${style.cyan(clause)}${ex.title ? ` · ${isolateRtl(ex.title)}` : ''}${sourceNote(ex, options)}`);
    const users = usedBy.get(clause);
    if (users?.length) lines.push(`    ${style.dim(`for ${users.join(', ')}`)}`);
    lines.push(...wrapText(ex.text ?? '', textWidth).map((l) => `    ${isolateRtl(l)}`));
    // The label stays left; the assumption's own text is isolated, so Persian reads right to left.
    const label = 'assumption: ';
    for (const a of ex.assumptions ?? []) {
      wrapText(a, textWidth - label.length).forEach((l, i) => lines.push(`    ${style.dim(`${i === 0 ? label : ' '.repeat(label.length)}${isolateRtl(l)}`)}`));
    }
    if ((ex.conditions ?? []).length > 0) {
      const rows = ex.conditions.map((c) => [c.result ? '✓' : '✗', c.check, showAny(c.saw), c.expected === undefined ? '' : showAny(c.expected)]);
      const columns: Column[] = [
        { header: '', paint: (p, raw) => (raw === '✓' ? style.green(p) : style.red(p)) },
        { header: 'condition' },
        { header: 'saw' },
        { header: 'expected' },
      ];
      lines.push(...renderTable(columns, rows, { indent: '    ', paintHeader: style.dim }));
    }
  }
  return lines;
}

function sourceNote(ex: Explanation, options: ReportOptions): string {
  const parts = [ex.lang, ex.source].filter(Boolean);
  const fallback = options.lang && ex.lang && ex.lang !== options.lang ? `; no ${options.lang} text` : '';
  return parts.length || fallback ? options.style.dim(` (${parts.join(', ')}${fallback})`) : '';
}

/** clause → the answer items that cite it, e.g. `entitlement re_migration`. */
function clauseUsers(answer: Answer): Map<string, string[]> {
  const users = new Map<string, string[]>();
  const add = (clause: string | undefined, what: string) => {
    if (!clause) return;
    const list = users.get(clause) ?? [];
    if (!list.includes(what)) list.push(what);
    users.set(clause, list);
  };
  answer.deadlines.forEach((d) => add(d.clause, `deadline ${d.id}`));
  answer.entitlements.forEach((e) => add(e.clause, `entitlement ${e.id}`));
  answer.amounts?.forEach((a) => add(a.clause, `amount ${a.id}`));
  if (answer.refund) add(answer.refund.clause, 'refund');
  answer.credits.forEach((c) => add(c.clause, `credit ${c.id}`));
  return users;
}
