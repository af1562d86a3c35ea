// Explicit SQL transactions on one pooled connection, for work that must be atomic across
// domains (checkout: stock, the order, its job). Each domain's repository takes the Tx and runs
// its own statements on it; pg-boss enqueues on it too, so a job exists only with its order.
import type { Orm } from './orm.ts';

export interface Tx {
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<R[]>;
  /** The same connection in the shape pg-boss takes as its `db` option. */
  readonly queueDb: { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
}

export async function withTransaction<T>(orm: Orm, work: (tx: Tx) => Promise<T>): Promise<T> {
  const pool = await orm.em.getConnection().getNativeClient();
  const client = await pool.connect();
  const tx: Tx = {
    query: async <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as R[],
    queueDb: { executeSql: (text, values = []) => client.query(text, values) },
  };
  try {
    await client.query('begin');
    const result = await work(tx);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
