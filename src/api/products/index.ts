// Wires the products routes.
import type { RequestHandler, Router } from 'express';
import { createProductsController } from './products.controller.ts';
import { productsRoutes } from './products.routes.ts';
import type { ProductsService } from './products.service.ts';

export function productsModule(
  service: ProductsService,
  guards: { authenticate: RequestHandler; userQuota: RequestHandler },
): Router {
  return productsRoutes(createProductsController(service), guards);
}
