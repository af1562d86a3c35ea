// The orders' operations (tag `orders`), by operationId. Every one needs a signed-in user with
// the permission the contract names; checkout also counts against its own per-user throttle
// (business-flow abuse, OWASP API6), named in the contract too (`x-rate-limits: checkout`).
import type { Handlers } from '../../types/handlers.ts';
import type { OrdersController } from './orders.controller.ts';

export function ordersRoutes(c: OrdersController): Handlers<'orders'> {
  return {
    createOrder: c.create,
    listOrders: c.list,
    getOrder: c.get,
    cancelOrder: c.cancel,
    updateOrderStatus: c.advance,
  };
}
