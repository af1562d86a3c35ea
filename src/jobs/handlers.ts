// Which code runs each job. Used by the worker process (`npm run worker`) and, when
// WORKER_IN_PROCESS is on (the default in development), by the API process itself, both through
// runtime.ts (the `jobs` part). Every job runs in its own MikroORM context, as a request does, so
// no job code has to remember one.
import { RequestContext } from '@mikro-orm/core';
import { z } from 'zod';
import type { AuditService } from '../api/audit/audit.service.ts';
import type { AuthService } from '../api/auth/auth.service.ts';
import type { OrdersService } from '../api/orders/orders.service.ts';
import type { UsersService } from '../api/users/users.service.ts';
import type { Config } from '../config/config.ts';
import type { Orm } from '../db/orm.ts';
import type { Logger } from '../utils/logger.ts';
import type { Mailer } from '../utils/mailer.ts';
import { orderConfirmationJob } from './order-confirmation.ts';
import { JOBS, type Queue } from './queue.ts';
import { retentionJob } from './retention.ts';

const resetData = z.object({ userId: z.uuid(), requestId: z.string().optional() });

/** The services the jobs call: their public functions, never a repository. */
export interface JobServices {
  auth: AuthService;
  users: UsersService;
  audit: AuditService;
  orders: OrdersService;
}

export async function registerJobHandlers(
  queue: Queue,
  orm: Orm,
  services: JobServices,
  options: { mailer: Mailer; retention: Config['retention']; logger: Logger },
): Promise<void> {
  const inContext =
    (handler: (data: unknown) => Promise<void>) =>
    (data: unknown): Promise<void> =>
      RequestContext.create(orm.em, () => handler(data));
  await queue.work(
    JOBS.orderConfirmation,
    inContext(
      orderConfirmationJob({
        orders: services.orders,
        users: services.users,
        mailer: options.mailer,
      }),
    ),
  );
  await queue.work(
    JOBS.passwordResetMail,
    inContext(async (data) => {
      const { userId } = resetData.parse(data);
      await services.auth.deliverPasswordReset(userId);
    }),
  );
  await queue.work(
    JOBS.retentionPurge,
    inContext(
      retentionJob({
        orm,
        services,
        auditDays: options.retention.auditDays,
        logger: options.logger,
      }),
    ),
  );
  // An upsert: every worker writes the same row, and the cron pass sends one job per tick.
  await queue.boss.schedule(JOBS.retentionPurge, options.retention.cron, {}, { tz: 'UTC' });
}
