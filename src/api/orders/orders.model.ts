// Orders, their lines (prices copied from the products at checkout, so later price changes do
// not rewrite history), and the idempotency keys of checkout requests.
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { components } from '../../../generated/api.d.ts';
import { Product } from '../products/products.model.ts';
import { enums } from '../../../generated/operations.ts';
import { User } from '../users/users.model.ts';

/** The statuses of the contract (components.schemas.OrderStatus). */
export const ORDER_STATUSES = enums.OrderStatus;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const Order = defineEntity({
  name: 'Order',
  tableName: 'orders',
  indexes: [
    { name: 'orders_user_created_at', properties: ['user', 'createdAt'] },
    { name: 'orders_status_created_at', properties: ['status', 'createdAt'] },
  ],
  checks: [{ name: 'orders_total_check', expression: 'total_cents >= 0' }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    user: () => p.manyToOne(User).ref(),
    status: p.enum(ORDER_STATUSES).default('pending'),
    currency: p.string().length(3),
    totalCents: p.bigint('number'),
    /** Set by the confirmation job; a retried job does not mail twice. */
    confirmedAt: p.datetime(3).nullable(),
    createdAt: p.datetime(3).onCreate(() => new Date()),
    updatedAt: p
      .datetime(3)
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export const OrderItem = defineEntity({
  name: 'OrderItem',
  tableName: 'order_items',
  checks: [
    { name: 'order_items_quantity_check', expression: 'quantity >= 1 and quantity <= 1000' },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    order: () => p.manyToOne(Order).ref().deleteRule('cascade').index(),
    product: () => p.manyToOne(Product).ref().index(),
    sku: p.string().length(64),
    name: p.string().length(200),
    quantity: p.integer(),
    unitPriceCents: p.bigint('number'),
    lineTotalCents: p.bigint('number'),
  },
});

export const IdempotencyKey = defineEntity({
  name: 'IdempotencyKey',
  tableName: 'idempotency_keys',
  indexes: [{ name: 'idempotency_keys_expires_at', properties: ['expiresAt'] }],
  properties: {
    user: () => p.manyToOne(User).ref().deleteRule('cascade').primary(),
    key: p.string().length(255).primary(),
    /** SHA-256 of the request body: the same key with another body is refused. */
    requestHash: p.string().length(64),
    /**
     * Unused since ADR 0017 (the HTTP status of a replay is the controller's business). Dropped
     * in two releases: this one gives it a default and no longer writes it
     * (Migration20261202224500), while the instances of the release before still write 0 during
     * a rolling deploy; the next one drops the column and this property.
     */
    responseStatus: p.integer().default(0),
    /** The order as first placed (PlacedOrder as JSON): a replay answers with it. */
    responseBody: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(3).onCreate(() => new Date()),
    expiresAt: p.datetime(3),
  },
});

export type OrderEntity = InferEntity<typeof Order>;

/**
 * An order line: the product's price and name copied at checkout. Its fields are stated once,
 * in the contract (OrderItem), which the domain's line matches exactly: no twin here.
 */
export type OrderLine = components['schemas']['OrderItem'];

/** An order with its lines (sorted by SKU), as the service hands it out. */
export interface PlacedOrder {
  id: string;
  userId: string;
  status: OrderStatus;
  currency: string;
  totalCents: number;
  items: OrderLine[];
  createdAt: Date;
  updatedAt: Date;
}
export type OrderItemEntity = InferEntity<typeof OrderItem>;
