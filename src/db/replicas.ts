// Bounded staleness for read replicas. Every DATABASE_REPLICA_CHECK_MS the monitor notes the
// primary's WAL position and asks each replica how far it has replayed; a replica's lag is the
// age of the newest primary position it has certainly replayed. While any replica lags more than
// DATABASE_REPLICA_MAX_LAG_MS, cannot be asked, or has not been measured yet, the reads that
// would go to replicas go to the primary instead (fromReplicaOrPrimary in sql.ts).
//
// Measuring by WAL position rather than by pg_last_xact_replay_timestamp() keeps both hard
// cases right: an idle primary writes nothing, so a replica that has replayed everything is fresh
// however old its last transaction; a replica cut off from its primary stops replaying while the
// primary's position moves on, so its lag grows even though it has "replayed all it got". The
// figure errs on the stale side by up to one check interval: a replica a few milliseconds behind
// a busy primary counts from the previous check.
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from '../utils/logger.ts';

/** The ORM whose replicas are watched (orm.ts's Orm; named here so orm.ts ↔ replicas.ts is no circle). */
type Orm = MikroORM;

export interface ReplicaStatus {
  name: string;
  /**
   * Milliseconds behind the primary: undefined while unknown (not measured yet, unreachable),
   * Infinity when it is behind every primary position the monitor remembers.
   */
  lagMs: number | undefined;
}

export interface ReplicaMonitor {
  /** True when every replica was measured within the lag bound on the last check. */
  readsAllowed(): boolean;
  status(): ReplicaStatus[];
  /** Runs one check now (the timer runs them on its own); resolves when it is done. */
  check(): Promise<void>;
  stop(): Promise<void>;
}

export interface ReplicaMonitorOptions {
  orm: Orm;
  replicas: { name: string; url: string }[];
  maxLagMs: number;
  intervalMs: number;
  connectTimeoutMs: number;
  logger: Logger;
}

const monitors = new WeakMap<Orm, ReplicaMonitor>();

/** The monitor watching this ORM's replicas, if it has any. */
export function replicaMonitorOf(orm: Orm): ReplicaMonitor | undefined {
  return monitors.get(orm);
}

const LSN = (expression: string) => `pg_wal_lsn_diff(${expression}, '0/0')::text`;

export function startReplicaMonitor(options: ReplicaMonitorOptions): ReplicaMonitor {
  const { orm, maxLagMs, logger } = options;
  const replicas = options.replicas.map(({ name, url }) => ({
    name,
    lagMs: undefined as number | undefined,
    // One connection each, only for this check: the ORM's replica pools serve the reads.
    pool: new pg.Pool({
      connectionString: url,
      max: 1,
      connectionTimeoutMillis: options.connectTimeoutMs,
      query_timeout: options.connectTimeoutMs,
      idleTimeoutMillis: 0,
      allowExitOnIdle: true,
      application_name: 'contract-first-monolith-lag',
    }),
  }));
  for (const replica of replicas) replica.pool.on('error', () => undefined);
  // The primary's WAL position over time: [when, bytes]. Kept for a little longer than the bound.
  const samples: [number, bigint][] = [];
  let allowed = false;
  let running: Promise<void> | undefined;

  async function measure(): Promise<void> {
    const now = Date.now();
    try {
      const pool = await orm.em.getConnection('write').getNativeClient();
      const { rows } = await pool.query<{ lsn: string }>(
        `select ${LSN('pg_current_wal_lsn()')} as lsn`,
      );
      samples.push([now, BigInt(rows[0]!.lsn)]);
    } catch {
      // The primary is down: nothing can be compared, and nothing can be served fresh anyway.
    }
    const horizon = now - maxLagMs * 2 - options.intervalMs * 2;
    while (samples.length > 2 && samples[1]![0] < horizon) samples.shift();

    await Promise.all(
      replicas.map(async (replica) => {
        try {
          const { rows } = await replica.pool.query<{ standby: boolean; lsn: string | null }>(
            `select pg_is_in_recovery() as standby, ${LSN('pg_last_wal_replay_lsn()')} as lsn`,
          );
          const row = rows[0]!;
          if (!row.standby) {
            replica.lagMs = 0; // a promoted replica is a primary: nothing to wait for
            return;
          }
          const replayed = row.lsn === null ? -1n : BigInt(row.lsn);
          // The newest primary position the replica has certainly replayed: it holds everything
          // the primary held then. Behind everything remembered, its lag is beyond measure
          // (just after start, when one position is remembered, that is briefly pessimistic).
          const reached = samples.findLast(([, lsn]) => lsn <= replayed);
          replica.lagMs =
            reached === undefined ? Number.POSITIVE_INFINITY : Date.now() - reached[0];
        } catch {
          replica.lagMs = undefined;
        }
      }),
    );
    const nowAllowed = replicas.every((r) => r.lagMs !== undefined && r.lagMs <= maxLagMs);
    if (nowAllowed !== allowed) {
      const lag = Object.fromEntries(
        replicas.map((r) => [r.name, r.lagMs === undefined ? 'unknown' : String(r.lagMs)]),
      );
      if (nowAllowed) logger.info('read replicas in use again', { lagMs: lag, maxLagMs });
      else
        logger.warn('read replicas behind or unreachable; reading from the primary', {
          lagMs: lag,
          maxLagMs,
        });
    }
    allowed = nowAllowed;
  }

  const check = () => (running ??= measure().finally(() => (running = undefined)));
  const timer = setInterval(() => void check(), options.intervalMs);
  timer.unref();
  void check();

  const monitor: ReplicaMonitor = {
    readsAllowed: () => allowed,
    status: () => replicas.map(({ name, lagMs }) => ({ name, lagMs })),
    check,
    stop: async () => {
      clearInterval(timer);
      await running;
      await Promise.all(replicas.map((r) => r.pool.end()));
    },
  };
  monitors.set(orm, monitor);
  return monitor;
}
