// Records security events (ASVS 7/16): who, what, from where, under which request id. Events are
// also logged as JSON lines, once stored; neither place ever receives a password, a token or an
// email.
import { afterCommit } from '../../db/transaction.ts';
import type { RequestMeta } from '../../types/request-meta.ts';
import type { Logger } from '../../utils/logger.ts';
import type { AuditEventName } from './audit.model.ts';
import type { AuditRepository } from './audit.repository.ts';

const WARN_EVENTS: ReadonlySet<AuditEventName> = new Set(['refresh.reused', 'login.locked']);

export interface AuditRecord {
  event: AuditEventName;
  userId?: string | null;
  actorId?: string | null;
  details?: Record<string, unknown>;
}

export function createAuditService(repository: AuditRepository, logger: Logger) {
  /** Adds the event to the unit of work; returns the log line to write once it is stored. */
  function add(record: AuditRecord, meta: RequestMeta): () => void {
    repository.add({
      ...record,
      ip: meta.ip?.slice(0, 64),
      userAgent: meta.userAgent?.slice(0, 256),
      requestId: meta.requestId,
    });
    const level = WARN_EVENTS.has(record.event) ? 'warn' : 'info';
    return () =>
      logger.log(level, 'security event', {
        event: record.event,
        userId: record.userId ?? undefined,
        actorId: record.actorId ?? undefined,
        ip: meta.ip,
        ...(record.details ? { details: record.details } : {}),
      });
  }

  return {
    /**
     * Stages the event in the current unit of work: it commits with the change it describes,
     * and is logged once that has committed (a unit of work that rolls back logs nothing).
     */
    stage(record: AuditRecord, meta: RequestMeta): void {
      afterCommit(add(record, meta));
    },
    /** Records an event on its own (when there is no other change to commit with it). */
    async record(record: AuditRecord, meta: RequestMeta): Promise<void> {
      const log = add(record, meta);
      await repository.flush();
      afterCommit(log);
    },
    /** Deletes events older than `days` days (AUDIT_RETENTION_DAYS); returns how many. */
    purgeOlderThan(days: number, now = new Date()): Promise<number> {
      return repository.purgeBefore(new Date(now.getTime() - days * 86_400_000));
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
