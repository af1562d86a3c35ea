// Sessions and the tokens that stand for them: opening a session with its first refresh token,
// rotating refresh tokens with reuse detection, signing out, listing and revoking sessions, and
// the per-request check of an access token against the live session (ADR 0003).
import type { Config } from '../../config/config.ts';
import type { Orm } from '../../db/orm.ts';
import { withTransaction } from '../../db/transaction.ts';
import type { Principal, RequestMeta } from '../../types/request-meta.ts';
import {
  ConflictError,
  NotFoundError,
  TokenExpiredError,
  UnauthenticatedError,
} from '../../utils/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { UserEntity } from '../users/users.model.ts';
import type { UsersService } from '../users/users.service.ts';
import type { RefreshTokenEntity, SessionEntity } from './auth.model.ts';
import type { AuthRepository } from './auth.repository.ts';
import type { StateCache } from './auth.state-cache.ts';
import { hashToken, randomToken, signAccessToken, verifyAccessToken } from './auth.tokens.ts';

/** What every part of auth is built from. */
export interface AuthParts {
  orm: Orm;
  config: Config['auth'];
  repository: AuthRepository;
  users: UsersService;
  audit: AuditService;
  cache: StateCache;
}

export interface IssuedTokens {
  user: UserEntity;
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
}

// Longer than 80 lines on purpose: a factory whose body is the small functions it hands out
// (each well under 80 lines), closed over the same dependencies.
export function createSessions(parts: AuthParts) {
  const { config, repository, users, audit, cache } = parts;
  const tokenSettings = {
    secret: config.jwtSecret,
    issuer: config.issuer,
    audience: config.audience,
    ttlSeconds: config.accessTokenTtlSeconds,
  };
  const invalidRefresh = () => new UnauthenticatedError('The refresh token is not valid.');

  function issueTokens(user: UserEntity, session: SessionEntity): IssuedTokens {
    const refreshToken = randomToken();
    repository.addRefreshToken(session, hashToken(refreshToken));
    const accessToken = signAccessToken(
      { sub: user.id, role: user.role, sid: session.id, tv: user.tokenVersion },
      tokenSettings,
    );
    return {
      user,
      accessToken,
      expiresIn: config.accessTokenTtlSeconds,
      refreshToken,
      refreshExpiresAt: session.expiresAt,
    };
  }

  /** Stages a session and its first refresh token in the caller's unit of work. */
  function openSession(user: UserEntity, meta: RequestMeta): IssuedTokens {
    const session = repository.addSession({
      userId: user.id,
      expiresAt: new Date(Date.now() + config.refreshTokenTtlDays * 86_400_000),
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return issueTokens(user, session);
  }

  async function revokeAllSessions(userId: string, reason: string, keep?: string): Promise<number> {
    const count = await repository.revokeUserSessions(userId, reason, keep);
    cache.evictUser(userId);
    return count;
  }

  /** Uses the refresh token once; a second use outside the grace period is a reuse. */
  async function rotate(row: RefreshTokenEntity) {
    const session = row.session.getEntity();
    const user = session.user.getEntity();
    if (session.revokedAt || session.expiresAt <= new Date()) throw invalidRefresh();
    if (row.usedAt || !(await repository.claimRefreshToken(row.id))) {
      const usedAt = row.usedAt ?? new Date();
      if (Date.now() - usedAt.getTime() <= config.refreshReuseGraceSeconds * 1000) {
        // Two refreshes with one token at the same moment (two tabs): one wins, the other is
        // told to retry with the newest cookie. Nobody is signed out.
        throw new ConflictError(
          'This refresh token was just rotated by another request; retry with the newest one.',
          'REFRESH_CONFLICT',
        );
      }
      return { reused: true as const, session, user };
    }
    if (user.disabled || user.deletedAt) throw invalidRefresh();
    session.lastUsedAt = new Date();
    return { reused: false as const, tokens: issueTokens(user, session) };
  }

  return {
    openSession,
    revokeAllSessions,

    async refresh(refreshToken: string, meta: RequestMeta): Promise<IssuedTokens> {
      const outcome = await withTransaction(parts.orm, async () => {
        const row = await repository.findRefreshToken(hashToken(refreshToken));
        if (!row) throw invalidRefresh();
        return rotate(row);
      });
      if (!outcome.reused) return outcome.tokens;
      // A rotated token came back: it was stolen, or the client is broken. End the family.
      await repository.revokeSession(outcome.session.id, 'refresh-reuse');
      cache.evictSession(outcome.session.id);
      await audit.record(
        {
          event: 'refresh.reused',
          userId: outcome.user.id,
          details: { sessionId: outcome.session.id },
        },
        meta,
      );
      throw invalidRefresh();
    },

    async logout(principal: Principal, meta: RequestMeta): Promise<void> {
      await repository.revokeSession(principal.sessionId, 'logout');
      cache.evictSession(principal.sessionId);
      await audit.record(
        { event: 'logout', userId: principal.userId, details: { sessionId: principal.sessionId } },
        meta,
      );
    },

    async logoutAll(principal: Principal, meta: RequestMeta): Promise<void> {
      await withTransaction(parts.orm, async () => {
        await users.endAccessTokens(principal.userId);
        audit.stage({ event: 'logout.all', userId: principal.userId }, meta);
      });
      await revokeAllSessions(principal.userId, 'logout-all');
    },

    listSessions(principal: Principal): Promise<SessionEntity[]> {
      return repository.listActiveSessions(principal.userId);
    },

    async revokeSession(principal: Principal, sessionId: string, meta: RequestMeta): Promise<void> {
      // Someone else's session answers exactly like a missing one.
      const session = await repository.findUserSession(principal.userId, sessionId);
      if (!session) throw new NotFoundError('No active session of yours has this id.');
      await repository.revokeSession(session.id, 'revoked-by-user');
      cache.evictSession(session.id);
      await audit.record(
        { event: 'session.revoked', userId: principal.userId, details: { sessionId } },
        meta,
      );
    },

    async eraseSessions(userId: string): Promise<void> {
      await repository.deleteUserSessions(userId);
      cache.evictUser(userId);
    },

    /** Verifies an access token and the live state of its session and user. */
    async authenticate(token: string): Promise<Principal> {
      const verified = verifyAccessToken(token, tokenSettings);
      if (!verified.ok)
        throw verified.reason === 'expired'
          ? new TokenExpiredError()
          : new UnauthenticatedError('The access token is not valid.');
      const { claims } = verified;
      let state = cache.get(claims.sid);
      if (!state) {
        state = await repository.loadAuthState(claims.sid);
        if (state) cache.set(claims.sid, state);
      }
      if (
        !state ||
        state.userId !== claims.sub ||
        !state.sessionActive ||
        !state.userActive ||
        state.tokenVersion !== claims.tv
      ) {
        throw new UnauthenticatedError('The access token has been revoked.');
      }
      return { userId: state.userId, role: state.role, sessionId: claims.sid };
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
