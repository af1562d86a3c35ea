// Data access for orders and checkout idempotency keys: plain SQL, on the caller's transaction
// (Tx) for writes that must be atomic with stock and jobs, on the pool for reads.
import type { components } from '../../../generated/api.d.ts';
import type { Orm } from '../../db/orm.ts';
import { deleteInBatches, queryRows } from '../../db/sql.ts';
import type { Tx } from '../../db/transaction.ts';
import type { OrderStatus } from './orders.model.ts';

/** A stored order line has exactly the contract's shape. */
export type OrderLineRow = components['schemas']['OrderItem'];

export interface OrderRow {
  id: string;
  userId: string;
  status: OrderStatus;
  currency: string;
  totalCents: number;
  items: OrderLineRow[];
  createdAt: Date;
  updatedAt: Date;
}

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: Record<string, unknown>;
}

const ORDER_SELECT = `
  select o.id, o.user_id, o.status, o.currency, o.total_cents, o.created_at, o.updated_at,
         coalesce(json_agg(json_build_object(
           'productId', i.product_id, 'sku', i.sku, 'name', i.name, 'quantity', i.quantity,
           'unitPriceCents', i.unit_price_cents, 'lineTotalCents', i.line_total_cents)
           order by i.sku, i.id) filter (where i.id is not null), '[]') as items
    from orders o left join order_items i on i.order_id = o.id`;

function toOrder(r: Record<string, unknown>): OrderRow {
  return {
    id: r['id'] as string,
    userId: r['user_id'] as string,
    status: r['status'] as OrderStatus,
    currency: r['currency'] as string,
    totalCents: Number(r['total_cents']),
    items: (r['items'] as OrderLineRow[]).map((i) => ({
      ...i,
      unitPriceCents: Number(i.unitPriceCents),
      lineTotalCents: Number(i.lineTotalCents),
    })),
    createdAt: new Date(r['created_at'] as string),
    updatedAt: new Date(r['updated_at'] as string),
  };
}

export function createOrdersRepository(orm: Orm) {
  const query = (sql: string, params: unknown[]) => queryRows(orm, sql, params);

  return {
    /**
     * Takes the key for this request, or returns what is stored under it. A concurrent request
     * with the same key blocks on the primary key until the first transaction ends, then sees
     * its committed row (or, if it rolled back, takes the key itself).
     */
    async claimKey(
      tx: Tx,
      input: { userId: string; key: string; requestHash: string; ttlHours: number },
    ): Promise<{ claimed: true } | { claimed: false; stored: StoredResponse }> {
      await tx.query(
        'delete from idempotency_keys where user_id = $1 and key = $2 and expires_at <= now()',
        [input.userId, input.key],
      );
      const inserted = await tx.query(
        `insert into idempotency_keys (user_id, key, request_hash, response_status, response_body, created_at, expires_at)
         values ($1, $2, $3, 0, '{}'::jsonb, now(), now() + make_interval(hours => $4))
         on conflict do nothing returning key`,
        [input.userId, input.key, input.requestHash, input.ttlHours],
      );
      if (inserted.length > 0) return { claimed: true };
      const [row] = await tx.query(
        'select request_hash, response_status, response_body from idempotency_keys where user_id = $1 and key = $2',
        [input.userId, input.key],
      );
      if (!row) throw new Error('idempotency key vanished');
      return {
        claimed: false,
        stored: {
          requestHash: row['request_hash'] as string,
          status: Number(row['response_status']),
          body: row['response_body'] as Record<string, unknown>,
        },
      };
    },

    async storeResponse(
      tx: Tx,
      userId: string,
      key: string,
      status: number,
      body: object,
    ): Promise<void> {
      await tx.query(
        'update idempotency_keys set response_status = $3, response_body = $4 where user_id = $1 and key = $2',
        [userId, key, status, JSON.stringify(body)],
      );
    },

    async insert(tx: Tx, order: Omit<OrderRow, 'createdAt' | 'updatedAt'>): Promise<void> {
      await tx.query(
        `insert into orders (id, user_id, status, currency, total_cents, created_at, updated_at)
         values ($1, $2, $3, $4, $5, now(), now())`,
        [order.id, order.userId, order.status, order.currency, order.totalCents],
      );
      await tx.query(
        `insert into order_items (id, order_id, product_id, sku, name, quantity, unit_price_cents, line_total_cents)
         select gen_random_uuid(), $1, * from unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::bigint[], $7::bigint[])`,
        [
          order.id,
          order.items.map((i) => i.productId),
          order.items.map((i) => i.sku),
          order.items.map((i) => i.name),
          order.items.map((i) => i.quantity),
          order.items.map((i) => i.unitPriceCents),
          order.items.map((i) => i.lineTotalCents),
        ],
      );
    },

    /** The order with its row locked until the transaction ends. */
    async lock(tx: Tx, id: string): Promise<OrderRow | undefined> {
      await tx.query('select 1 from orders where id = $1 for update', [id]);
      const [row] = await tx.query(`${ORDER_SELECT} where o.id = $1 group by o.id`, [id]);
      return row ? toOrder(row) : undefined;
    },

    async setStatus(tx: Tx, id: string, status: OrderStatus): Promise<void> {
      await tx.query('update orders set status = $2, updated_at = now() where id = $1', [
        id,
        status,
      ]);
    },

    async find(id: string): Promise<OrderRow | undefined> {
      const [row] = await query(`${ORDER_SELECT} where o.id = $1 group by o.id`, [id]);
      return row ? toOrder(row) : undefined;
    },

    async list(filter: { userId?: string; status?: OrderStatus; page: number; limit: number }) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.userId) where.push(`o.user_id = $${params.push(filter.userId)}`);
      if (filter.status) where.push(`o.status = $${params.push(filter.status)}`);
      const clause = where.length ? `where ${where.join(' and ')}` : '';
      const [count] = await query(`select count(*)::int as n from orders o ${clause}`, params);
      const rows = await query(
        `${ORDER_SELECT} ${clause} group by o.id order by o.created_at desc, o.id desc
         limit $${params.push(filter.limit)} offset $${params.push((filter.page - 1) * filter.limit)}`,
        params,
      );
      return { items: rows.map(toOrder), total: Number(count?.['n'] ?? 0) };
    },

    /** Marks the confirmation done; false when an earlier run already did. */
    async markConfirmed(tx: Tx, id: string): Promise<{ userId: string } | undefined> {
      const [row] = await tx.query(
        'update orders set confirmed_at = now() where id = $1 and confirmed_at is null returning user_id',
        [id],
      );
      return row ? { userId: row['user_id'] as string } : undefined;
    },

    /** Deletes the idempotency keys that expired before `cutoff`; returns how many. */
    purgeExpiredKeys(cutoff: Date): Promise<number> {
      return deleteInBatches(orm, 'idempotency_keys', 'expires_at < $1', [cutoff]);
    },
  };
}

export type OrdersRepository = ReturnType<typeof createOrdersRepository>;
