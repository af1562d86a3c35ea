// The catalog: listing with filters, sorting and two kinds of pagination; admin writes with
// optimistic concurrency (the caller's precondition on the version it read; ETags are the
// controller's); archiving instead of deleting. Other domains (orders) reach products only
// through the functions returned here.
import { createHash } from 'node:crypto';
import { OptimisticLockError } from '@mikro-orm/core';
import type { components } from '../../../generated/api.d.ts';
import type { Tx } from '../../db/transaction.ts';
import {
  AppError,
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
} from '../../utils/errors.ts';
import { pageMeta } from '../../utils/pagination.ts';
import type { ProductEntity } from './products.model.ts';
import {
  SkuTakenError,
  type ListFilters,
  type ProductRow,
  type ProductsRepository,
  type SortField,
} from './products.repository.ts';

type CreateInput = components['schemas']['CreateProductRequest'];
type UpdateInput = components['schemas']['UpdateProductRequest'];

export interface ListInput extends ListFilters {
  sort: string;
  limit: number;
  page?: number;
  cursor?: string;
  exactTotal?: boolean;
}

/**
 * Page mode counts the matching products up to this many pages past the current one (ADR 0015):
 * when the matches end before that, `total` is exact; otherwise it is a lower bound and
 * `totalExact` is false, unless the client asks for `exactTotal`. The count then costs what the
 * page costs, in proportion to its depth, where an exact count visits every match (tens of
 * milliseconds at a million products).
 */
export const TOTAL_PAGES_AHEAD = 10;

/** The most matches page mode counts for a page (see TOTAL_PAGES_AHEAD). */
export const countLimit = (offset: number, limit: number): number =>
  offset + (TOTAL_PAGES_AHEAD + 1) * limit;

export interface ListResult {
  items: ProductRow[];
  pagination: components['schemas']['ProductList']['meta']['pagination'];
}

/**
 * A cursor is base64url of a small binary record: a format byte, the sort (its index in SORTS),
 * 12 bytes of a fingerprint of the filters, the last row's id (16 bytes), then that row's sort
 * value: the name as UTF-8, or createdAt (epoch milliseconds) or priceCents as a 64-bit integer.
 * Binary rather than JSON because JSON escapes a control character to six bytes; this way the
 * longest cursor is fixed by the longest name, 200 characters of 4 bytes each: 30 + 800 bytes,
 * 1,107 characters, within the contract's bound for `cursor` and `nextCursor`.
 */
const SORTS = ['name', '-name', 'priceCents', '-priceCents', 'createdAt', '-createdAt'] as const;
const CURSOR_FORMAT = 1;
const CURSOR_HEADER_BYTES = 2 + 12 + 16;
/** The contract's maxLength of a product name, in code points, at 4 UTF-8 bytes each. */
const MAX_NAME_BYTES = 200 * 4;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function fingerprint(filters: ListFilters): Buffer {
  const canonical = JSON.stringify([
    filters.q,
    filters.minPrice,
    filters.maxPrice,
    filters.inStock,
    filters.category,
  ]);
  return createHash('sha256').update(canonical).digest().subarray(0, 12);
}

function parseSort(sort: string): { field: SortField; descending: boolean } {
  const descending = sort.startsWith('-');
  return { field: (descending ? sort.slice(1) : sort) as SortField, descending };
}

/**
 * 400 INVALID_CURSOR: a cursor that passes the contract's schema (any string up to its bound)
 * but is not one this query can continue from. A domain code, not VALIDATION_ERROR, because the
 * request is valid per the schema; the contract documents it on listProducts.
 */
const invalidCursor = (
  message = 'The cursor is not valid for this query.',
  detail = 'must be the nextCursor of a previous answer with the same filters and sort',
) =>
  new AppError(400, 'INVALID_CURSOR', message, {
    fields: [{ field: ['cursor'], message: detail }],
  });

/** The sort value a cursor carries, or undefined when the bytes cannot be one. */
function readSortValue(field: SortField, bytes: Buffer): string | number | undefined {
  if (field === 'name') {
    if (bytes.length > MAX_NAME_BYTES) return undefined;
    try {
      const name = utf8.decode(bytes);
      return name.includes('\u0000') ? undefined : name;
    } catch {
      return undefined;
    }
  }
  if (bytes.length !== 8) return undefined;
  const n = bytes.readBigInt64BE();
  // Prices and creation times are never negative; beyond 8.64e15 ms there is no Date.
  if (n < 0n || n > BigInt(field === 'createdAt' ? 8.64e15 : Number.MAX_SAFE_INTEGER))
    return undefined;
  return field === 'createdAt' ? new Date(Number(n)).toISOString() : Number(n);
}

