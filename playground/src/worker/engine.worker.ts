// The engine in a Web Worker: checks, compiles, converts and evaluates off the page's thread, so
// typing and scrubbing stay smooth and nothing the user types leaves the browser.
import { evaluate, loadHolidayData, parseCaseSource, SlaError, type Case, type CompiledPolicy } from '../../../engine/core.ts';
import { calendarBoundaries } from '../../../engine/changes/candidates.ts';
import { prepare } from '../../../engine/evaluate/evaluate.ts';
import { formatDsl, printDsl, printYaml } from '../../../dsl/index.ts';
import { checkAndCompile, diagnosticsOf, ruleSpan, type Checked } from './load.ts';
import { diffAnswers, formatPolicyChange, measureCoverage, semanticDiff, toLcov } from '../../../engine/analysis/index.ts';
import { coverageLines } from './coverage-lines.ts';
import { caseIntervals } from './intervals.ts';
import { changes } from '../../../engine/changes/index.ts';
import { formatMismatch, parseTestDocument, runTestCase } from '../../../engine/testing/index.ts';
import type {
  CalendarResult,
  ChangesResult,
  CompareResult,
  ConvertResult,
  LocateResult,
  Request,
  Response,
  RunResult,
  TestsResult,
  VersionsResult,
} from './protocol.ts';

const post = (r: Response) => (self as unknown as Worker).postMessage(r);

async function run(req: Extract<Request, { kind: 'run' }>): Promise<RunResult> {
  const checked = checkAndCompile(req.policy);
  const { compiled } = checked;
  const diagnostics = await diagnosticsOf(checked);
  if (!compiled) return { policy: diagnostics, case: [], answer: null };
  const { plans, facts, events, zone, clauses } = compiled.policy;
  const declarations = { plans, facts, events, zone, clauses };
  const found = { policy: diagnostics, declarations };
  if (req.case === undefined) return { ...found, case: [], answer: null };
  try {
    const { value, locate } = parseCaseSource(req.case, 'case.yaml');
    const input = (req.at && value && typeof value === 'object' ? { ...(value as object), at: req.at } : value) as Case;
    const answer = await evaluate(compiled, input, { lang: req.lang, file: 'case.yaml', locate });
    return { ...found, case: [], answer, intervals: caseIntervals(compiled.policy, input) };
  } catch (e) {
    if (!(e instanceof SlaError)) throw e;
    return { ...found, case: e.diagnostics, answer: null };
  }
}

async function nextChanges(req: Extract<Request, { kind: 'changes' }>): Promise<ChangesResult> {
  const { compiled } = checkAndCompile(req.policy);
  if (!compiled) return { changes: [] };
  try {
    return { changes: await changes(compiled, parseCaseSource(req.case, 'case.yaml').value as Case, req.from, req.until, { limit: req.limit }) };
  } catch (e) {
    if (e instanceof SlaError) return { changes: [] }; // the case's own diagnostics come from `run`
    throw e;
  }
}

async function runTests(req: Extract<Request, { kind: 'tests' }>): Promise<TestsResult> {
  const { diagnostics, compiled, loaded } = checkAndCompile(req.policy);
  if (!compiled || !loaded) return { outcomes: [], diagnostics };
  let doc;
  try {
    const { value, locate } = parseCaseSource(req.tests, 'policy.test.yaml');
    doc = parseTestDocument(value, { file: 'policy.test.yaml', locate });
  } catch (e) {
    if (e instanceof SlaError) return { outcomes: [], diagnostics: e.diagnostics };
    throw e;
  }
  if (doc.diagnostics.some((d) => d.severity === 'error')) return { outcomes: [], diagnostics: doc.diagnostics };
  const outcomes = [];
  for (const tc of doc.cases) {
    const o = await runTestCase(tc, compiled);
    outcomes.push({
      name: o.name,
      passed: o.passed,
      mismatches: o.mismatches.map(formatMismatch),
      diagnostics: o.diagnostics,
      ...(o.error ? { error: o.error } : {}),
    });
  }
  const coverage = await measureCoverage(
    compiled,
    doc.cases.filter((tc) => !tc.diagnostics.some((d) => d.severity === 'error')).map((tc) => tc.case),
  );
  const lines = coverageLines(toLcov(coverage, loaded, loaded.file ?? 'policy'));
  return { outcomes, diagnostics: doc.diagnostics, coverage: { lines, totals: coverage.totals } };
}

