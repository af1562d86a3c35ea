// Wires the orders' handlers.
import type { Handlers } from '../../types/handlers.ts';
import { createOrdersController } from './orders.controller.ts';
import { ordersRoutes } from './orders.routes.ts';
import type { OrdersService } from './orders.service.ts';

export function ordersModule(service: OrdersService): Handlers<'orders'> {
  return ordersRoutes(createOrdersController(service));
}
