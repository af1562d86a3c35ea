// The request's EntityManager (middleware/db-context.ts, db/orm.ts `context`): each request has
// a fork of its own, made on its first entity work and kept for the rest of the request; a
// request that only reads plain rows (the product read) makes none; getHealth and code outside
// any request get none, and MikroORM then refuses entity work on the global EntityManager.
// Real PostgreSQL, the real middleware in the request id's context, as app.ts chains them.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ValidationError } from '@mikro-orm/core';
import type { Request, Response } from 'express';
import { entities } from '../src/api/index.ts';
import { Product } from '../src/api/products/products.model.ts';
import { createProductsRepository } from '../src/api/products/products.repository.ts';
import { loadConfig } from '../src/config/config.ts';
import { createOrm, type Orm } from '../src/db/orm.ts';
import { prepared, sqlRows } from '../src/db/sql.ts';
import { withEntityManager, withTransaction } from '../src/db/transaction.ts';
import { dbContext } from '../src/middleware/db-context.ts';
import { createLogger } from '../src/utils/logger.ts';
import { runWithRequestContext } from '../src/utils/request-context.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';

let database: TestDatabase;
let orm: Orm;
let productId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url });
  orm = await createOrm(config.db, database.url, createLogger({ level: 'silent' }), entities);
  productId = await withEntityManager(orm, async () => {
    const product = orm.em.create(Product, {
      sku: 'CTX-1',
      name: 'Context',
      description: '',
      priceCents: 100,
      currency: 'EUR',
      stock: 1,
      category: 'tools',
    });
    await orm.em.flush();
    return product.id;
  });
});
afterAll(async () => {
  await orm.close(true);
  await database.drop();
});

/** An Orm whose pool holds one connection, so that every statement meets the same session. */
async function onOneConnection(work: (one: Orm) => Promise<void>): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, DB_POOL_MAX: '1' });
  const one = await createOrm(config.db, database.url, createLogger({ level: 'silent' }), entities);
  try {
    await work(one);
  } finally {
    await one.close(true);
  }
}

/** The PostgreSQL backend process serving the next statement outside a transaction. */
const backendOf = async (on: Orm) =>
  (await sqlRows<{ pid: number }>(on, 'select pg_backend_pid() as pid', []))[0]?.pid;

/** Runs `work` as a request for `operationId` runs: request id's context, then dbContext. */
function inRequest<T>(operationId: string, work: () => Promise<T>): Promise<T> {
  const middleware = dbContext(orm);
  const req = { openapi: { schema: { operationId } } } as unknown as Request;
  return runWithRequestContext({ requestId: operationId }, () => {
    let result: Promise<T> | undefined;
    void middleware(req, {} as Response, () => {
      result = work();
    });
    if (!result) throw new Error('dbContext did not call next');
    return result;
  });
}

/** MikroORM numbers every EntityManager it makes: the next number tells how many were made. */
const nextEmId = () => orm.em.fork({ disableContextResolution: true }).id;