async function compare(req: Extract<Request, { kind: 'compare' }>): Promise<CompareResult> {
  const { compiled } = checkAndCompile(req.policy);
  const options = compiled?.policy.plans[req.dimension]?.options ?? [];
  const { value } = parseCaseSource(req.case, 'case.yaml');
  const kase = value as Case;
  const out: CompareResult['options'] = [];
  for (const option of options) {
    try {
      out.push({
        option,
        answer: await evaluate(compiled!, { ...kase, plans: { ...kase.plans, [req.dimension]: option } }, { lang: req.lang }),
        diagnostics: [],
      });
    } catch (e) {
      if (!(e instanceof SlaError)) throw e;
      out.push({ option, diagnostics: e.diagnostics });
    }
  }
  return { options: out };
}

async function versions(req: Extract<Request, { kind: 'versions' }>): Promise<VersionsResult> {
  const under = async (checked: Checked) => {
    if (!checked.compiled) return { diagnostics: checked.diagnostics };
    try {
      return { answer: await evaluate(checked.compiled, parseCaseSource(req.case, 'case.yaml').value as Case, { lang: req.lang }), diagnostics: [] };
    } catch (e) {
      if (!(e instanceof SlaError)) throw e;
      return { diagnostics: e.diagnostics };
    }
  };
  const [edited, other] = [checkAndCompile(req.policy), checkAndCompile(req.other)];
  const [a, b] = [await under(edited), await under(other)];
  return {
    versions: [a, b],
    ...(edited.loaded && other.loaded ? { policyChanges: semanticDiff(other.loaded.ir, edited.loaded.ir).map(formatPolicyChange) } : {}),
    ...(a.answer && b.answer ? { answerChanges: diffAnswers(b.answer, a.answer) } : {}),
  };
}

async function calendar(req: Extract<Request, { kind: 'calendar' }>): Promise<CalendarResult> {
  const { compiled } = checkAndCompile(req.policy);
  const id = compiled?.policy.calendar;
  if (!compiled || !id) return { open: [], holidays: [] };
  if (usesCountryHolidays(compiled)) await loadHolidayData();
  const cal = prepare(compiled).calendars.get(id);
  if (!cal) return { open: [], holidays: [] };
  const open: [number, number][] = [];
  let start = cal.isOpen(req.from) ? req.from : undefined;
  for (const t of calendarBoundaries(cal, req.from, req.until)) {
    if (start === undefined) start = t;
    else {
      open.push([start, t]);
      start = undefined;
    }
  }
  if (start !== undefined) open.push([start, req.until]);
  const years = new Set([new Date(req.from).getUTCFullYear(), new Date(req.until).getUTCFullYear()]);
  const from = new Date(req.from).toISOString().slice(0, 10);
  const until = new Date(req.until).toISOString().slice(0, 10);
  const holidays = [...years].flatMap((y) => cal.holidays(y)).filter((h) => h.date >= from && h.date <= until);
  return { calendar: id, open, holidays };
}

const usesCountryHolidays = (c: CompiledPolicy) => Object.values(c.policy.calendars ?? {}).some((k) => k.holidays?.some((h) => 'country' in h));

function locate(req: Extract<Request, { kind: 'locate' }>): LocateResult {
  const { loaded } = checkAndCompile(req.policy);
  return { at: loaded && ruleSpan(loaded, req.rule) };
}

function convert(req: Extract<Request, { kind: 'convert' }>): ConvertResult {
  const { diagnostics, loaded } = checkAndCompile(req.policy);
  if (!loaded) return { diagnostics };
  return { source: (req.to === 'dsl' ? printDsl : printYaml)(loaded.ir), diagnostics: [] };
}

self.onmessage = async (e: MessageEvent<Request & { id: number }>) => {
  const { id, ...req } = e.data;
  try {
    const result =
      req.kind === 'run'
        ? await run(req)
        : req.kind === 'changes'
          ? await nextChanges(req)
          : req.kind === 'tests'
            ? await runTests(req)
            : req.kind === 'compare'
              ? await compare(req)
              : req.kind === 'calendar'
                ? await calendar(req)
                : req.kind === 'versions'
                  ? await versions(req)
                  : req.kind === 'format'
                    ? formatDsl(req.source, { file: 'policy.sla' })
                    : req.kind === 'locate'
                      ? locate(req)
                      : convert(req);
    post({ id, result });
  } catch (err) {
    post({ id, failure: err instanceof Error ? err.message : String(err) });
  }
};
