// The products domain as the composition sees it: its entities and its handlers.
import type { Handlers } from '../../types/handlers.ts';
import { createProductsController } from './products.controller.ts';
import { Product } from './products.model.ts';
import { productsRoutes } from './products.routes.ts';
import type { ProductsService } from './products.service.ts';

export const productsEntities = [Product];

export function productsModule(service: ProductsService): Handlers<'products'> {
  return productsRoutes(createProductsController(service));
}
