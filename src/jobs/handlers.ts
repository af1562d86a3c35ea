// Which code runs each job. Used by the worker process (`npm run worker`) and, when
// WORKER_IN_PROCESS is on (the default in development), by the API process itself.
import { RequestContext } from '@mikro-orm/core';
import { z } from 'zod';
import type { Services } from '../api/index.ts';
import { orderConfirmationJob } from '../api/orders/orders.jobs.ts';
import type { Config } from '../config/config.ts';
import type { Orm } from '../db/orm.ts';
import type { Logger } from '../utils/logger.ts';
import { JOBS, type Queue } from './queue.ts';
import { retentionJob } from './retention.ts';

const resetData = z.object({ userId: z.uuid(), requestId: z.string().optional() });

export async function registerJobHandlers(
  queue: Queue,
  orm: Orm,
  services: Services,
  options: { retention: Config['retention']; logger: Logger },
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
  await queue.work(
    JOBS.retentionPurge,
    retentionJob({ orm, services, auditDays: options.retention.auditDays, logger: options.logger }),
  );
  // An upsert: every worker writes the same row, and the cron pass sends one job per tick.
  await queue.boss.schedule(JOBS.retentionPurge, options.retention.cron, {}, { tz: 'UTC' });
}
