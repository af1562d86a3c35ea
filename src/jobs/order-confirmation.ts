// The order confirmation: marks the order confirmed and mails the customer in one transaction
// (OrdersService.confirm): if the mail fails or the worker dies, nothing is marked and the job is
// retried; once marked, a retry does nothing. Mail delivery itself is at-least-once (a crash
// after sending but before commit sends again), so the message carries an idempotency key.
import { z } from 'zod';
import type { OrdersService } from '../api/orders/orders.service.ts';
import type { UsersService } from '../api/users/users.service.ts';
import type { Mailer } from '../utils/mailer.ts';

const confirmationData = z.object({ orderId: z.uuid() });

export interface OrderConfirmationDeps {
  orders: Pick<OrdersService, 'confirm'>;
  users: Pick<UsersService, 'findById'>;
  mailer: Mailer;
}

export function orderConfirmationJob(deps: OrderConfirmationDeps) {
  return async (data: unknown): Promise<void> => {
    const { orderId } = confirmationData.parse(data);
    await deps.orders.confirm(orderId, async (order) => {
      const user = await deps.users.findById(order.userId);
      if (!user) return; // the account was deleted meanwhile: nobody to tell
      const total = `${(order.totalCents / 100).toFixed(2)} ${order.currency}`;
      await deps.mailer.send({
        to: user.email,
        subject: `Order ${orderId.slice(0, 8)} confirmed`,
        text: `Thank you for your order of ${order.items.length} item(s), ${total}.`,
        idempotencyKey: `order-confirmation:${orderId}`,
      });
    });
  };
}
