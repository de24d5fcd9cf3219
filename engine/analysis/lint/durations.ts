// Every duration the policy writes, with its JSON pointer and the clause of the item it is in.
import { parseDuration, type ParsedDuration } from '../../calendar/index.ts';
import type { Policy } from '../../ir/schema.ts';
import { citingItems, walk } from '../walk-ir.ts';

export interface WrittenDuration {
  path: string;
  text: string;
  parsed: ParsedDuration;
  /** the clause of the item it belongs to; none for a named instant */
  clause?: string;
}

export function durationsOf(p: Policy): WrittenDuration[] {
  const out: WrittenDuration[] = [];
  const collect = (body: unknown, path: string, clause?: string) =>
    walk(body, path, (v, at, key) => {
      const parsed = typeof v === 'string' && key !== 'reason' ? parseDuration(v) : undefined;
      if (parsed) out.push({ path: at, text: v as string, parsed, ...(clause ? { clause } : {}) });
    });
  for (const item of citingItems(p)) collect(item.body, item.path, item.clause);
  collect(p.instants ?? {}, '/instants');
  return out;
}
