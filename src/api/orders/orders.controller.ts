// HTTP for orders: the Idempotency-Key header, replays, status codes.
import type { RequestHandler } from 'express';
import type { components, operations } from '../../../generated/api.d.ts';
import { pageMeta } from '../../utils/pagination.ts';
import { principalOf } from '../../utils/request-meta.ts';
import type { OrdersService } from './orders.service.ts';

type Schemas = components['schemas'];
type ListQuery = NonNullable<operations['listOrders']['parameters']['query']>;

export function createOrdersController(service: OrdersService) {
  const create: RequestHandler = async (req, res) => {
    // Presence and shape are checked against the contract by the validator.
    const key = String(req.get('idempotency-key'));
    const { order, replayed } = await service.checkout(
      principalOf(req),
      req.body as Schemas['CreateOrderRequest'],
      key,
    );
    res
      .status(201)
      .set({ Location: `/api/v1/orders/${order.id}`, 'Cache-Control': 'no-store' })
      .set(replayed ? { 'Idempotent-Replayed': 'true' } : {})
      .json({ status: 'success', data: order } satisfies Schemas['OrderResponse']);
  };

  const list: RequestHandler = async (req, res) => {
    const query = req.query as unknown as ListQuery & { page: number; limit: number };
    const { items, total } = await service.list(principalOf(req), query);
    res.set('Cache-Control', 'no-store').json({
      status: 'success',
      data: items,
      meta: { pagination: pageMeta(query.page, query.limit, total) },
    } satisfies Schemas['OrderList']);
  };

  const get: RequestHandler = async (req, res) => {
    const order = await service.get(principalOf(req), String(req.params['id']));
    res
      .set('Cache-Control', 'no-store')
      .json({ status: 'success', data: order } satisfies Schemas['OrderResponse']);
  };

  const cancel: RequestHandler = async (req, res) => {
    const order = await service.cancel(principalOf(req), String(req.params['id']));
    res.json({ status: 'success', data: order } satisfies Schemas['OrderResponse']);
  };

  const advance: RequestHandler = async (req, res) => {
    const body = req.body as Schemas['UpdateOrderStatusRequest'];
    const order = await service.advance(principalOf(req), String(req.params['id']), body.status);
    res.json({ status: 'success', data: order } satisfies Schemas['OrderResponse']);
  };

  return { create, list, get, cancel, advance };
}

export type OrdersController = ReturnType<typeof createOrdersController>;
