// Prometheus metrics (prom-client), in a registry of the app's own so that several apps in one
// process (tests) do not share counters.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PolicyCacheStats } from './policy-cache.ts';

export interface Metrics {
  registry: Registry;
  requestDuration: Histogram<'method' | 'route' | 'status' | 'policy'>;
  evaluations: Counter<'policy' | 'outcome'>;
  cacheLookups: Counter<'result'>;
  errors: Counter<'code'>;
}

export function createMetrics(cacheStats: () => PolicyCacheStats, queueLength: () => number, withProcessMetrics: boolean): Metrics {
  const registry = new Registry();
  if (withProcessMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const metrics: Metrics = {
    registry,
    requestDuration: new Histogram({
      name: 'sla_http_request_duration_seconds',
      help: 'HTTP request duration by route, status and policy',
      labelNames: ['method', 'route', 'status', 'policy'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    evaluations: new Counter({
      name: 'sla_evaluations_total',
      help: 'cases evaluated, by policy and outcome (answer or errors)',
      labelNames: ['policy', 'outcome'],
      registers,
    }),
    cacheLookups: new Counter({
      name: 'sla_policy_cache_lookups_total',
      help: 'posted-policy cache lookups, by result (hit or miss)',
      labelNames: ['result'],
      registers,
    }),
    errors: new Counter({ name: 'sla_errors_total', help: 'diagnostics answered, by code', labelNames: ['code'], registers }),
  };
  new Gauge({
    name: 'sla_policy_cache_size',
    help: 'compiled policies in the cache (bundled and posted)',
    registers,
    collect() {
      this.set(cacheStats().size);
    },
  });
  new Gauge({
    name: 'sla_policy_cache_hit_ratio',
    help: 'posted-policy cache hits / lookups since start',
    registers,
    collect() {
      const { hits, misses } = cacheStats();
      this.set(hits + misses === 0 ? 0 : hits / (hits + misses));
    },
  });
  new Gauge({
    name: 'sla_evaluation_queue_length',
    help: 'evaluations queued or running (they run one at a time, in order of arrival)',
    registers,
    collect() {
      this.set(queueLength());
    },
  });
  return metrics;
}
