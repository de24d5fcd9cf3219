// The decision log (`--decision-log FILE`): one NDJSON line per answer given, enough to tell later
// which rules answered which question: the request id, the policy and its digest, a hash of the
// case as evaluated, the instant and the clauses the answer cites.
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { canonicalValueJson, type Answer } from '../engine/index.ts';

export interface DecisionLog {
  write(entry: { requestId: string; key?: string; kase: unknown; answer: Answer }): void;
  close(): Promise<void>;
}

export const caseHash = (kase: unknown) => createHash('sha256').update(canonicalValueJson(kase)).digest('hex');

export function clausesCited(a: Answer): string[] {
  const items = [...a.deadlines, ...a.entitlements, ...a.credits, ...(a.refund ? [a.refund] : [])];
  return [...new Set(items.map((i) => i.clause))].sort();
}

export function openDecisionLog(file: string): DecisionLog {
  const out: WriteStream = createWriteStream(file, { flags: 'a' });
  return {
    write({ requestId, key, kase, answer }) {
      const line = {
        time: new Date().toISOString(),
        request_id: requestId,
        ...(key !== undefined ? { key } : {}),
        policy: answer.policy,
        case_sha256: caseHash(kase),
        at: answer.at,
        clauses: clausesCited(answer),
      };
      out.write(`${JSON.stringify(line)}\n`);
    },
    close: () => new Promise((resolve) => out.end(resolve)),
  };
}
