// Which code runs each job. Used by the worker process (`npm run worker`) and, when
// WORKER_IN_PROCESS is on (the default in development), by the API process itself.
import { RequestContext } from '@mikro-orm/core';
import { z } from 'zod';
import type { Services } from '../api/index.ts';
import { orderConfirmationJob } from '../api/orders/orders.jobs.ts';
import type { Orm } from '../db/orm.ts';
import { JOBS, type Queue } from './queue.ts';

const resetData = z.object({ userId: z.uuid(), requestId: z.string().optional() });

export async function registerJobHandlers(
  queue: Queue,
  orm: Orm,
  services: Services,
): Promise<void> {
  await queue.work(
    JOBS.orderConfirmation,
    orderConfirmationJob({
      orm,
      repository: services.ordersRepository,
      users: services.users,
      mailer: services.mailer,
    }),
  );
  await queue.work(JOBS.passwordResetMail, async (data) => {
    const { userId } = resetData.parse(data);
    await RequestContext.create(orm.em, () => services.auth.deliverPasswordReset(userId));
  });
}
