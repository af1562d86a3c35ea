// Data access for sessions, refresh tokens and reset tokens. State changes that race (using a
// refresh token, revoking) are single conditional UPDATEs, so the database decides who wins.
import type { Orm } from '../../db/orm.ts';
import { deleteInBatches, sqlRows } from '../../db/sql.ts';
import { User } from '../users/users.model.ts';
import {
  PasswordResetToken,
  RefreshToken,
  Session,
  type PasswordResetTokenEntity,
  type RefreshTokenEntity,
  type SessionEntity,
} from './auth.model.ts';

/** What every authenticated request needs to know about its session, read in one query. */
export interface AuthState {
  userId: string;
  role: 'customer' | 'admin';
  tokenVersion: number;
  userActive: boolean;
  sessionActive: boolean;
}

// Longer than 80 lines on purpose: a factory whose body is the small functions it hands out
// (each well under 80 lines), closed over the same dependencies.
export function createAuthRepository(orm: Orm) {
  const em = () => orm.em;
  return {
    addSession(input: {
      userId: string;
      expiresAt: Date;
      ip?: string;
      userAgent?: string;
    }): SessionEntity {
      return em().create(Session, {
        user: em().getReference(User, input.userId),
        expiresAt: input.expiresAt,
        ip: input.ip?.slice(0, 64) ?? null,
        userAgent: input.userAgent?.slice(0, 256) ?? null,
      });
    },

    addRefreshToken(session: SessionEntity, tokenHash: string): RefreshTokenEntity {
      return em().create(RefreshToken, { session, tokenHash });
    },

    findRefreshToken(tokenHash: string): Promise<RefreshTokenEntity | null> {
      return em().findOne(RefreshToken, { tokenHash }, { populate: ['session', 'session.user'] });
    },

    /** Marks the token used if nobody has yet; false when another request got there first. */
    async claimRefreshToken(id: string): Promise<boolean> {
      return (
        (await em().nativeUpdate(RefreshToken, { id, usedAt: null }, { usedAt: new Date() })) === 1
      );
    },

    findUserSession(userId: string, sessionId: string): Promise<SessionEntity | null> {
      return em().findOne(Session, {
        id: sessionId,
        user: userId,
        revokedAt: null,
        expiresAt: { $gt: new Date() },
      });
    },

    listActiveSessions(userId: string): Promise<SessionEntity[]> {
      return em().find(
        Session,
        { user: userId, revokedAt: null, expiresAt: { $gt: new Date() } },
        { orderBy: { createdAt: 'desc' }, limit: 1000 },
      );
    },

    async revokeSession(sessionId: string, reason: string): Promise<boolean> {
      const n = await em().nativeUpdate(
        Session,
        { id: sessionId, revokedAt: null },
        { revokedAt: new Date(), revokeReason: reason },
      );
      return n === 1;
    },

    /** Revokes every live session of the user, except `keep` when given; returns how many. */
    revokeUserSessions(userId: string, reason: string, keep?: string): Promise<number> {
      return em().nativeUpdate(
        Session,
        { user: userId, revokedAt: null, ...(keep ? { id: { $ne: keep } } : {}) },
        { revokedAt: new Date(), revokeReason: reason },
      );
    },

    /** Removes every session (their refresh tokens cascade) and reset token of the user. */
    async deleteUserSessions(userId: string): Promise<void> {
      await em().nativeDelete(Session, { user: userId });
      await em().nativeDelete(PasswordResetToken, { user: userId });
    },

    async loadAuthState(sessionId: string): Promise<AuthState | undefined> {
      // Raw SQL on purpose: the identity map must not serve a session revoked a moment ago.
      const rows = await sqlRows<{
        user_id: string;
        role: 'customer' | 'admin';
        token_version: number;
        user_active: boolean;
        session_active: boolean;
      }>(
        orm,
        `select u.id as user_id, u.role, u.token_version,
                (not u.disabled and u.deleted_at is null) as user_active,
                (s.revoked_at is null and s.expires_at > now()) as session_active
           from sessions s join users u on u.id = s.user_id
          where s.id = $1`,
        [sessionId],
      );
      const row = rows[0];
      if (!row) return undefined;
      return {
        userId: row.user_id,
        role: row.role,
        tokenVersion: row.token_version,
        userActive: row.user_active,
        sessionActive: row.session_active,
      };
    },

    addResetToken(input: {
      userId: string;
      tokenHash: string;
      expiresAt: Date;
    }): PasswordResetTokenEntity {
      return em().create(PasswordResetToken, {
        user: em().getReference(User, input.userId),
        tokenHash: input.tokenHash,
        expiresAt: input.expiresAt,
      });
    },

    findUsableResetToken(tokenHash: string): Promise<PasswordResetTokenEntity | null> {
      return em().findOne(
        PasswordResetToken,
        { tokenHash, usedAt: null, expiresAt: { $gt: new Date() } },
        { populate: ['user'] },
      );
    },

    async claimResetToken(id: string): Promise<boolean> {
      return (
        (await em().nativeUpdate(
          PasswordResetToken,
          { id, usedAt: null },
          { usedAt: new Date() },
        )) === 1
      );
    },

    /** Deletes sessions (their refresh tokens go with them) and reset tokens expired before `cutoff`. */
    async purgeExpired(cutoff: Date): Promise<{ sessions: number; resetTokens: number }> {
      const expired = 'expires_at < $1';
      return {
        sessions: await deleteInBatches(orm, 'sessions', expired, [cutoff]),
        resetTokens: await deleteInBatches(orm, 'password_reset_tokens', expired, [cutoff]),
      };
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
