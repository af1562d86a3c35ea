// Wires the catalog's handlers.
import type { Handlers } from '../../types/handlers.ts';
import { createProductsController } from './products.controller.ts';
import { productsRoutes } from './products.routes.ts';
import type { ProductsService } from './products.service.ts';

export function productsModule(service: ProductsService): Handlers<'products'> {
  return productsRoutes(createProductsController(service));
}
