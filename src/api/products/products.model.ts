// A catalog product. Prices are integer minor units with an ISO 4217 currency. Archived products
// (archivedAt set) are hidden from the catalog but kept for the orders that reference them.
// The indexes serve the list queries of products.repository.ts: trigram GIN for `q`, and
// (sort key, id) b-trees over live products for sorting and keyset pagination.
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

const LIVE = 'where "archived_at" is null';

export const Product = defineEntity({
  name: 'Product',
  tableName: 'products',
  checks: [
    { name: 'products_price_cents_check', expression: 'price_cents >= 0' },
    { name: 'products_stock_check', expression: 'stock >= 0' },
    { name: 'products_currency_check', expression: "currency ~ '^[A-Z]{3}$'" },
  ],
  uniques: [
    {
      name: 'products_sku_live_unique',
      expression: `create unique index "products_sku_live_unique" on "products" ("sku") ${LIVE}`,
    },
  ],
  indexes: [
    {
      name: 'products_name_trgm',
      expression: `create index "products_name_trgm" on "products" using gin ("name" gin_trgm_ops) ${LIVE}`,
    },
    {
      name: 'products_sku_trgm',
      expression: `create index "products_sku_trgm" on "products" using gin ("sku" gin_trgm_ops) ${LIVE}`,
    },
    {
      // Newest/oldest first and cursor pages by date; a search (`q`) in date order reads it
      // index-only (ADR 0015): name and sku, the columns `q` tests, ride along.
      name: 'products_created_at_id_name_sku',
      expression: `create index "products_created_at_id_name_sku" on "products" ("created_at", "id") include ("name", "sku") ${LIVE}`,
    },
    {
      name: 'products_price_id',
      expression: `create index "products_price_id" on "products" ("price_cents", "id") ${LIVE}`,
    },
    {
      name: 'products_name_id',
      expression: `create index "products_name_id" on "products" ("name", "id") ${LIVE}`,
    },
    {
      name: 'products_category_created_at_id',
      expression: `create index "products_category_created_at_id" on "products" ("category", "created_at", "id") ${LIVE}`,
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    sku: p.string().length(64),
    name: p.string().length(200),
    description: p.text().default(''),
    priceCents: p.bigint('number'),
    currency: p.string().length(3),
    stock: p.integer(),
    category: p.string().length(64),
    // Millisecond precision, like JavaScript dates: keyset cursors carry createdAt exactly.
    createdAt: p.datetime(3).onCreate(() => new Date()),
    updatedAt: p
      .datetime(3)
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    /** Optimistic lock: bumped by every update; the ETag is derived from it. */
    version: p.integer().version(),
    archivedAt: p.datetime().nullable(),
  },
});

export type ProductEntity = InferEntity<typeof Product>;
