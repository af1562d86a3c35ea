// /api/v1/products: public reads; writes for holders of products:manage (admins).
import { Router, type RequestHandler } from 'express';
import { requirePermission } from '../../middleware/auth.ts';
import type { ProductsController } from './products.controller.ts';

export function productsRoutes(
  c: ProductsController,
  guards: { authenticate: RequestHandler; userQuota: RequestHandler },
): Router {
  const router = Router();
  const admin = [guards.authenticate, guards.userQuota, requirePermission('products:manage')];
  router.get('/', c.list);
  router.get('/:id', c.get);
  router.post('/', ...admin, c.create);
  router.patch('/:id', ...admin, c.update);
  router.delete('/:id', ...admin, c.archive);
  return router;
}