describe('the request EntityManager', () => {
  test('is a fork of its own, the same across the awaits of one request', async () => {
    const [a, b] = await Promise.all(
      ['getProduct', 'updateProduct'].map((op) =>
        inRequest(op, async () => {
          const first = orm.em.getContext();
          const product = await orm.em.findOne(Product, { id: productId });
          await new Promise((resolve) => setImmediate(resolve));
          expect(orm.em.getContext()).toBe(first);
          expect(orm.em.getContext().getUnitOfWork().getById(Product, productId)).toBe(product);
          return first;
        }),
      ),
    );
    expect(a?.global).toBe(false);
    expect(b?.global).toBe(false);
    expect(a).not.toBe(b);
    expect(a).not.toBe(orm.em);
  });

  test('is made only on first entity work: a plain-row read makes none', async () => {
    const repository = createProductsRepository(orm);
    let before = nextEmId();
    const row = await inRequest('getProduct', () => repository.findLiveRow(productId));
    expect(row?.sku).toBe('CTX-1');
    // Only nextEmId's own fork in between: the request made none.
    expect(nextEmId()).toBe(before + 1);

    before = nextEmId();
    await inRequest('getProduct', () => repository.findLive(productId));
    // The request's fork, then nextEmId's.
    expect(nextEmId()).toBe(before + 2);
  });

  test('withEntityManager inside a request uses the request; sql.ts joins a transaction', async () => {
    const xid = async () =>
      (await sqlRows<{ x: string }>(orm, 'select pg_current_xact_id()::text as x', []))[0]?.x;
    await inRequest('updateProduct', async () => {
      const product = await withEntityManager(orm, () =>
        orm.em.findOne(Product, { id: productId }),
      );
      // Loaded into the request's identity map, not into a context of its own.
      expect(orm.em.getContext().getUnitOfWork().getById(Product, productId)).toBe(product);
      // Hand-written SQL outside a transaction: one transaction per statement.
      expect(await xid()).not.toBe(await xid());
      await withTransaction(orm, async (tx) => {
        expect(orm.em.getContext()).toBe(tx.em);
        // Inside one: every statement on the transaction's connection.
        expect(await xid()).toBe(await xid());
      });
    });
  });

  test('getHealth and code outside any request get none: MikroORM refuses', async () => {
    await expect(
      inRequest('getHealth', () => orm.em.findOne(Product, { id: productId })),
    ).rejects.toThrow(ValidationError);
    await expect(
      runWithRequestContext({ requestId: 'no-db' }, () =>
        orm.em.findOne(Product, { id: productId }),
      ),
    ).rejects.toThrow(ValidationError);
    await expect(orm.em.findOne(Product, { id: productId })).rejects.toThrow(ValidationError);
  });

  test('a prepared statement is named on the pool, plain text in a transaction; one text a name', () =>
    onOneConnection(async (one) => {
      const byName = 'select name, statement from pg_prepared_statements where name = $1';
      const self = prepared('test.self', byName);
      // Outside a transaction PostgreSQL holds it under its name while it runs.
      expect(await sqlRows(one, self, ['test.self'])).toEqual([
        { name: 'test.self', statement: byName },
      ]);
      // The product read's statement is one of them.
      expect(await createProductsRepository(one).findLiveRow(productId)).toMatchObject({
        id: productId,
      });
      const names = 'select name from pg_prepared_statements order by name';
      expect(await sqlRows(one, names, [])).toEqual([
        { name: 'products.live-row' },
        { name: 'test.self' },
      ]);
      // In a transaction the text runs unnamed, on the transaction's connection.
      const inTx = prepared('test.in-transaction', byName);
      await withTransaction(one, async () => {
        expect(await sqlRows(one, inTx, ['test.in-transaction'])).toEqual([]);
      });
      expect(await sqlRows(one, names, [])).toHaveLength(2);
      // A migration changes a column it returns: the next run is refused on this connection
      // (PostgreSQL: cached plan must not change result type) and runs again on a new one.
      await sqlRows(one, 'create table prepared_probe (n int)', []);
      await sqlRows(one, 'insert into prepared_probe values (1)', []);
      const probe = prepared('test.probe', 'select n from prepared_probe');
      expect(await sqlRows(one, probe, [])).toEqual([{ n: 1 }]);
      const backend = () => backendOf(one);
      const before = await backend();
      await sqlRows(one, 'alter table prepared_probe alter column n type text', []);
      expect(await sqlRows(one, probe, [])).toEqual([{ n: '1' }]);
      // ...on a new connection: the one that held the stale statement is closed.
      expect(await backend()).not.toBe(before);
      await sqlRows(one, 'drop table prepared_probe', []);
      expect(() => prepared('test.self', 'select 1')).toThrow(/two texts/);
      expect(prepared('test.self', byName)).toEqual(self);
    }));

  test('a statement PostgreSQL refuses outside a transaction leaves its connection in the pool', () =>
    onOneConnection(async (one) => {
      const backend = () => backendOf(one);
      const before = await backend();
      await expect(sqlRows(one, 'select 1 / $1::int as n', [0])).rejects.toThrow(
        /division by zero/,
      );
      await sqlRows(one, 'set statement_timeout = 50', []);
      await expect(sqlRows(one, 'select pg_sleep(1)', [])).rejects.toThrow(/statement timeout/);
      await sqlRows(one, 'reset statement_timeout', []);
      // The same PostgreSQL session answered after both: no connection was closed and reopened.
      expect(await backend()).toBe(before);
      // A connection that breaks under a statement is closed (pg's error event on the checked-out
      // client is listened to, not thrown), and the next statement gets a new one.
      const sleeping = sqlRows(one, 'select pg_sleep(5)', []);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await sqlRows(orm, 'select pg_terminate_backend($1)', [before]);
      await expect(sleeping).rejects.toThrow(/terminat/);
      const after = await backend();
      expect(after).toEqual(expect.any(Number));
      expect(after).not.toBe(before);
    }));
});
