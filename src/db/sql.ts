// Small helpers for hand-written SQL.
import { isDatabaseUnavailable } from './errors.ts';
import type { Orm } from './orm.ts';
import { replicaMonitorOf } from './replicas.ts';

/** A `%text%` pattern for (I)LIKE in which the user's % and _ match themselves (\ escapes). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Runs $n-parameterised SQL on the ORM's pool (MikroORM's own execute() speaks `?`). */
export async function queryRows(
  orm: Orm,
  sql: string,
  params: unknown[],
  /** 'read' may use a replica (DATABASE_REPLICA_URLS): only for reads that tolerate lag. */
  connection: 'read' | 'write' = 'write',
): Promise<Record<string, unknown>[]> {
  return fromReplicaOrPrimary(orm, connection, async (type) => {
    const pool = await orm.em.getConnection(type).getNativeClient();
    return (await pool.query(sql, params)).rows as Record<string, unknown>[];
  });
}

/**
 * Deletes the rows of `table` that match `where` ($1… are `params`), in batches of `batchSize`,
 * each batch its own short statement: a large purge never holds its locks for long, and a purge
 * cut off halfway has still removed whole batches. Returns how many rows went.
 */
export async function deleteInBatches(
  orm: Orm,
  table: string,
  where: string,
  params: unknown[],
  batchSize = 5000,
): Promise<number> {
  const pool = await orm.em.getConnection('write').getNativeClient();
  const limit = `$${params.length + 1}`;
  const sql = `delete from "${table}" where ctid in (select ctid from "${table}" where ${where} limit ${limit})`;
  let total = 0;
  for (;;) {
    const { rowCount } = await pool.query(sql, [...params, batchSize]);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < batchSize) return total;
  }
}

/**
 * Runs a read on a replica when asked to, and on the primary if the replicas lag beyond
 * DATABASE_REPLICA_MAX_LAG_MS or cannot be reached: a lost or late replica costs the primary
 * some load, not the catalog its availability or its freshness.
 */
export async function fromReplicaOrPrimary<T>(
  orm: Orm,
  requested: 'read' | 'write',
  work: (type: 'read' | 'write') => Promise<T>,
): Promise<T> {
  const late = requested === 'read' && replicaMonitorOf(orm)?.readsAllowed() === false;
  const connection = late ? 'write' : requested;
  try {
    return await work(connection);
  } catch (error) {
    if (connection === 'write' || !isDatabaseUnavailable(error)) throw error;
    orm.config.getLogger().warn('replica', 'read replica unreachable; reading from the primary');
    return work('write');
  }
}
