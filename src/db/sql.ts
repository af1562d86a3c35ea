// Small helpers for hand-written SQL.
import type { Orm } from './orm.ts';

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
  const pool = await orm.em.getConnection(connection).getNativeClient();
  return (await pool.query(sql, params)).rows as Record<string, unknown>[];
}
