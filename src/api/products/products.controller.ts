// HTTP for the catalog: ETags and conditional requests, cache headers, Location.
import type { Handler } from '../../types/handlers.ts';
import { etagMatches, etagOf, toPublicProduct, type ProductsService } from './products.service.ts';

export function createProductsController(service: ProductsService) {
  const list: Handler<'listProducts'> = async ({ query }) => {
    const result = await service.list(query);
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
    const product = await service.update(params.id, body, headers['If-Match']);
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
