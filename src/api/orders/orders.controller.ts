// HTTP for orders: the Idempotency-Key header, replays, status codes, and the contract's
// shape of an order.
import type { components } from '../../../generated/api.d.ts';
import type { Handler } from '../../types/handlers.ts';
import { inRequest } from '../../utils/http-errors.ts';
import { pageMeta } from '../../utils/pagination.ts';
import type { PlacedOrder } from './orders.model.ts';
import type { OrdersService } from './orders.service.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function toPublicOrder(order: PlacedOrder): components['schemas']['Order'] {
  return {
    id: order.id,
    userId: order.userId,
    status: order.status,
    currency: order.currency,
    totalCents: order.totalCents,
    items: order.items,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

export function createOrdersController(service: OrdersService) {
  const create: Handler<'createOrder'> = async ({ headers, body }, { principal }) => {
    const key = headers['Idempotency-Key'];
    const { order, replayed } = await inRequest('body', () =>
      service.checkout(principal, body, key),
    );
    // A replay answers exactly as the first request was answered: 201 with the same order.
    return {
      status: 201,
      headers: {
        ...NO_STORE,
        Location: `/api/v1/orders/${order.id}`,
        'Idempotent-Replayed': replayed ? 'true' : undefined,
      },
      body: { status: 'success', data: toPublicOrder(order) },
    };
  };

  const list: Handler<'listOrders'> = async ({ query }, { principal }) => {
    const { items, total } = await service.list(principal, query);
    return {
      status: 200,
      headers: NO_STORE,
      body: {
        status: 'success',
        data: items.map(toPublicOrder),
        meta: { pagination: pageMeta(query.page, query.limit, total) },
      },
    };
  };

  const get: Handler<'getOrder'> = async ({ params }, { principal }) => ({
    status: 200,
    headers: NO_STORE,
    body: { status: 'success', data: toPublicOrder(await service.get(principal, params.id)) },
  });

  const cancel: Handler<'cancelOrder'> = async ({ params }, { principal }) => ({
    status: 200,
    body: { status: 'success', data: toPublicOrder(await service.cancel(principal, params.id)) },
  });

  const advance: Handler<'updateOrderStatus'> = async ({ params, body }, { principal }) => ({
    status: 200,
    body: {
      status: 'success',
      data: toPublicOrder(await service.advance(principal, params.id, body.status)),
    },
  });

  return { create, list, get, cancel, advance };
}

export type OrdersController = ReturnType<typeof createOrdersController>;
