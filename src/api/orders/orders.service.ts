// Orders: checkout (atomic stock, idempotency keys, the confirmation job in the same
// transaction), reading with ownership, cancelling with stock returned exactly once, and the
// admin status workflow. Products are reached only through the products service.
import { createHash, randomUUID } from 'node:crypto';
import type { Orm } from '../../db/orm.ts';
import { withTransaction } from '../../db/transaction.ts';
import { JOBS, type JobSender } from '../../jobs/queue.ts';
import type { Principal } from '../../types/request-meta.ts';
import { AppError, ForbiddenError, NotFoundError, underField } from '../../utils/errors.ts';
import type { OrderLine as ProductLine, ProductsService } from '../products/products.service.ts';
import type { OrderStatus, PlacedOrder } from './orders.model.ts';
import type { OrdersRepository } from './orders.repository.ts';

export interface OrdersServiceDeps {
  orm: Orm;
  repository: OrdersRepository;
  products: ProductsService;
  queue: JobSender;
  idempotencyTtlHours: number;
}

/** What a checkout asks for: products and quantities, each product once. */
export interface CheckoutInput {
  items: ProductLine[];
}

/** The next status each admin move may come from. */
const WORKFLOW: Record<'paid' | 'shipped' | 'delivered', OrderStatus> = {
  paid: 'pending',
  shipped: 'paid',
  delivered: 'shipped',
};

const invalidTransition = (from: OrderStatus, to: OrderStatus) =>
  new AppError(409, 'INVALID_TRANSITION', `An order that is ${from} cannot become ${to}.`);

/** 400 DUPLICATE_PRODUCT naming every repeated line: the schema cannot say "distinct productId". */
function assertDistinctProducts(items: ProductLine[]): void {
  const seen = new Set<string>();
  const duplicates = items.flatMap((item, i) => {
    if (!seen.has(item.productId)) return (seen.add(item.productId), []);
    return [{ field: ['items', i, 'productId'], message: 'appears twice; add the quantities' }];
  });
  if (duplicates.length > 0)
    throw new AppError(400, 'DUPLICATE_PRODUCT', 'Each product may appear once.', {
      fields: duplicates,
    });
}

// Longer than 80 lines on purpose: a factory whose body is the small functions it hands out
// (each well under 80 lines), closed over the same dependencies.
export function createOrdersService(deps: OrdersServiceDeps) {
  const { orm, repository, products, queue } = deps;

  /** Another customer's order answers exactly like a missing one. */
  function visible(order: PlacedOrder | undefined, principal: Principal): PlacedOrder {
    if (!order || (principal.role !== 'admin' && order.userId !== principal.userId)) {
      throw new NotFoundError('No order of yours has this id.');
    }
    return order;
  }

  return {
    /**
     * Places an order, or, for a key already used with the same items, hands back the order it
     * placed then (`replayed`). Stock, the order, its confirmation job and the key commit together.
     */
    async checkout(
      principal: Principal,
      input: CheckoutInput,
      idempotencyKey: string,
    ): Promise<{ order: PlacedOrder; replayed: boolean }> {
      assertDistinctProducts(input.items);
      const requestHash = createHash('sha256').update(JSON.stringify(input.items)).digest('hex');

      return withTransaction(orm, async (tx) => {
        const claim = await repository.claimKey(tx, {
          userId: principal.userId,
          key: idempotencyKey,
          requestHash,
          ttlHours: deps.idempotencyTtlHours,
        });
        if (!claim.claimed) {
          if (claim.stored.requestHash !== requestHash) {
            throw new AppError(
              422,
              'IDEMPOTENCY_KEY_REUSED',
              'This Idempotency-Key was used with a different request body.',
            );
          }
          return { order: claim.stored.order, replayed: true };
        }

        const priced = await underField(['items'], () => products.reserveForOrder(tx, input.items));
        const items = priced.map((l) => ({
          productId: l.productId,
          sku: l.sku,
          name: l.name,
          quantity: l.quantity,
          unitPriceCents: l.unitPriceCents,
          lineTotalCents: l.unitPriceCents * l.quantity,
        }));
        const row = {
          id: randomUUID(),
          userId: principal.userId,
          status: 'pending' as const,
          currency: priced[0]?.currency ?? 'EUR',
          totalCents: items.reduce((sum, i) => sum + i.lineTotalCents, 0),
          items,
        };
        const stamps = await repository.insert(tx, row);
        await queue.send(JOBS.orderConfirmation, { orderId: row.id }, tx);
        const order: PlacedOrder = {
          ...row,
          items: [...items].sort((a, b) => a.sku.localeCompare(b.sku)),
          ...stamps,
        };
        await repository.storeCheckout(tx, principal.userId, idempotencyKey, order);
        return { order, replayed: false };
      });
    },

    async get(principal: Principal, id: string): Promise<PlacedOrder> {
      return visible(await repository.find(id), principal);
    },

    async list(
      principal: Principal,
      query: { userId?: string; status?: OrderStatus; page: number; limit: number },
    ) {
      if (query.userId && principal.role !== 'admin')
        throw new ForbiddenError('Only admins filter by user.');
      const userId = principal.role === 'admin' ? query.userId : principal.userId;
      return repository.list({ ...query, userId });
    },

    /** Owner while pending, admin while pending or paid; the stock goes back exactly once. */
    async cancel(principal: Principal, id: string): Promise<PlacedOrder> {
      await withTransaction(orm, async (tx) => {
        const order = visible(await repository.lock(tx, id), principal);
        const allowed: OrderStatus[] =
          principal.role === 'admin' ? ['pending', 'paid'] : ['pending'];
        if (!allowed.includes(order.status)) throw invalidTransition(order.status, 'cancelled');
        await repository.setStatus(tx, id, 'cancelled');
        await products.releaseForOrder(tx, order.items);
      });
      return this.get(principal, id);
    },

    async advance(
      principal: Principal,
      id: string,
      to: 'paid' | 'shipped' | 'delivered',
    ): Promise<PlacedOrder> {
      await withTransaction(orm, async (tx) => {
        const order = visible(await repository.lock(tx, id), principal);
        if (order.status !== WORKFLOW[to]) throw invalidTransition(order.status, to);
        await repository.setStatus(tx, id, to);
      });
      return this.get(principal, id);
    },

    /**
     * The confirmation job's unit of work: marks the order confirmed and runs `notify` in the same
     * transaction, so a failed notification leaves it unmarked for the retry; once marked, a retry
     * does nothing.
     */
    async confirm(id: string, notify: (order: PlacedOrder) => Promise<void>): Promise<void> {
      await withTransaction(orm, async (tx) => {
        if (!(await repository.markConfirmed(tx, id))) return;
        const order = await repository.find(id);
        if (order) await notify(order);
      });
    },

    /** Forgets idempotency keys past IDEMPOTENCY_TTL_HOURS: a retry that late is a new order. */
    purgeExpiredKeys(now = new Date()): Promise<number> {
      return repository.purgeExpiredKeys(now);
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
