// Data access for the audit log.
import type { Orm } from '../../db/orm.ts';
import { deleteInBatches } from '../../db/sql.ts';
import { AuditEvent, type AuditEventName } from './audit.model.ts';

export interface NewAuditEvent {
  event: AuditEventName;
  userId?: string | null;
  actorId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown> | null;
}

export function createAuditRepository(orm: Orm) {
  return {
    /** Adds the event to the current unit of work; it is written with the change it records. */
    add(event: NewAuditEvent): void {
      orm.em.create(AuditEvent, {
        event: event.event,
        userId: event.userId ?? null,
        actorId: event.actorId ?? null,
        ip: event.ip ?? null,
        userAgent: event.userAgent ?? null,
        requestId: event.requestId ?? null,
        details: event.details ?? null,
      });
    },
    async flush(): Promise<void> {
      await orm.em.flush();
    },
    /** Deletes the events recorded before `cutoff`; returns how many. */
    purgeBefore(cutoff: Date): Promise<number> {
      return deleteInBatches(orm, 'audit_events', 'created_at < $1', [cutoff]);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
