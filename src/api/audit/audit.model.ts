// The audit log of security events. Rows refer to users by id only (no foreign key), so the
// record outlives the account; no passwords, tokens or emails are ever written here.
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const AUDIT_EVENTS = [
  'user.registered',
  'login.succeeded',
  'login.failed',
  'login.locked',
  'refresh.reused',
  'session.revoked',
  'logout',
  'logout.all',
  'password.changed',
  'password.reset.requested',
  'password.reset.completed',
  'user.updated',
  'user.role.changed',
  'user.disabled',
  'user.enabled',
  'user.deleted',
  'admin.bootstrapped',
] as const;
export type AuditEventName = (typeof AUDIT_EVENTS)[number];

export const AuditEvent = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_events',
  indexes: [
    { properties: ['userId', 'createdAt'] },
    { properties: ['event', 'createdAt'] },
    // The retention purge deletes by age.
    { properties: ['createdAt'] },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    event: p.enum(AUDIT_EVENTS),
    /** The user the event is about. */
    userId: p.uuid().nullable(),
    /** Who did it, when not the user themself (an admin). */
    actorId: p.uuid().nullable(),
    ip: p.string().length(64).nullable(),
    userAgent: p.string().length(256).nullable(),
    requestId: p.string().length(128).nullable(),
    details: p.json<Record<string, unknown>>().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type AuditEventEntity = InferEntity<typeof AuditEvent>;
