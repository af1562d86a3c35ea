// Wires the orders routes.
import type { Router } from 'express';
import { createOrdersController } from './orders.controller.ts';
import { ordersRoutes, type OrdersGuards } from './orders.routes.ts';
import type { OrdersService } from './orders.service.ts';

export function ordersModule(service: OrdersService, guards: OrdersGuards): Router {
  return ordersRoutes(createOrdersController(service), guards);
}
