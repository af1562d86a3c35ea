// HTTP for the catalog: query parsing, ETags and conditional requests, cache headers.
import type { RequestHandler } from 'express';
import type { components, operations } from '../../../generated/api.d.ts';
import { etagMatches, etagOf, toPublicProduct, type ProductsService } from './products.service.ts';

type Schemas = components['schemas'];
type ListQuery = NonNullable<operations['listProducts']['parameters']['query']>;

export function createProductsController(service: ProductsService) {
  const list: RequestHandler = async (req, res) => {
    // Checked, coerced and defaulted (sort, limit) against the contract by the validator.
    const query = req.query as unknown as ListQuery & { sort: string; limit: number };
    const result = await service.list(query);
    res.set('Cache-Control', 'public, max-age=15').json({
      status: 'success',
      data: result.items.map(toPublicProduct),
      meta: { pagination: result.pagination },
    } satisfies Schemas['ProductList']);
  };

  const get: RequestHandler = async (req, res) => {
    const product = await service.getPublic(String(req.params['id']));
    const etag = etagOf(product);
    // Shared caches may keep it, but must ask again each time: stock changes.
    res.set({ ETag: etag, 'Cache-Control': 'public, no-cache' });
    if (etagMatches(req.get('if-none-match'), etag, true)) {
      res.status(304).end();
      return;
    }
    res.json({
      status: 'success',
      data: toPublicProduct(product),
    } satisfies Schemas['ProductResponse']);
  };

  const create: RequestHandler = async (req, res) => {
    const product = await service.create(req.body as Schemas['CreateProductRequest']);
    res
      .status(201)
      .set({ Location: `/api/v1/products/${product.id}`, ETag: etagOf(product) })
      .json({
        status: 'success',
        data: toPublicProduct(product),
      } satisfies Schemas['ProductResponse']);
  };

  const update: RequestHandler = async (req, res) => {
    const product = await service.update(
      String(req.params['id']),
      req.body as Schemas['UpdateProductRequest'],
      req.get('if-match'),
    );
    res.set('ETag', etagOf(product)).json({
      status: 'success',
      data: toPublicProduct(product),
    } satisfies Schemas['ProductResponse']);
  };

  const archive: RequestHandler = async (req, res) => {
    await service.archive(String(req.params['id']));
    res.status(204).end();
  };

  return { list, get, create, update, archive };
}

export type ProductsController = ReturnType<typeof createProductsController>;
