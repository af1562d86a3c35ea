// The one way to run a unit of work. `withTransaction` opens a MikroORM transaction on a fork
// of the EntityManager: inside it, every repository call (entities, the query builder, and the
// hand-written SQL of sql.ts) runs on that fork and that one connection, the fork is flushed
// before the commit, and everything rolls back on an error. pg-boss enqueues on the same
// connection (`queueDb`), so a job exists exactly when the change it follows up does.
// `withEntityManager` gives work outside a request (jobs, scripts, start-up) an EntityManager
// of its own, so no caller has to remember MikroORM's RequestContext. `afterCommit` defers what
// must only happen once the work is durable (a log line that says it happened).
import { AsyncLocalStorage } from 'node:async_hooks';
import { RequestContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery } from 'kysely';
import type { Orm } from './orm.ts';

export interface Tx {
  /** The transaction's EntityManager; `orm.em` resolves to it as well while the work runs. */
  readonly em: EntityManager;
  /** The transaction's connection in the shape pg-boss takes as its `db` option. */
  readonly queueDb: { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
}

function txOf(em: EntityManager): Tx {
  return {
    em,
    queueDb: {
      executeSql: async (text, values = []) => ({
        rows: (await em.getKysely().executeQuery(CompiledQuery.raw(text, values))).rows,
      }),
    },
  };
}

/**
 * Runs `work` as one transaction. Nested calls join the outer transaction as a savepoint
 * (MikroORM's default propagation), so a service may call another service's unit of work.
 */
export function withTransaction<T>(orm: Orm, work: (tx: Tx) => Promise<T>): Promise<T> {
  const run = () => withEntityManager(orm, () => orm.em.transactional((em) => work(txOf(em))));
  // A nested call is a savepoint of the outermost transaction: what it defers waits for that.
  if (committing.getStore()) return run();
  const deferred: (() => void)[] = [];
  return committing.run(deferred, async () => {
    const result = await run();
    for (const fn of deferred) fn();
    return result;
  });
}

/** What the outermost withTransaction in progress runs once it has committed. */
const committing = new AsyncLocalStorage<(() => void)[]>();

/**
 * Runs `fn` once the current withTransaction has committed (never, if it rolls back); at once
 * outside one. For effects outside the database that must not claim what did not happen.
 */
export function afterCommit(fn: () => void): void {
  const deferred = committing.getStore();
  if (deferred) deferred.push(fn);
  else fn();
}

/**
 * Runs `work` with an EntityManager: the request's or the transaction's when there is one, else
 * a fresh fork that lives as long as `work` (its identity map is not shared with anyone).
 */
export function withEntityManager<T>(orm: Orm, work: () => Promise<T>): Promise<T> {
  // The context MikroORM resolves (db/orm.ts `context`): a transaction's, MikroORM's
  // RequestContext, or the request's own fork (made now if this is its first entity work).
  if (!orm.em.getContext(false).global) return work();
  return RequestContext.create(orm.em, work);
}
