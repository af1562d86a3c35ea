// The retention purge, scheduled by the worker (RETENTION_CRON, hourly by default, once per tick
// across all workers: pg-boss keeps the schedule in PostgreSQL). It deletes only what nothing can
// use any more: sessions and reset tokens a day after they expired, idempotency keys past their
// TTL, login-limit counters an hour after they expired, and audit events older than
// AUDIT_RETENTION_DAYS. Users, orders and products are never purged. Each table is emptied in short batches, so the purge never blocks sign-ins for long.
import type { AuditService } from '../api/audit/audit.service.ts';
import type { AuthService } from '../api/auth/auth.service.ts';
import type { OrdersService } from '../api/orders/orders.service.ts';
import type { Orm } from '../db/orm.ts';
import type { Logger } from '../utils/logger.ts';
import { purgeExpiredCounters } from '../utils/rate-limiter.ts';

export interface RetentionDeps {
  orm: Orm;
  services: {
    auth: Pick<AuthService, 'purgeExpired'>;
    audit: Pick<AuditService, 'purgeOlderThan'>;
    orders: Pick<OrdersService, 'purgeExpiredKeys'>;
  };
  auditDays: number;
  logger: Logger;
}

export function retentionJob({ orm, services, auditDays, logger }: RetentionDeps) {
  return async (): Promise<void> => {
    const started = Date.now();
    const { sessions, resetTokens } = await services.auth.purgeExpired();
    const idempotencyKeys = await services.orders.purgeExpiredKeys();
    const rateLimitCounters = await purgeExpiredCounters(orm);
    const auditEvents = await services.audit.purgeOlderThan(auditDays);
    logger.info('retention purge', {
      sessions,
      resetTokens,
      idempotencyKeys,
      rateLimitCounters,
      auditEvents,
      ms: Date.now() - started,
    });
  };
}
