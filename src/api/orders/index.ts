// The orders domain as the composition sees it: its entities and its handlers.
import type { Handlers } from '../../types/handlers.ts';
import { createOrdersController } from './orders.controller.ts';
import { IdempotencyKey, Order, OrderItem } from './orders.model.ts';
import { ordersRoutes } from './orders.routes.ts';
import type { OrdersService } from './orders.service.ts';

export const ordersEntities = [Order, OrderItem, IdempotencyKey];

export function ordersModule(service: OrdersService): Handlers<'orders'> {
  return ordersRoutes(createOrdersController(service));
}
