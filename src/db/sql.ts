// Small helpers for hand-written SQL.
import { TransactionContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import { isDatabaseUnavailable } from './errors.ts';
import type { Orm } from './orm.ts';
import type { Tx } from './transaction.ts';
import { replicaMonitorOf } from './replicas.ts';

/** A `%text%` pattern for (I)LIKE in which the user's % and _ match themselves (\ escapes). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Runs hand-written SQL through MikroORM: on the current transaction's connection inside
 * withTransaction (db/transaction.ts), otherwise on the pool (or a replica, for 'read').
 * The house's one placeholder style is PostgreSQL's own `$1, $2, …`: the values travel
 * separately from the text (em.execute's `?` would inline them into it), pg-boss speaks it too,
 * and arrays bind as arrays (`= any($1::uuid[])`). See docs/adr/0017-one-persistence-model.md.
 */
export async function sqlRows<R = Record<string, unknown>>(
  /** A Tx runs the statement in that transaction; the Orm, in the current one if any. */
  on: Orm | Tx,
  sql: string | Prepared,
  params: readonly unknown[],
  /** 'read' may use a replica (DATABASE_REPLICA_URLS): only for reads that tolerate lag. */
  connection: 'read' | 'write' = 'write',
): Promise<R[]> {
  return (await runSql<R>(on, sql, params, connection)).rows;
}

/** The same for a statement whose count of affected rows is the answer (update, delete). */
export async function sqlCount(orm: Orm, sql: string, params: readonly unknown[]): Promise<number> {
  return (await runSql(orm, sql, params, 'write')).affected;
}

/** A statement PostgreSQL parses and plans once per connection: made by `prepared`. */
export interface Prepared {
  readonly name: string;
  readonly text: string;
}

const preparedTexts = new Map<string, string>();

/**
 * A fixed statement on a hot path, run as a named prepared statement outside a transaction:
 * each pooled connection sends its text once, and PostgreSQL parses and plans it once (a
 * generic plan after its first five runs), then only binds and executes. For a primary-key
 * read that took PostgreSQL's CPU per statement from about 97 to 39 µs and the driver's from
 * about 39 to 35 (ADR 0018, "Later"). Only for statements whose text never changes and whose
 * best plan does not depend on the values (a key lookup, not a search): a generic plan is
 * planned without them. Each name stands for one text (a second text under a name throws).
 * Inside a transaction the text runs as any other. A transaction-mode connection pooler in
 * front of PostgreSQL must keep prepared statements (PgBouncer 1.21+ `max_prepared_statements`).
 */
export function prepared(name: string, text: string): Prepared {
  const known = preparedTexts.get(name);
  if (known !== undefined && known !== text)
    throw new Error(`prepared statement ${name}: two texts`);
  preparedTexts.set(name, text);
  return Object.freeze({ name, text });
}

/**
 * An error PostgreSQL answered at level ERROR, after which the session goes on (a FATAL one ends
 * it, as an administrator's termination does), for anything but a stale prepared statement.
 * Any other error (the socket closed, a client-side timeout) leaves the connection in doubt.
 */
const refusedOnly = (error: unknown): boolean =>
  (error as { severity?: unknown } | null)?.severity === 'ERROR' && !isStalePlan(error);

/** PostgreSQL's refusal of a prepared statement whose result's row type has changed since. */
const isStalePlan = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === '0A000' &&
  /cached plan must not change result type/.test((error as Error).message);

const textOf = (sql: string | Prepared): string => (typeof sql === 'string' ? sql : sql.text);

interface SqlResult<R> {
  rows: R[];
  /** Rows inserted, updated, deleted or merged; 0 for any other statement. */
  affected: number;
}

async function inTransaction<R>(
  em: Pick<EntityManager, 'getKysely'>,
  sql: string,
  params: readonly unknown[],
): Promise<SqlResult<R>> {
  const result = await em.getKysely().executeQuery(CompiledQuery.raw(sql, [...params]));
  return { rows: result.rows as R[], affected: Number(result.numAffectedRows ?? 0n) };
}

function runSql<R>(
  on: Orm | Tx,
  sql: string | Prepared,
  params: readonly unknown[],
  requested: 'read' | 'write',
): Promise<SqlResult<R>> {
  if ('queueDb' in on) return inTransaction(on.em, textOf(sql), params);
  const orm = on;
  // Inside a transaction (withTransaction runs in MikroORM's TransactionContext) the statement
  // takes the transaction's connection, whatever the type. Outside one it needs no
  // EntityManager at all: asking orm.em for its context would fork the request's (db-context.ts)
  // for a statement that has no identity map to use, so the pool is asked directly.
  const tx = TransactionContext.getEntityManager(orm.em.name) as EntityManager | undefined;
  if (tx) return inTransaction(tx, textOf(sql), params);
  return fromReplicaOrPrimary(orm, requested, (type) => onPool<R>(orm, type, sql, params));
}

type Connection = ReturnType<Orm['em']['getConnection']>;
/** Each connection's pg pool, by the Kysely client it was made with (a reconnect makes both anew). */
const pools = new WeakMap<object, pg.Pool>();

/**
 * A statement outside any transaction, on the pg pool behind the connection (MikroORM's
 * `getNativeClient()`, the pool its Kysely client uses, with the same type parsers and
 * timeouts): a client checked out, the statement run and the client returned (checkedOut), as
 * Kysely's driver does, without its connection provider and the promises around it, which were
 * about 5 µs of a statement's 40–50 µs of CPU (ADR 0018, "Later").
 */
async function onPool<R>(
  orm: Orm,
  type: 'read' | 'write',
  sql: string | Prepared,
  params: readonly unknown[],
): Promise<SqlResult<R>> {
  const connection: Connection = orm.em.getConnection(type);
  const client = connection.getClient();
  let pool = pools.get(client);
  if (!pool) {
    pool = await connection.getNativeClient();
    pools.set(client, pool);
  }
  const values = params as unknown[];
  const config: pg.QueryConfig =
    typeof sql === 'string' ? { text: sql, values } : { name: sql.name, text: sql.text, values };
  // A migration that changed the type of a column a prepared statement returns makes
  // PostgreSQL refuse the statement on every connection that prepared it before: that
  // connection is dropped with its prepared statements (checkedOut), so once more runs it on
  // another connection or a new one, which prepares it afresh.
  const { command, rowCount, rows } = await checkedOut(pool, config).catch((error: unknown) => {
    if (typeof sql === 'string' || !isStalePlan(error)) throw error;
    return checkedOut(pool, config);
  });
  const changed =
    command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
  return { rows: rows as R[], affected: changed ? (rowCount ?? 0) : 0 };
}

/**
 * One statement on a connection checked out of the pool, as `pool.query` runs it but for what
 * happens to the connection after an error: a statement PostgreSQL refused at level ERROR (a
 * constraint, a statement timeout, a cancel) leaves it usable, and it goes back to the pool as
 * Kysely's driver returned it, where `pool.query` would close it and the next statement would
 * pay for a new one. Any other error (FATAL, as an administrator's termination; the socket
 * closed; a client-side timeout) and a stale prepared statement close it. pg emits `error` on a
 * client whose connection breaks, and nothing else listens while it is checked out: here does.
 */
async function checkedOut(pool: pg.Pool, config: pg.QueryConfig): Promise<pg.QueryResult> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return await client.query(config);
  } catch (error) {
    if (!refusedOnly(error)) broken = error as Error;
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
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
  const limit = `$${params.length + 1}`;
  const sql = `delete from "${table}" where ctid in (select ctid from "${table}" where ${where} limit ${limit})`;
  let total = 0;
  for (;;) {
    const deleted = await sqlCount(orm, sql, [...params, batchSize]);
    total += deleted;
    if (deleted < batchSize) return total;
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
