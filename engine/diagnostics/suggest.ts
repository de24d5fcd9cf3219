// Near-miss suggestions ("did you mean …?") by edit distance. The search is bounded whatever the
// input: words longer than MAX_SUGGESTED get no suggestion, at most MAX_CANDIDATES candidates are
// compared, and the distance is computed within a band of the largest distance worth reporting,
// so one comparison costs at most MAX_SUGGESTED × (2 × band + 1) steps.
import { quoteName } from './quote-value.ts';

export const MAX_SUGGESTED = 64;
export const MAX_CANDIDATES = 2000;

/** Levenshtein distance, or `limit + 1` as soon as it is known to exceed `limit`. */
export function editDistance(a: string, b: string, limit = Math.max(a.length, b.length)): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => (j <= limit ? j : over));
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(over);
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    if (from === 1) cur[0] = i <= limit ? i : over;
    let best = cur[0];
    for (let j = from; j <= to; j++) {
      cur[j] = Math.min(over, prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > limit) return over;
    prev = cur;
  }
  return Math.min(prev[b.length], over);
}

/** The largest distance at which a candidate is still a plausible typo of `word`. */
const tolerance = (word: string) => Math.max(2, Math.floor(word.length / 3));

/** The closest candidate (the first of the closest), if it is close enough to be a plausible typo. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX_SUGGESTED) return undefined;
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = tolerance(word) + 1;
  let seen = 0;
  for (const c of candidates) {
    if (++seen > MAX_CANDIDATES || bestD === 0) break;
    if (c.length > MAX_SUGGESTED) continue;
    const d = editDistance(w, c.toLowerCase(), bestD - 1);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const n = nearest(word, candidates);
  return n ? `did you mean ${quoteName(n)}?` : undefined;
}

/** The candidates as a quoted list, at most MAX_LISTED of them. */
export const MAX_LISTED = 12;
export function listOf(candidates: Iterable<string>): string {
  const all = [...candidates];
  const shown = all.slice(0, MAX_LISTED).map(quoteName).join(', ');
  return all.length > MAX_LISTED ? `${shown} and ${all.length - MAX_LISTED} more` : shown;
}
