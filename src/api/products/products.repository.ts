// Data access for products. The list query is plain parameterised SQL built in one place
// (buildListQuery), so the service and the benchmark's direct-to-PostgreSQL baseline run the very
// same statement, and each shape of it is served by an index of products.model.ts. Checkout's
// row locks go through the query builder (FOR UPDATE, in id order) on the caller's transaction.
import { AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Orm } from '../../db/orm.ts';
import { likeContains, prepared, sqlRows, type Prepared } from '../../db/sql.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Logger } from '../../utils/logger.ts';
import { Product, type ProductEntity } from './products.model.ts';
import {
  buildSearchSample,
  SAMPLE_ROWS,
  searchProbe,
  type SearchProbe,
  type SearchSample,
} from './products.search.ts';

export const SORT_COLUMNS = {
  name: 'name',
  priceCents: 'price_cents',
  createdAt: 'created_at',
} as const;
export type SortField = keyof typeof SORT_COLUMNS;

export interface ListFilters {
  q?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  category?: string;
}

export interface ListQuery {
  filters: ListFilters;
  sort: { field: SortField; descending: boolean };
  limit: number;
  /** Page mode: rows to skip. */
  offset?: number;
  /** Cursor mode: the sort value and id of the last row already seen. */
  after?: { value: string | number; id: string };
  /** For a rare `q`: what the trigram indexes are asked for instead (products.search.ts). */
  probe?: SearchProbe | undefined;
}

