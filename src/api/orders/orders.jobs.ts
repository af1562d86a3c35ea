// Background work for orders. The confirmation marks the order confirmed and mails the customer
// in one transaction: if the mail fails or the worker dies, nothing is marked and the job is
// retried; once marked, a retry does nothing. Mail delivery itself is at-least-once (a crash
// after sending but before commit sends again), so the message carries an idempotency key.
import { z } from 'zod';
import type { Orm } from '../../db/orm.ts';
import { withTransaction } from '../../db/transaction.ts';
import type { Mailer } from '../../utils/mailer.ts';
import type { UsersService } from '../users/users.service.ts';
import type { OrdersRepository } from './orders.repository.ts';

const confirmationData = z.object({ orderId: z.uuid() });

export function orderConfirmationJob(deps: {
  orm: Orm;
  repository: OrdersRepository;
  users: UsersService;
  mailer: Mailer;
}) {
  return async (data: unknown): Promise<void> => {
    const { orderId } = confirmationData.parse(data);
    await withTransaction(deps.orm, async (tx) => {
      if (!(await deps.repository.markConfirmed(tx, orderId))) return;
      const order = await deps.repository.find(orderId);
      const user = order && (await deps.users.findById(order.userId));
      if (!user || !order) return; // the account was deleted meanwhile: nobody to tell
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
