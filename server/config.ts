// The server's settings: defaults, then environment variables, then command-line flags.
import { resolve } from 'node:path';
import { diagnostic, SlaError } from '../engine/diagnostics/index.ts';

export interface ServerConfig {
  host: string;
  port: number;
  /** where bundled policy ids are looked up */
  policiesDir: string;
  /** the playground's built files, served at / when present */
  playgroundDir: string;
  /** largest request body, in bytes */
  bodyLimit: number;
  /** most keyed cases in one batch */
  batchLimit: number;
  /** most instants in one timeline */
  timelineLimit: number;
  /** evaluation time a request may take before it is answered 503 */
  timeBudgetMs: number;
  /** compiled policies kept (bundled and posted) */
  cacheSize: number;
  /** event-loop delay above which requests are refused with 503 instead of queued */
  maxEventLoopDelayMs: number;
  /** NDJSON file of every answer given, when set */
  decisionLog?: string;
  /** reload a policy whose file changed */
  watch: boolean;
  logLevel: string;
  /** the package version, shown in the OpenAPI document */
  version: string;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  bodyLimit: 1024 * 1024,
  batchLimit: 100,
  timelineLimit: 100,
  timeBudgetMs: 2000,
  cacheSize: 64,
  maxEventLoopDelayMs: 1000,
  watch: false,
  logLevel: 'info',
  version: '0.0.0',
} satisfies Partial<ServerConfig>;

/** Flags as `sla serve` takes them, each also settable as an environment variable. */
export const SETTINGS = {
  host: 'SLA_HOST',
  port: 'SLA_PORT',
  policies: 'SLA_POLICIES',
  'body-limit': 'SLA_BODY_LIMIT',
  'batch-limit': 'SLA_BATCH_LIMIT',
  'timeline-limit': 'SLA_TIMELINE_LIMIT',
  'time-budget': 'SLA_TIME_BUDGET_MS',
  'cache-size': 'SLA_CACHE_SIZE',
  'max-event-loop-delay': 'SLA_MAX_EVENT_LOOP_DELAY_MS',
  'decision-log': 'SLA_DECISION_LOG',
  watch: 'SLA_WATCH',
  'log-level': 'SLA_LOG_LEVEL',
} as const;
export type Setting = keyof typeof SETTINGS;

const bad = (setting: string, value: string, expected: string) =>
  new SlaError([diagnostic('SLA5004', `invalid --${setting} \`${value}\`: expected ${expected}`)]);

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1e3, mb: 1e6, kib: 1024, mib: 1024 ** 2 };

/** `1048576`, `512kb`, `1mib`, `1MiB`… in bytes. */
export function parseBytes(setting: string, value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) throw bad(setting, value, 'a size such as 1048576, 512kb or 1mib');
  return Math.floor(Number(m[1]) * unit);
}

function parseCount(setting: string, value: string, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) throw bad(setting, value, `a whole number from ${min} to ${max}`);
  return Number(value);
}

function parseFlag(setting: string, value: string | boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off|)$/i.test(value)) return false;
  throw bad(setting, value, 'true or false');
}

/** Settings from flags (which win) and the environment, over the defaults. */
export function resolveConfig(
  flags: Partial<Record<Setting, string | boolean>>,
  env: Record<string, string | undefined>,
  base: Pick<ServerConfig, 'policiesDir' | 'playgroundDir'> & Partial<ServerConfig>,
): ServerConfig {
  const get = (s: Setting): string | boolean | undefined => flags[s] ?? env[SETTINGS[s]];
  const str = (s: Setting) => {
    const v = get(s);
    return typeof v === 'string' ? v : undefined;
  };
  const num = (s: Setting, fallback: number, min = 1, max?: number) => (str(s) === undefined ? fallback : parseCount(s, str(s)!, min, max));
  const watch = get('watch');
  return {
    ...DEFAULTS,
    ...base,
    host: str('host') ?? base.host ?? DEFAULTS.host,
    port: num('port', base.port ?? DEFAULTS.port, 0, 65535),
    policiesDir: str('policies') === undefined ? base.policiesDir : resolve(str('policies')!),
    bodyLimit: str('body-limit') === undefined ? (base.bodyLimit ?? DEFAULTS.bodyLimit) : parseBytes('body-limit', str('body-limit')!),
    batchLimit: num('batch-limit', base.batchLimit ?? DEFAULTS.batchLimit),
    timelineLimit: num('timeline-limit', base.timelineLimit ?? DEFAULTS.timelineLimit),
    timeBudgetMs: num('time-budget', base.timeBudgetMs ?? DEFAULTS.timeBudgetMs),
    cacheSize: num('cache-size', base.cacheSize ?? DEFAULTS.cacheSize),
    maxEventLoopDelayMs: num('max-event-loop-delay', base.maxEventLoopDelayMs ?? DEFAULTS.maxEventLoopDelayMs, 0),
    decisionLog: str('decision-log') ? resolve(str('decision-log')!) : base.decisionLog,
    watch: watch === undefined ? (base.watch ?? DEFAULTS.watch) : parseFlag('watch', watch),
    logLevel: str('log-level') ?? base.logLevel ?? DEFAULTS.logLevel,
  };
}
