// Data access for orders and checkout idempotency keys, through MikroORM: entities and the
// query builder for writes inside the caller's unit of work (Tx, db/transaction.ts), and one
// hand-tuned read (an order with its lines aggregated in one query) in sql.ts's `$n` style.
import { LockMode, type QueryResult } from '@mikro-orm/core';
import type { Orm } from '../../db/orm.ts';
import { deleteInBatches, sqlRows } from '../../db/sql.ts';
import type { Tx } from '../../db/transaction.ts';
import {
  IdempotencyKey,
  Order,
  OrderItem,
  type OrderLine,
  type OrderStatus,
  type PlacedOrder,
} from './orders.model.ts';

/** What a claimed idempotency key holds: the body it was first used with, and the order. */
export interface StoredCheckout {
  requestHash: string;
  order: PlacedOrder;
}

const ORDER_SELECT = `
  select o.id, o.user_id, o.status, o.currency, o.total_cents, o.created_at, o.updated_at,
         coalesce(json_agg(json_build_object(
           'productId', i.product_id, 'sku', i.sku, 'name', i.name, 'quantity', i.quantity,
           'unitPriceCents', i.unit_price_cents, 'lineTotalCents', i.line_total_cents)
           order by i.sku, i.id) filter (where i.id is not null), '[]') as items
    from orders o left join order_items i on i.order_id = o.id`;

function toOrder(r: Record<string, unknown>): PlacedOrder {
  return {
    id: r['id'] as string,
    userId: r['user_id'] as string,
    status: r['status'] as OrderStatus,
    currency: r['currency'] as string,
    totalCents: Number(r['total_cents']),
    items: (r['items'] as OrderLine[]).map((i) => ({
      ...i,
      unitPriceCents: Number(i.unitPriceCents),
      lineTotalCents: Number(i.lineTotalCents),
    })),
    createdAt: new Date(r['created_at'] as string),
    updatedAt: new Date(r['updated_at'] as string),
  };
}

/** The JSON of a stored order back into the domain's shape (dates were written as strings). */
function fromSnapshot(body: Record<string, unknown>): PlacedOrder {
  const order = body as unknown as PlacedOrder;
  return {
    ...order,
    createdAt: new Date(order.createdAt),
    updatedAt: new Date(order.updatedAt),
  };
}

// Longer than 80 lines on purpose: a factory whose body is the small functions it hands out
// (each well under 80 lines), closed over the same dependencies.
export function createOrdersRepository(orm: Orm) {
  const findBy = async (on: Orm | Tx, where: string, params: unknown[]) => {
    const [row] = await sqlRows(on, `${ORDER_SELECT} where ${where} group by o.id`, params);
    return row ? toOrder(row) : undefined;
  };

  return {
    /**
     * Takes the key for this request, or returns what is stored under it. A concurrent request
     * with the same key blocks on the primary key until the first transaction ends, then sees
     * its committed row (or, if it rolled back, takes the key itself).
     */
    async claimKey(
      tx: Tx,
      input: { userId: string; key: string; requestHash: string; ttlHours: number },
    ): Promise<{ claimed: true } | { claimed: false; stored: StoredCheckout }> {
      const now = new Date();
      await tx.em.nativeDelete(IdempotencyKey, {
        user: input.userId,
        key: input.key,
        expiresAt: { $lte: now },
      });
      const inserted = await tx.em
        .createQueryBuilder(IdempotencyKey)
        .insert({
          user: input.userId,
          key: input.key,
          requestHash: input.requestHash,
          responseBody: {},
          createdAt: now,
          expiresAt: new Date(now.getTime() + input.ttlHours * 3_600_000),
        })
        .onConflict()
        .ignore()
        // Named, or MikroORM would return the columns left to their defaults: response_status,
        // which the next release drops (orders.model.ts).
        .returning(['key'])
        .execute<QueryResult>('run');
      if (inserted.affectedRows > 0) return { claimed: true };
      const row = await tx.em
        .createQueryBuilder(IdempotencyKey)
        .select(['requestHash', 'responseBody'])
        .where({ user: input.userId, key: input.key })
        .execute('get');
      if (!row) throw new Error('idempotency key vanished');
      return {
        claimed: false,
        stored: { requestHash: row.requestHash, order: fromSnapshot(row.responseBody) },
      };
    },

    /** Keeps the order under its key: a retry of the same checkout answers with it. */
    async storeCheckout(tx: Tx, userId: string, key: string, order: PlacedOrder): Promise<void> {
      await tx.em.nativeUpdate(
        IdempotencyKey,
        { user: userId, key },
        { responseBody: JSON.parse(JSON.stringify(order)) as Record<string, unknown> },
      );
    },

    /** Writes the order and its lines; the caller's transaction commits them. */
    async insert(tx: Tx, order: Omit<PlacedOrder, 'createdAt' | 'updatedAt'>) {
      const entity = tx.em.create(Order, {
        id: order.id,
        user: order.userId,
        status: order.status,
        currency: order.currency,
        totalCents: order.totalCents,
      });
      for (const item of order.items) {
        tx.em.create(OrderItem, {
          order: entity,
          product: item.productId,
          sku: item.sku,
          name: item.name,
          quantity: item.quantity,
          unitPriceCents: item.unitPriceCents,
          lineTotalCents: item.lineTotalCents,
        });
      }
      await tx.em.flush();
      return { createdAt: entity.createdAt, updatedAt: entity.updatedAt };
    },

    /** The order with its row locked (SELECT … FOR UPDATE) until the transaction ends. */
    async lock(tx: Tx, id: string): Promise<PlacedOrder | undefined> {
      const locked = await tx.em.findOne(
        Order,
        { id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['id'] },
      );
      return locked ? findBy(tx, 'o.id = $1', [id]) : undefined;
    },

    async setStatus(tx: Tx, id: string, status: OrderStatus): Promise<void> {
      await tx.em.nativeUpdate(Order, { id }, { status, updatedAt: new Date() });
    },

    find(id: string): Promise<PlacedOrder | undefined> {
      return findBy(orm, 'o.id = $1', [id]);
    },

    async list(filter: { userId?: string; status?: OrderStatus; page: number; limit: number }) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.userId) where.push(`o.user_id = $${params.push(filter.userId)}`);
      if (filter.status) where.push(`o.status = $${params.push(filter.status)}`);
      const clause = where.length ? `where ${where.join(' and ')}` : '';
      const [count] = await sqlRows(orm, `select count(*)::int as n from orders o ${clause}`, [
        ...params,
      ]);
      const rows = await sqlRows(
        orm,
        `${ORDER_SELECT} ${clause} group by o.id order by o.created_at desc, o.id desc
         limit $${params.push(filter.limit)} offset $${params.push((filter.page - 1) * filter.limit)}`,
        params,
      );
      return { items: rows.map(toOrder), total: Number(count?.['n'] ?? 0) };
    },

    /** Marks the confirmation done; false when an earlier run already did. */
    async markConfirmed(tx: Tx, id: string): Promise<boolean> {
      const changed = await tx.em.nativeUpdate(
        Order,
        { id, confirmedAt: null },
        { confirmedAt: new Date() },
      );
      return changed === 1;
    },

    /** Deletes the idempotency keys that expired before `cutoff`; returns how many. */
    purgeExpiredKeys(cutoff: Date): Promise<number> {
      return deleteInBatches(orm, 'idempotency_keys', 'expires_at < $1', [cutoff]);
    },
  };
}

export type OrdersRepository = ReturnType<typeof createOrdersRepository>;
