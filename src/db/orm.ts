// The MikroORM instance on PostgreSQL, with its pool and timeouts taken from the configuration.
// Code never uses the global EntityManager: a request gets a fork of its own, made on its first
// entity work (middleware/db-context.ts, found through `context` below); jobs and scripts get one
// from withEntityManager (db/transaction.ts) or MikroORM's RequestContext.
import path from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { RequestContext } from '@mikro-orm/core';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.ts';
import type { Logger } from '../utils/logger.ts';
import { currentRequestContext } from '../utils/request-context.ts';
import { startReplicaMonitor } from './replicas.ts';

export type Orm = MikroORM;

/** The entities the domains hand over (api/index.ts `entities`): db/ imports no domain. */
export type Entities = NonNullable<Options['entities']>;

export const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

export async function createOrm(
  db: Config['db'],
  url: string,
  logger: Logger,
  entities: Entities,
): Promise<Orm> {
  const replicas = db.replicaUrls.map((replicaUrl, i) => ({
    name: `replica-${i + 1}`,
    url: replicaUrl,
  }));
  const orm = await MikroORM.init({
    clientUrl: url,
    entities,
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: {
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    // Owned by rate-limiter-flexible, created by the identity migration.
    schemaGenerator: { skipTables: ['rate_limits'] },
    // Replicas serve only the reads that ask for them (connectionType 'read'); everything else,
    // including read-your-writes paths, stays on the primary.
    replicas: replicas.map(({ name, url }) => ({ name, clientUrl: url })),
    preferReadReplicas: false,
    pool: { min: db.pool.min, max: db.pool.max, idleTimeoutMillis: db.pool.idleTimeoutMs },
    // Passed to the pg Pool: a dead database must fail fast rather than hang a request.
    driverOptions: {
      connectionTimeoutMillis: db.connectTimeoutMs,
      statement_timeout: db.statementTimeoutMs,
      query_timeout: db.statementTimeoutMs + 1000,
      application_name: 'contract-first-monolith',
      keepAlive: true,
    },
    allowGlobalContext: false,
    // Where `orm.em` finds the current EntityManager when no transaction is running: MikroORM's
    // RequestContext (jobs, withEntityManager), else the request's own fork, made on first use.
    // Neither: the global one, which refuses entity work (allowGlobalContext: false).
    context: (name) =>
      RequestContext.getEntityManager(name) ?? currentRequestContext()?.entityManager?.(),
    debug: false,
    logger: (message) => logger.debug(message),
  });
  // Creates the pool (no query yet), so health checks report on the database, not on laziness.
  await orm.connect();
  if (replicas.length > 0) {
    const monitor = startReplicaMonitor({
      orm,
      replicas,
      maxLagMs: db.replicaMaxLagMs,
      intervalMs: db.replicaCheckMs,
      connectTimeoutMs: db.connectTimeoutMs,
      logger,
    });
    // The lag monitor lives as long as the ORM: closing one stops the other.
    const close = orm.close.bind(orm);
    orm.close = async (force?: boolean) => {
      await monitor.stop();
      await close(force);
    };
  }
  return orm;
}
