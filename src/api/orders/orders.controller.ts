// HTTP for orders: the Idempotency-Key header, replays, status codes.
import type { Handler } from '../../types/handlers.ts';
import { pageMeta } from '../../utils/pagination.ts';
import type { OrdersService } from './orders.service.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function createOrdersController(service: OrdersService) {
  const create: Handler<'createOrder'> = async ({ headers, body }, { principal }) => {
    const key = headers['Idempotency-Key'];
    const { order, replayed } = await service.checkout(principal, body, key);
    return {
      status: 201,
      headers: {
        ...NO_STORE,
        Location: `/api/v1/orders/${order.id}`,
        'Idempotent-Replayed': replayed ? 'true' : undefined,
      },
      body: { status: 'success', data: order },
    };
  };

  const list: Handler<'listOrders'> = async ({ query }, { principal }) => {
    const { items, total } = await service.list(principal, query);
    return {
      status: 200,
      headers: NO_STORE,
      body: {
        status: 'success',
        data: items,
        meta: { pagination: pageMeta(query.page, query.limit, total) },
      },
    };
  };

  const get: Handler<'getOrder'> = async ({ params }, { principal }) => ({
    status: 200,
    headers: NO_STORE,
    body: { status: 'success', data: await service.get(principal, params.id) },
  });

  const cancel: Handler<'cancelOrder'> = async ({ params }, { principal }) => ({
    status: 200,
    body: { status: 'success', data: await service.cancel(principal, params.id) },
  });

  const advance: Handler<'updateOrderStatus'> = async ({ params, body }, { principal }) => ({
    status: 200,
    body: { status: 'success', data: await service.advance(principal, params.id, body.status) },
  });

  return { create, list, get, cancel, advance };
}

export type OrdersController = ReturnType<typeof createOrdersController>;
