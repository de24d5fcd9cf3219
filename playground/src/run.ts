// Re-checks and re-evaluates whenever the policy, the case, the language or the scrubbed `at`
// changes, at once. One request is in flight at a time; edits made meanwhile collapse into the
// latest, so fast typing or a fast drag never builds a queue (and a lone keystroke waits for nothing).
import { effect } from '@preact/signals';
import { nextChanges, runCase } from './engine-client.ts';
import {
  answer,
  caseDiagnostics,
  caseSource,
  checking,
  declarations,
  failure,
  intervals,
  lang,
  nextChange,
  policyDiagnostics,
  policyFormat,
  policySource,
  scrubAt,
} from './state.ts';
import type { PolicyText, Request } from './worker/protocol.ts';

/** the look-ahead waits this long for the answer to settle */
const SETTLE_MS = 150;
/** how far ahead the next change is looked for */
export const LOOK_AHEAD_MS = 30 * 24 * 3_600_000;

type RunRequest = Extract<Request, { kind: 'run' }>;

let inFlight = false;
let queued: RunRequest | undefined;

async function send(req: RunRequest): Promise<void> {
  if (inFlight) {
    queued = req;
    return;
  }
  inFlight = true;
  try {
    const r = await runCase(req);
    if (r) {
      policyDiagnostics.value = r.policy;
      caseDiagnostics.value = r.case;
      if (r.declarations) declarations.value = r.declarations;
      answer.value = r.answer;
      intervals.value = r.intervals ?? [];
      failure.value = undefined;
      if (r.answer && req.case !== undefined) lookAhead(req.policy, req.case, r.answer.at);
      else nextChange.value = undefined;
    }
  } catch (e) {
    failure.value = e instanceof Error ? e.message : String(e);
  } finally {
    inFlight = false;
    const next = queued;
    queued = undefined;
    if (next) void send(next);
    else checking.value = false;
  }
}

/** counts edits of the text, so a look-ahead that outlived its text is dropped */
let generation = 0;

export function startRunning(): () => void {
  return effect(() => {
    const scrubbing = scrubAt.value;
    const req: RunRequest = {
      kind: 'run',
      policy: { source: policySource.value, format: policyFormat.value },
      case: caseSource.value,
      lang: lang.value,
      ...(scrubbing ? { at: scrubbing } : {}),
    };
    checking.value = true;
    // a look-ahead made for other text says nothing about this one
    if (!scrubbing) {
      generation++;
      nextChange.value = undefined;
    }
    void send(req);
  });
}

let lookTimer: ReturnType<typeof setTimeout> | undefined;

/** Asks for the next change once the answer has settled (not on every frame of a drag). */
function lookAhead(policy: PolicyText, kase: string, from: string) {
  clearTimeout(lookTimer);
  const asked = generation;
  lookTimer = setTimeout(async () => {
    const until = new Date(Date.parse(from) + LOOK_AHEAD_MS).toISOString();
    try {
      const r = await nextChanges({ kind: 'changes', policy, case: kase, from, until, limit: 1 });
      if (r && asked === generation) nextChange.value = r.changes[0] ?? null;
    } catch (e) {
      failure.value = e instanceof Error ? e.message : String(e);
    }
  }, SETTLE_MS);
}