function decodeCursor(cursor: string, sort: string, filters: ListFilters) {
  const bytes = Buffer.from(cursor, 'base64url');
  // Buffer skips characters that are not base64url: only the canonical spelling is accepted.
  if (
    bytes.toString('base64url') !== cursor ||
    bytes.length < CURSOR_HEADER_BYTES ||
    bytes[0] !== CURSOR_FORMAT ||
    SORTS[bytes[1] ?? -1] !== sort ||
    !bytes.subarray(2, 14).equals(fingerprint(filters))
  ) {
    throw invalidCursor();
  }
  const hex = bytes.subarray(14, 30).toString('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const value = readSortValue(parseSort(sort).field, bytes.subarray(CURSOR_HEADER_BYTES));
  if (value === undefined) throw invalidCursor();
  return { value, id };
}

function encodeCursor(sort: string, filters: ListFilters, last: ProductRow): string {
  const field = parseSort(sort).field;
  let value: Buffer;
  if (field === 'name') value = Buffer.from(last.name, 'utf8');
  else {
    value = Buffer.alloc(8);
    value.writeBigInt64BE(
      BigInt(field === 'createdAt' ? last.createdAt.getTime() : last.priceCents),
    );
  }
  return Buffer.concat([
    Buffer.from([CURSOR_FORMAT, SORTS.indexOf(sort as (typeof SORTS)[number])]),
    fingerprint(filters),
    Buffer.from(last.id.replaceAll('-', ''), 'hex'),
    value,
  ]).toString('base64url');
}

export interface OrderLine {
  productId: string;
  quantity: number;
}

export interface PricedLine extends OrderLine {
  sku: string;
  name: string;
  unitPriceCents: number;
  currency: string;
}

// Longer than 80 lines on purpose: a factory whose body is the small functions it hands out
// (each well under 80 lines), closed over the same dependencies.
export function createProductsService(repository: ProductsRepository) {
  const notFound = () => new NotFoundError('No product has this id.');

  /** The product as an entity, from the primary, for a write to change it. */
  async function requireLive(id: string): Promise<ProductEntity> {
    const product = await repository.findLive(id);
    if (!product) throw notFound();
    return product;
  }

  async function saving<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof SkuTakenError)
        throw new ConflictError('A product with this SKU exists.', 'SKU_TAKEN');
      if (error instanceof OptimisticLockError) throw new PreconditionFailedError();
      throw error;
    }
  }

  return {
    /**
     * A public read: a plain row (no entity, nothing to change), which may come from a replica,
     * a moment behind the primary.
     */
    async getPublic(id: string): Promise<ProductRow> {
      const product = await repository.findLiveRow(id);
      if (!product) throw notFound();
      return product;
    },

    async list(input: ListInput): Promise<ListResult> {
      const filters: ListFilters = {
        q: input.q,
        minPrice: input.minPrice,
        maxPrice: input.maxPrice,
        inStock: input.inStock,
        category: input.category,
      };
      // minPrice above maxPrice is an empty range, not an error: the query finds nothing.
      if (input.page !== undefined && input.cursor !== undefined) {
        throw invalidCursor('Use page or cursor, not both.', 'cannot be combined with page');
      }
      const sort = parseSort(input.sort);
      const after =
        input.cursor === undefined ? undefined : decodeCursor(input.cursor, input.sort, filters);
      const page = input.page ?? 1;
      const cursorAfter = (rows: ProductRow[], hasMore: boolean) => {
        const last = rows.at(-1);
        return hasMore && last ? encodeCursor(input.sort, filters, last) : null;
      };
      if (after) {
        const { rows, hasMore } = await repository.list({
          filters,
          sort,
          limit: input.limit,
          after,
        });
        return {
          items: rows,
          pagination: { limit: input.limit, nextCursor: cursorAfter(rows, hasMore) },
        };
      }
      const offset = (page - 1) * input.limit;
      const query = { filters, sort, limit: input.limit, offset };
      let result: { rows: ProductRow[]; hasMore: boolean; total: number };
      let totalExact = true;
      if (input.exactTotal) {
        const { rows, hasMore } = await repository.list(query);
        const total =
          rows.length > 0 && !hasMore
            ? offset + rows.length // the last page tells it
            : await repository.count(filters);
        result = { rows, hasMore, total };
      } else {
        // One statement finds the page and counts (ADR 0015). One past the limit: exactly `upTo`
        // matches and more than `upTo` must differ.
        const upTo = countLimit(offset, input.limit);
        result = await repository.countedPage(query, upTo + 1);
        totalExact = result.total <= upTo;
      }
      const { rows, hasMore, total } = result;
      // `totalExact` appears only when it is false: an exact answer stays exactly what v0.1.0's
      // closed Pagination schema allows (an old client that validates strictly keeps working).
      return {
        items: rows,
        pagination: {
          ...pageMeta(page, input.limit, total),
          ...(totalExact ? {} : { totalExact: false as const }),
          nextCursor: cursorAfter(rows, hasMore),
        },
      };
    },

    create(input: CreateInput): Promise<ProductEntity> {
      return saving(() =>
        repository.create({
          sku: input.sku,
          name: input.name.trim(),
          description: input.description ?? '',
          priceCents: input.priceCents,
          currency: input.currency,
          stock: input.stock,
          category: input.category,
        }),
      );
    },

    /**
     * With a `precondition`, applies only when it holds for the product as it is now (the
     * version the caller read, say); 412 otherwise.
     */
    async update(
      id: string,
      changes: UpdateInput,
      precondition?: (current: { id: string; version: number }) => boolean,
    ): Promise<ProductEntity> {
      const product = await requireLive(id);
      if (precondition && !precondition(product)) throw new PreconditionFailedError();
      const { name, ...rest } = changes;
      Object.assign(product, rest, name === undefined ? {} : { name: name.trim() });
      // The versioned UPDATE also catches a change made between our read and this write.
      await saving(() => repository.flushUnique());
      return product;
    },

    /**
     * Takes stock for every line inside the caller's transaction, or throws without taking any:
     * 400 UNKNOWN_PRODUCT or MIXED_CURRENCIES, 409 INSUFFICIENT_STOCK naming every line
     * that cannot be filled (fields are indexes into `lines`). The rows stay locked until the transaction ends, so two checkouts
     * can never both take the last unit.
     */
    async reserveForOrder(tx: Tx, lines: OrderLine[]): Promise<PricedLine[]> {
      const locked = new Map(
        (
          await repository.lockForOrder(
            tx,
            lines.map((l) => l.productId),
          )
        ).map((p) => [p.id, p]),
      );
      const missing = lines.flatMap((l, i) =>
        locked.has(l.productId) ? [] : [{ field: [i, 'productId'], message: 'no such product' }],
      );
      if (missing.length > 0)
        throw new AppError(400, 'UNKNOWN_PRODUCT', 'Some products do not exist.', {
          fields: missing,
        });
      const currencies = new Set([...locked.values()].map((p) => p.currency));
      if (currencies.size > 1) {
        throw new AppError(
          400,
          'MIXED_CURRENCIES',
          'All products of an order must share one currency.',
          {
            fields: [{ field: [], message: `mixes ${[...currencies].sort().join(', ')}` }],
          },
        );
      }
      const short = lines.flatMap((l, i) => {
        const stock = locked.get(l.productId)?.stock ?? 0;
        return stock >= l.quantity ? [] : [{ field: [i], message: `only ${stock} in stock` }];
      });
      if (short.length > 0) {
        throw new AppError(409, 'INSUFFICIENT_STOCK', 'Some lines cannot be filled.', {
          fields: short,
        });
      }
      await repository.adjustStock(
        tx,
        lines.map((l) => ({ productId: l.productId, delta: -l.quantity })),
      );
      return lines.map((l) => {
        const p = locked.get(l.productId);
        if (!p) throw new Error('unreachable: checked above');
        return {
          ...l,
          sku: p.sku,
          name: p.name,
          unitPriceCents: p.priceCents,
          currency: p.currency,
        };
      });
    },

    /** Puts the stock of cancelled lines back, inside the caller's transaction. */
    async releaseForOrder(tx: Tx, lines: OrderLine[]): Promise<void> {
      await repository.adjustStock(
        tx,
        lines.map((l) => ({ productId: l.productId, delta: l.quantity })),
      );
    },

    async archive(id: string): Promise<void> {
      const product = await requireLive(id);
      product.archivedAt = new Date();
      await repository.flushUnique();
    },
  };
}

export type ProductsService = ReturnType<typeof createProductsService>;
