// The progress line of a batch on a terminal's stderr: cases done (of the total, when known), the
// rate, and the time left. Redrawn at most ten times a second, and erased before anything else is
// written to the same terminal, so it never mixes with the answers.

const REDRAW_MS = 100;
const BAR = 20;

/** `1.2 s`, `45 s`, `3 min 05 s`, `2 h 07 min` */
export function showDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(Math.round(s % 60)).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** The rate in cases a second over `ms`. */
export const rateOf = (done: number, ms: number) => (ms > 0 ? (done * 1000) / ms : 0);

/** The line shown: `[#######-------------] 3512/10000 35%  812 cases/s  ETA 8.0 s`, or without a
 *  known total `3512 cases  812 cases/s`. */
export function progressLine(done: number, total: number | undefined, elapsedMs: number): string {
  const rate = rateOf(done, elapsedMs);
  const speed = `${rate >= 100 ? Math.round(rate) : rate.toFixed(1)} cases/s`;
  if (total === undefined || total === 0) return `${done} ${done === 1 ? 'case' : 'cases'}  ${speed}`;
  const share = Math.min(1, done / total);
  const filled = Math.round(share * BAR);
  const eta = rate > 0 ? `ETA ${showDuration(((total - done) / rate) * 1000)}` : 'ETA …';
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${done}/${total} ${Math.floor(share * 100)}%  ${speed}  ${eta}`;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export class Progress {
  private shown = false;
  private last = -Infinity;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number | undefined,
    private readonly started: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Redraws the line if the last drawing is older than REDRAW_MS. */
  update(done: number): void {
    const t = this.now();
    if (t - this.last < REDRAW_MS) return;
    this.last = t;
    const line = progressLine(done, this.total, t - this.started);
    this.stream.write(`\r${line.slice(0, (this.stream.columns || 80) - 1)}\u001b[K`);
    this.shown = true;
  }

  /** Erases the line (it is drawn again at the next update). */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[K');
    this.shown = false;
  }
}
