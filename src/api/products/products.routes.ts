// The catalog's operations (tag `products`), by operationId. Paths, security and permissions
// come from the contract (generated/operations.ts); the compiler insists every one is here.
import type { Handlers } from '../../types/handlers.ts';
import type { ProductsController } from './products.controller.ts';

export function productsRoutes(c: ProductsController): Handlers<'products'> {
  return {
    listProducts: c.list,
    getProduct: c.get,
    createProduct: c.create,
    updateProduct: c.update,
    deleteProduct: c.archive,
  };
}
