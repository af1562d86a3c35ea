// /api/v1/orders: every route needs a signed-in user; checkout has its own per-user throttle
// (business-flow abuse, OWASP API6); the status workflow needs orders:manage (admins).
import { Router, type RequestHandler } from 'express';
import { requirePermission } from '../../middleware/auth.ts';
import type { OrdersController } from './orders.controller.ts';

export interface OrdersGuards {
  authenticate: RequestHandler;
  userQuota: RequestHandler;
  checkoutThrottle: RequestHandler;
}

export function ordersRoutes(c: OrdersController, guards: OrdersGuards): Router {
  const router = Router();
  router.use(guards.authenticate, guards.userQuota);
  router.post('/', requirePermission('orders:place'), guards.checkoutThrottle, c.create);
  router.get('/', requirePermission('orders:read'), c.list);
  router.get('/:id', requirePermission('orders:read'), c.get);
  router.post('/:id/cancel', requirePermission('orders:cancel'), c.cancel);
  router.patch('/:id/status', requirePermission('orders:manage'), c.advance);
  return router;
}