export interface ProductRow {
  id: string;
  sku: string;
  name: string;
  description: string;
  priceCents: number;
  currency: string;
  stock: number;
  category: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export class SkuTakenError extends Error {}

/** The query's probe, which only a search (`q`) has a use for. */
function probeOf(query: Omit<ListQuery, 'after'>): SearchProbe | undefined {
  return query.filters.q === undefined ? undefined : query.probe;
}

/** WHERE clause and parameters for the filters (positional $n, starting after `offset`). */
function whereClause(filters: ListFilters, params: unknown[], probe?: SearchProbe): string {
  const where = ['archived_at is null'];
  const add = (value: unknown) => `$${params.push(value)}`;
  if (filters.q !== undefined) {
    const p = add(likeContains(filters.q));
    if (probe) {
      // The index is asked for the probe; the whole term is tested on each row it finds, written
      // (`|| ''`) so that no index condition can take it in and ask for every trigram again.
      const n = add(probe.name);
      const s = add(probe.sku);
      where.push(
        `((name ilike ${n} and (name || '') ilike ${p}) or (sku ilike ${s} and (sku || '') ilike ${p}))`,
      );
    } else where.push(`(name ilike ${p} or sku ilike ${p})`);
  }
  if (filters.minPrice !== undefined) where.push(`price_cents >= ${add(filters.minPrice)}`);
  if (filters.maxPrice !== undefined) where.push(`price_cents <= ${add(filters.maxPrice)}`);
  if (filters.inStock !== undefined) where.push(filters.inStock ? 'stock > 0' : 'stock = 0');
  if (filters.category !== undefined) where.push(`category = ${add(filters.category)}`);
  return where.join(' and ');
}

const COLUMNS =
  'id, sku, name, description, price_cents, currency, stock, category, created_at, updated_at, version';

/** The public GET's statement: prepared, it is parsed and planned once per connection. */
const LIVE_ROW = prepared(
  'products.live-row',
  `select ${COLUMNS} from products where id = $1 and archived_at is null`,
);

/** One row more than `limit` is fetched, to know whether there is a next page. */
export function buildListQuery(query: ListQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const probe = probeOf(query);
  let where = whereClause(query.filters, params, probe);
  const column = SORT_COLUMNS[query.sort.field];
  const direction = query.sort.descending ? 'desc' : 'asc';
  if (query.after) {
    const value =
      query.sort.field === 'createdAt' ? new Date(query.after.value) : query.after.value;
    const a = `$${params.push(value)}`;
    const b = `$${params.push(query.after.id)}`;
    where += ` and (${column}, id) ${query.sort.descending ? '<' : '>'} (${a}, ${b})`;
  }
  const order = `order by ${column} ${direction}, id ${direction}`;
  let page = `${order} limit $${params.push(query.limit + 1)}`;
  if (query.offset) page += ` offset $${params.push(query.offset)}`;
  if (query.filters.q === undefined)
    return { sql: `select ${COLUMNS} from products where ${where} ${page}`, params };
  if (probe)
    return {
      sql: `${matchesOf(column, where)} select ${COLUMNS} from products where id in (select id from matches ${page}) ${order}`,
      params,
    };
  // A search finds the page's ids first, reading only (created_at, id, name, sku): the index
  // products_created_at_id_name_sku holds all four, so PostgreSQL can walk it newest first and
  // test each name and SKU without visiting the table, then read just the rows of the page.
  return {
    sql: `select ${COLUMNS} from products where id in (select id from products where ${where} ${page}) ${order}`,
    params,
  };
}

/**
 * A rare term's matches, found through its probe's trigram bitmap and sorted afterwards: kept
 * apart (`materialized`) so that PostgreSQL cannot walk the sort's index instead, testing the
 * whole table for a term a few rows hold. Only the id and the sort's column are kept.
 */
function matchesOf(column: string, where: string): string {
  return `with matches as materialized (select id, ${column} from products where ${where})`;
}

/**
 * A page-mode page and its capped count in one statement, which finds the matches once: the
 * first `upTo` of them in the list's order (only their ids, numbered along the sort's index or
 * the search's trigram bitmap), their number, and the page's rows among them. Sent as two
 * statements, a rare search term would pay for its trigram bitmap twice. The total arrives on
 * every row, and on a lone row whose columns are null when the page is past the last match.
 * `upTo` must reach past the page (offset + limit + 1).
 */
export function buildCountedPageQuery(
  query: Omit<ListQuery, 'after'>,
  upTo: number,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const probed = probeOf(query) !== undefined;
  const where = whereClause(query.filters, params, probeOf(query));
  const column = SORT_COLUMNS[query.sort.field];
  const direction = query.sort.descending ? 'desc' : 'asc';
  const order = `order by ${column} ${direction}, id ${direction}`;
  const offset = query.offset ?? 0;
  const source = probed ? 'matches' : `products where ${where}`;
  if (upTo <= offset + query.limit)
    throw new Error(`upTo (${upTo}) must reach past the page (${offset + query.limit + 1} rows)`);
  const first = `$${params.push(offset)}`;
  const last = `$${params.push(offset + query.limit + 1)}`;
  return {
    sql:
      (probed ? `${matchesOf(column, where)} ` : '') +
      `select counted.total, page.* from (select count(*)::int as total, array_agg(id) filter (where n > ${first} and n <= ${last}) as ids ` +
      `from (select id, row_number() over (${order}) as n from ${source} ${order} limit $${params.push(upTo)}) as hits) as counted ` +
      `left join lateral (select ${COLUMNS} from products where id = any(counted.ids)) as page on true ` +
      `order by page.${column} ${direction}, page.id ${direction}`,
    params,
  };
}

/** The number of live products matching `filters`, every one of them (`exactTotal`). */
export function buildCountQuery(
  filters: ListFilters,
  probe?: SearchProbe,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = whereClause(filters, params, probe);
  return { sql: `select count(*)::int as total from products where ${where}`, params };
}

function toRow(r: Record<string, unknown>): ProductRow {
  return {
    id: r['id'] as string,
    sku: r['sku'] as string,
    name: r['name'] as string,
    description: r['description'] as string,
    priceCents: Number(r['price_cents']),
    currency: r['currency'] as string,
    stock: Number(r['stock']),
    category: r['category'] as string,
    createdAt: new Date(r['created_at'] as string | Date),
    updatedAt: new Date(r['updated_at'] as string | Date),
    version: Number(r['version']),
  };
}

/**
 * A search sample (products.search.ts): SAMPLE_ROWS live rows from a random id on, in id order
 * (wrapping round to the first ids when the table ends first). Ids are random (v4), so these
 * rows are a random sample of the catalog wherever they lie in the table: TABLESAMPLE SYSTEM
 * takes whole pages, and rows stored side by side are alike (SKUs made in sequence), which made
 * a rare-looking trigram of a whole run of SKUs. A fork whose ids follow time (v7) gets a sample
 * of one period instead: the answers stay the same, the probes get worse.
 */
export async function takeSearchSample(
  run: (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>,
): Promise<SearchSample> {
  const from = randomUUID();
  const select = 'select name, sku from products where archived_at is null and id';
  const after = await run(`${select} >= $1 order by id limit $2`, [from, SAMPLE_ROWS]);
  const before =
    after.length < SAMPLE_ROWS
      ? await run(`${select} < $1 order by id limit $2`, [from, SAMPLE_ROWS - after.length])
      : [];
  return buildSearchSample(
    [...after, ...before].map((r) => ({ name: r['name'] as string, sku: r['sku'] as string })),
  );
}

/** How long a search sample serves before the next search takes a new one in the background. */
export const SAMPLE_MAX_AGE_MS = 10 * 60_000;

export function createProductsRepository(orm: Orm, options: { logger?: Logger } = {}) {
  const em = () => orm.em;

  // The public catalog tolerates replication lag: its list queries may use a read replica.
  const query = (sql: string | Prepared, params: unknown[]) => sqlRows(orm, sql, params, 'read');

  // The search sample: taken when a search first needs it and again when it is older than
  // SAMPLE_MAX_AGE_MS, never on a request's path: until it arrives, a search asks the indexes
  // for the whole term, as without one.
  let sample: SearchSample | undefined;
  let sampling: Promise<void> | undefined;
  let attemptedAt = -Infinity;
  async function takeSample(): Promise<void> {
    attemptedAt = Date.now();
    sample = await takeSearchSample(query);
  }
  function sampleNow(): Promise<void> {
    sampling ??= takeSample()
      .catch((error: unknown) => {
        options.logger?.warn('search sample failed', { reason: (error as Error).message });
      })
      .finally(() => {
        sampling = undefined;
      });
    return sampling;
  }
  // Bound to the context the repository is made in, outside any request: the sample's
  // statements must not run on a request's transaction (sql.ts takes the one in context).
  const sampleDetached = AsyncResource.bind(sampleNow);
  function probeFor(term: string | undefined): SearchProbe | undefined {
    if (term === undefined) return undefined;
    const now = Date.now();
    // After a failure (the database away), the next attempt waits a minute.
    if ((!sample || now - sample.takenAt > SAMPLE_MAX_AGE_MS) && now - attemptedAt > 60_000)
      void sampleDetached();
    return searchProbe(sample, term);
  }

  async function flushUnique(): Promise<void> {
    try {
      await em().flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new SkuTakenError();
      throw error;
    }
  }

  return {
    async list(q: ListQuery): Promise<{ rows: ProductRow[]; hasMore: boolean }> {
      const { sql, params } = buildListQuery({ ...q, probe: probeFor(q.filters.q) });
      const rows = (await query(sql, params)).map(toRow);
      return { rows: rows.slice(0, q.limit), hasMore: rows.length > q.limit };
    },

    /** Page mode's page and its count up to `upTo` (buildCountedPageQuery). */
    async countedPage(
      q: Omit<ListQuery, 'after'>,
      upTo: number,
    ): Promise<{ rows: ProductRow[]; hasMore: boolean; total: number }> {
      const { sql, params } = buildCountedPageQuery({ ...q, probe: probeFor(q.filters.q) }, upTo);
      const found = await query(sql, params);
      const total = Number(found[0]?.['total'] ?? 0);
      const rows = found.filter((r) => r['id'] !== null).map(toRow);
      return { rows: rows.slice(0, q.limit), hasMore: rows.length > q.limit, total };
    },

    /** Takes a new search sample now (tests; a search takes one by itself when it needs it). */
    sampleForSearch: sampleNow,

    /** Every live product matching `filters`, counted. */
    async count(filters: ListFilters): Promise<number> {
      const { sql, params } = buildCountQuery(filters, probeFor(filters.q));
      const [row] = await query(sql, params);
      return Number(row?.['total'] ?? 0);
    },

    /**
     * A live product as a plain row, for a read that changes nothing (the public GET): the
     * statement goes through MikroORM's pool (sql.ts) without an identity map, a fork or
     * hydration, and a replica may answer (ADR 0018).
     */
    async findLiveRow(id: string): Promise<ProductRow | null> {
      const [row] = await query(LIVE_ROW, [id]);
      return row === undefined ? null : toRow(row);
    },

    /** The live product as an entity, read from the primary, for a write to change it. */
    findLive(id: string): Promise<ProductEntity | null> {
      return em().findOne(Product, { id, archivedAt: null });
    },

    async create(
      data: Omit<ProductRow, 'id' | 'createdAt' | 'updatedAt' | 'version'>,
    ): Promise<ProductEntity> {
      const product = em().create(Product, data);
      await flushUnique();
      return product;
    },

    flushUnique,

    /**
     * Locks the live products of an order (SELECT … FOR UPDATE) in id order, the same order in
     * every checkout, so two checkouts sharing products queue instead of deadlocking.
     */
    async lockForOrder(tx: Tx, ids: string[]) {
      const rows = await tx.em
        .createQueryBuilder(Product)
        .select(['id', 'sku', 'name', 'priceCents', 'currency', 'stock'])
        .where({ id: { $in: ids }, archivedAt: null })
        .orderBy({ id: 'asc' })
        .setLockMode(LockMode.PESSIMISTIC_WRITE)
        .execute('all');
      // Raw rows: a bigint column arrives as a string.
      return rows.map((r) => ({ ...r, priceCents: Number(r.priceCents), stock: Number(r.stock) }));
    },

    /** Adds `delta` (negative to take) to each product's stock; the check constraint keeps it ≥ 0. */
    async adjustStock(tx: Tx, lines: { productId: string; delta: number }[]): Promise<void> {
      // One statement for every line (hand-tuned: one round trip however long the order).
      await sqlRows(
        tx,
        `update products p set stock = p.stock + t.delta, version = p.version + 1, updated_at = now()
           from unnest($1::uuid[], $2::int[]) as t(id, delta) where p.id = t.id`,
        [lines.map((l) => l.productId), lines.map((l) => l.delta)],
      );
    },
  };
}

export type ProductsRepository = ReturnType<typeof createProductsRepository>;
