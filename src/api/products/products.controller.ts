// HTTP for the catalog: ETags and conditional requests, cache headers, Location, and the
// contract's shape of a product.
import type { components } from '../../../generated/api.d.ts';
import type { Handler } from '../../types/handlers.ts';
import { etagMatches } from '../../utils/etag.ts';
import { inRequest } from '../../utils/http-errors.ts';
import type { ProductEntity } from './products.model.ts';
import type { ProductsService } from './products.service.ts';

/** A strong ETag: the version changes with every update of the product. */
export function etagOf(product: { id: string; version: number }): string {
  return `"v${product.version}-${product.id.slice(0, 8)}"`;
}

/** Fields a product has whether it was listed (a plain row) or loaded (an entity). */
type ProductFields = Pick<
  ProductEntity,
  | 'id'
  | 'sku'
  | 'name'
  | 'description'
  | 'priceCents'
  | 'currency'
  | 'stock'
  | 'category'
  | 'createdAt'
  | 'updatedAt'
>;

export function toPublicProduct(p: ProductFields): components['schemas']['Product'] {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    description: p.description,
    priceCents: p.priceCents,
    currency: p.currency,
    stock: p.stock,
    category: p.category,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function createProductsController(service: ProductsService) {
  const list: Handler<'listProducts'> = async ({ query }) => {
    const result = await inRequest('query', () => service.list(query));
    return {
      status: 200,
      headers: { 'Cache-Control': 'public, max-age=15' },
      body: {
        status: 'success',
        data: result.items.map(toPublicProduct),
        meta: { pagination: result.pagination },
      },
    };
  };

  const get: Handler<'getProduct'> = async ({ params, headers }) => {
    const product = await service.getPublic(params.id);
    const etag = etagOf(product);
    // Shared caches may keep it, but must ask again each time: stock changes.
    const cache = { ETag: etag, 'Cache-Control': 'public, no-cache' };
    if (etagMatches(headers['If-None-Match'], etag, true)) return { status: 304, headers: cache };
    return {
      status: 200,
      headers: cache,
      body: { status: 'success', data: toPublicProduct(product) },
    };
  };

  const create: Handler<'createProduct'> = async ({ body }) => {
    const product = await service.create(body);
    return {
      status: 201,
      headers: { Location: `/api/v1/products/${product.id}`, ETag: etagOf(product) },
      body: { status: 'success', data: toPublicProduct(product) },
    };
  };

  const update: Handler<'updateProduct'> = async ({ params, headers, body }) => {
    const ifMatch = headers['If-Match'];
    // If-Match: the update applies only to the representation the client read (412 otherwise).
    const product = await service.update(
      params.id,
      body,
      ifMatch === undefined ? undefined : (current) => etagMatches(ifMatch, etagOf(current), false),
    );
    return {
      status: 200,
      headers: { ETag: etagOf(product) },
      body: { status: 'success', data: toPublicProduct(product) },
    };
  };

  const archive: Handler<'deleteProduct'> = async ({ params }) => {
    await service.archive(params.id);
    return { status: 204 };
  };

  return { list, get, create, update, archive };
}

export type ProductsController = ReturnType<typeof createProductsController>;
