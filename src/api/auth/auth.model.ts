// Sessions and their refresh tokens (one session = one refresh-token family), and
// password-reset tokens. Tokens are stored only as SHA-256 hashes.
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/users.model.ts';

export const Session = defineEntity({
  name: 'Session',
  tableName: 'sessions',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    user: () => p.manyToOne(User).ref().deleteRule('cascade').index(),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime().onCreate(() => new Date()),
    /** Absolute end of the session: refreshing never extends it. Indexed for the purge. */
    expiresAt: p.datetime().index(),
    revokedAt: p.datetime().nullable(),
    revokeReason: p.string().length(32).nullable(),
    ip: p.string().length(64).nullable(),
    userAgent: p.string().length(256).nullable(),
  },
});

export const RefreshToken = defineEntity({
  name: 'RefreshToken',
  tableName: 'refresh_tokens',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    session: () => p.manyToOne(Session).ref().deleteRule('cascade').index(),
    tokenHash: p.string().length(64).unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** When it was exchanged for the next token; a second use is a replay. */
    usedAt: p.datetime().nullable(),
  },
});

export const PasswordResetToken = defineEntity({
  name: 'PasswordResetToken',
  tableName: 'password_reset_tokens',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    user: () => p.manyToOne(User).ref().deleteRule('cascade').index(),
    tokenHash: p.string().length(64).unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime().index(),
    usedAt: p.datetime().nullable(),
  },
});

export type SessionEntity = InferEntity<typeof Session>;
export type RefreshTokenEntity = InferEntity<typeof RefreshToken>;
export type PasswordResetTokenEntity = InferEntity<typeof PasswordResetToken>;
