// Prometheus metrics (GET /metrics): request latency by route template and status, event-loop
// lag and the other Node defaults, the database pool, the job queue's backlog, and rate-limit
// rejections. One registry per app, so several apps in one process (tests) do not collide.
import client from 'prom-client';
import type { Orm } from '../db/orm.ts';
import { replicaMonitorOf } from '../db/replicas.ts';
import { PRESSURE_REASONS, type Pressure } from './pressure.ts';

export interface Metrics {
  registry: client.Registry;
  httpDuration: client.Histogram<'method' | 'route' | 'status'>;
  rateLimited: client.Counter<'limiter'>;
  /** Requests answered 503 by load shedding, by the bound that was passed. */
  shed: client.Counter<'reason'>;
}

/** The request-duration histogram: by method, the contract's route template and status. */
function requestHistogram(registry: client.Registry, name: string, help: string) {
  return new client.Histogram({
    name,
    help,
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
}

/** Default collectors that call Node's private handle walkers (see createMetrics). */
const UNSAFE_DEFAULT_METRICS = [
  'nodejs_active_handles',
  'nodejs_active_handles_total',
  'nodejs_active_requests',
  'nodejs_active_requests_total',
] as const;

/** `pressure`: the API's load shedding (the worker has none). */
export function createMetrics(orm: Orm, pressure?: Pressure): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  // Not the handle and request counts: prom-client reads them with process._getActiveHandles()
  // and _getActiveRequests(), and Node aborts the whole process (SIGABRT, "AsyncWrap::GetOwner
  // Assertion failed: !obj.IsEmpty()") when a scrape meets a handle whose JavaScript object is
  // gone, which CI saw. nodejs_active_resources{type} (process.getActiveResourcesInfo(), the
  // public API, type names only) stays and says the same.
  for (const name of UNSAFE_DEFAULT_METRICS) registry.removeSingleMetric(name);

  const httpDuration = requestHistogram(
    registry,
    'http_request_duration_seconds',
    'HTTP requests by method, route template of the contract, and status',
  );
  const rateLimited = new client.Counter({
    name: 'rate_limit_rejections_total',
    help: 'Requests refused with 429, by limiter',
    labelNames: ['limiter'] as const,
    registers: [registry],
  });

  const shed = new client.Counter({
    name: 'http_requests_shed_total',
    help: 'Requests refused with 503 because the instance was overloaded, by bound passed',
    labelNames: ['reason'] as const,
    registers: [registry],
  });

  new client.Gauge({
    name: 'db_pool_connections',
    help: 'PostgreSQL pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const pool = await orm.em.getConnection().getNativeClient();
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  new client.Gauge({
    name: 'job_queue_backlog',
    help: 'Jobs waiting to run (created or retrying), by queue',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      const pool = await orm.em.getConnection().getNativeClient();
      const { rows } = await pool
        .query<{ name: string; n: number }>(
          "select name, count(*)::int as n from pgboss.job where state in ('created', 'retry') group by name",
        )
        .catch(() => ({ rows: [] as { name: string; n: number }[] }));
      this.reset();
      for (const row of rows) this.set({ queue: row.name }, row.n);
    },
  });

  const replicas = replicaMonitorOf(orm);
  if (replicas) {
    new client.Gauge({
      name: 'db_replica_lag_seconds',
      help: 'How far each read replica is behind the primary (+Inf: beyond measure; absent: unknown)',
      labelNames: ['replica'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const { name, lagMs } of replicas.status()) {
          if (lagMs !== undefined) this.set({ replica: name }, lagMs / 1000);
        }
      },
    });
    new client.Gauge({
      name: 'db_replica_reads_enabled',
      help: '1 while replica reads go to the replicas, 0 while they go to the primary',
      registers: [registry],
      collect() {
        this.set(replicas.readsAllowed() ? 1 : 0);
      },
    });
  }

  if (pressure) {
    new client.Gauge({
      name: 'http_requests_in_flight',
      help: 'Requests being answered now (admitted by load shedding, not yet finished)',
      registers: [registry],
      collect() {
        this.set(pressure.reading().inFlight);
      },
    });
    new client.Gauge({
      name: 'http_requests_in_flight_limit',
      help: 'The in-flight bound in force: OVERLOAD_MAX_IN_FLIGHT, or lower while admitted requests take longer than OVERLOAD_TARGET_LATENCY_MS (0: none)',
      registers: [registry],
      collect() {
        this.set(pressure.reading().inFlightLimit);
      },
    });
    new client.Gauge({
      name: 'overloaded',
      help: '1 while this instance sheds new requests (by bound passed), else 0',
      labelNames: ['reason'] as const,
      registers: [registry],
      collect() {
        const now = pressure.current();
        for (const reason of PRESSURE_REASONS) this.set({ reason }, reason === now ? 1 : 0);
      },
    });
  }

  return { registry, httpDuration, rateLimited, shed };
}
