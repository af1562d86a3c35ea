// Authentication: sign-up and sign-in, refresh-token rotation with reuse detection, sessions,
// passwords, and the per-request check of an access token. See docs/adr/0003-identity.md for
// the choices (token shapes, the refresh grace rule, how instances agree on revocation).
import { createHash } from 'node:crypto';
import type { Config } from '../../config/config.ts';
import { JOBS, type Queue } from '../../jobs/queue.ts';
import type { Principal, RequestMeta } from '../../types/request-meta.ts';
import {
  AppError,
  ConflictError,
  NotFoundError,
  RateLimitedError,
  TokenExpiredError,
  UnauthenticatedError,
} from '../../utils/errors.ts';
import type { Logger } from '../../utils/logger.ts';
import type { Mailer } from '../../utils/mailer.ts';
import type { RevocationBus } from '../../utils/revocations.ts';
import { isLimited, type RateLimiterAbstract } from '../../utils/rate-limiter.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { UserEntity } from '../users/users.model.ts';
import { InvalidCredentialsError, type UsersService } from '../users/users.service.ts';
import type { SessionEntity } from './auth.model.ts';
import { assertStrong, dummyHash, hashPassword, verifyPassword } from './auth.passwords.ts';
import type { AuthRepository, AuthState } from './auth.repository.ts';
import { hashToken, randomToken, signAccessToken, verifyAccessToken } from './auth.tokens.ts';

export interface LoginLimiters {
  /** Consecutive failures per email+IP; reaching the limit locks the pair. */
  consecutiveFails: RateLimiterAbstract;
  /** Failures per IP per day, across all emails. */
  ipDailyFails: RateLimiterAbstract;
}

export interface AuthServiceDeps {
  config: Config['auth'];
  limits: Config['limits'];
  repository: AuthRepository;
  users: UsersService;
  audit: AuditService;
  mailer: Mailer;
  queue: Pick<Queue, 'send'>;
  revocations: RevocationBus;
  limiters: LoginLimiters;
  logger: Logger;
}

export interface IssuedTokens {
  user: UserEntity;
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** Keys in the limiter store hold no email in clear: the store is not a place for PII. */
function limiterKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('base64url');
}

/**
 * A short-lived per-instance cache of session state, so that an authenticated request does not
 * always cost a query. Revocations made by this instance evict at once; other instances see them
 * when their entry expires (AUTH_STATE_CACHE_MS, 2 s by default).
 */
function createStateCache(ttlMs: number, maxEntries = 10_000) {
  const entries = new Map<string, { state: AuthState; expires: number }>();
  return {
    get(sessionId: string): AuthState | undefined {
      const hit = entries.get(sessionId);
      if (!hit) return undefined;
      if (hit.expires <= Date.now()) {
        entries.delete(sessionId);
        return undefined;
      }
      return hit.state;
    },
    set(sessionId: string, state: AuthState): void {
      if (ttlMs <= 0) return;
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(sessionId, { state, expires: Date.now() + ttlMs });
    },
    evictSession(sessionId: string): void {
      entries.delete(sessionId);
    },
    evictUser(userId: string): void {
      for (const [sid, { state }] of entries) if (state.userId === userId) entries.delete(sid);
    },
  };
}

export function createAuthService(deps: AuthServiceDeps) {
  const { config, limits, repository, users, audit, mailer, queue, limiters, logger } = deps;
  const local = createStateCache(config.stateCacheMs);
  // Every eviction goes through the bus, which delivers it to every instance, this one included.
  void deps.revocations.subscribe((r) =>
    'sessionId' in r ? local.evictSession(r.sessionId) : local.evictUser(r.userId),
  );
  const cache = {
    get: (sessionId: string) => local.get(sessionId),
    set: (sessionId: string, state: AuthState) => local.set(sessionId, state),
    evictSession: (sessionId: string) => {
      local.evictSession(sessionId);
      deps.revocations.publish({ sessionId });
    },
    evictUser: (userId: string) => {
      local.evictUser(userId);
      deps.revocations.publish({ userId });
    },
  };
  const tokenSettings = {
    secret: config.jwtSecret,
    issuer: config.issuer,
    audience: config.audience,
    ttlSeconds: config.accessTokenTtlSeconds,
  };
  let dummy: Promise<string> | undefined;

  /** Stages a session and its first refresh token; the caller's flush writes them. */
  function openSession(
    user: UserEntity,
    meta: RequestMeta,
  ): { session: SessionEntity; tokens: IssuedTokens } {
    const expiresAt = new Date(Date.now() + config.refreshTokenTtlDays * 86_400_000);
    const session = repository.addSession({
      userId: user.id,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return { session, tokens: issueTokens(user, session) };
  }

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

  async function revokeAllSessions(userId: string, reason: string, keep?: string): Promise<number> {
    const count = await repository.revokeUserSessions(userId, reason, keep);
    cache.evictUser(userId);
    return count;
  }

  async function lockedFor(pairKey: string, ipKey: string): Promise<number | undefined> {
    const [pair, ip] = await Promise.all([
      limiters.consecutiveFails.get(pairKey),
      limiters.ipDailyFails.get(ipKey),
    ]);
    if (pair && pair.consumedPoints >= limits.loginMaxConsecutiveFails)
      return pair.msBeforeNext / 1000;
    if (ip && ip.consumedPoints >= limits.loginMaxFailsPerIpPerDay) return ip.msBeforeNext / 1000;
    return undefined;
  }

  async function recordFailure(
    pairKey: string,
    ipKey: string,
    userId: string | undefined,
    meta: RequestMeta,
  ) {
    try {
      const [pair] = await Promise.all([
        limiters.consecutiveFails.consume(pairKey),
        limiters.ipDailyFails.consume(ipKey),
      ]);
      if (pair.remainingPoints === 0) {
        // That was the last allowed failure: lock the pair for the full lock time from now.
        await limiters.consecutiveFails.block(pairKey, limits.loginLockSeconds);
        await audit.record(
          { event: 'login.locked', userId, details: { lockSeconds: limits.loginLockSeconds } },
          meta,
        );
      }
    } catch (error) {
      if (!isLimited(error)) throw error;
    }
  }

  return {
    revokeAllSessions,

    async eraseSessions(userId: string): Promise<void> {
      await repository.deleteUserSessions(userId);
      cache.evictUser(userId);
    },

    async register(input: { email: string; password: string; name: string }, meta: RequestMeta) {
      return repository.transactional(async () => {
        const user = await users.addUser({ ...input, role: 'customer' });
        await users.flushUnique();
        const { tokens } = openSession(user, meta);
        audit.stage({ event: 'user.registered', userId: user.id }, meta);
        await repository.flush();
        return tokens;
      });
    },

    async login(
      input: { email: string; password: string },
      meta: RequestMeta,
    ): Promise<IssuedTokens> {
      const email = input.email.trim().toLowerCase();
      const ipKey = limiterKey('ip', meta.ip ?? 'unknown');
      const pairKey = limiterKey('pair', email, meta.ip ?? 'unknown');
      const locked = await lockedFor(pairKey, ipKey);
      if (locked !== undefined) throw new RateLimitedError(locked);

      const user = await users.findByEmail(email);
      // The same bcrypt work whether or not the account exists: no timing oracle.
      dummy ??= dummyHash(config.bcryptCost);
      const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await dummy));
      if (!user || !passwordOk) {
        await recordFailure(pairKey, ipKey, user?.id, meta);
        await audit.record(
          {
            event: 'login.failed',
            userId: user?.id,
            details: { reason: user ? 'password' : 'unknown-email' },
          },
          meta,
        );
        throw new InvalidCredentialsError();
      }
      if (user.disabled) {
        await audit.record(
          { event: 'login.failed', userId: user.id, details: { reason: 'disabled' } },
          meta,
        );
        throw new AppError(403, 'ACCOUNT_DISABLED', 'This account is disabled.');
      }
      await limiters.consecutiveFails.delete(pairKey);
      const { tokens } = openSession(user, meta);
      audit.stage({ event: 'login.succeeded', userId: user.id }, meta);
      await repository.flush();
      return tokens;
    },

    async refresh(refreshToken: string, meta: RequestMeta): Promise<IssuedTokens> {
      const invalid = () => new UnauthenticatedError('The refresh token is not valid.');
      const outcome = await repository.transactional(async () => {
        const row = await repository.findRefreshToken(hashToken(refreshToken));
        if (!row) throw invalid();
        const session = row.session.getEntity();
        const user = session.user.getEntity();
        if (session.revokedAt || session.expiresAt <= new Date()) throw invalid();

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
        if (user.disabled || user.deletedAt) throw invalid();
        session.lastUsedAt = new Date();
        const tokens = issueTokens(user, session);
        await repository.flush();
        return { reused: false as const, tokens };
      });
      if (outcome.reused) {
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
        throw invalid();
      }
      return outcome.tokens;
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
      const user = await users.requireUser(principal.userId);
      user.tokenVersion += 1;
      audit.stage({ event: 'logout.all', userId: user.id }, meta);
      await repository.flush();
      await revokeAllSessions(user.id, 'logout-all');
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

    async changePassword(
      principal: Principal,
      input: { currentPassword: string; newPassword: string },
      meta: RequestMeta,
    ): Promise<void> {
      const user = await users.requireUser(principal.userId);
      if (!(await verifyPassword(input.currentPassword, user.passwordHash)))
        throw new InvalidCredentialsError();
      assertStrong(input.newPassword, [user.email, user.name], '/body/newPassword');
      user.passwordHash = await hashPassword(input.newPassword, config.bcryptCost);
      audit.stage({ event: 'password.changed', userId: user.id }, meta);
      await repository.flush();
      await revokeAllSessions(user.id, 'password-changed', principal.sessionId);
    },

    /** Always quiet about whether the account exists; the mail goes out from the job queue. */
    async requestPasswordReset(email: string, meta: RequestMeta): Promise<void> {
      const user = await users.findByEmail(email);
      if (!user || user.disabled) return;
      await queue.send(JOBS.passwordResetMail, { userId: user.id, requestId: meta.requestId });
      await audit.record({ event: 'password.reset.requested', userId: user.id }, meta);
    },

    /** The job: a fresh single-use token, stored hashed, and the mail with its link. */
    async deliverPasswordReset(userId: string): Promise<void> {
      const user = await users.findById(userId);
      if (!user || user.disabled) return;
      const token = randomToken();
      repository.addResetToken({
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + config.passwordResetTtlMinutes * 60_000),
      });
      await repository.flush();
      const link = new URL(config.passwordResetUrl);
      link.searchParams.set('token', token);
      await mailer.send({
        to: user.email,
        subject: 'Reset your password',
        text: `Someone asked to reset the password of your account. If it was you, open ${link.toString()} within ${config.passwordResetTtlMinutes} minutes. If not, ignore this message.`,
      });
    },

    async confirmPasswordReset(
      input: { token: string; newPassword: string },
      meta: RequestMeta,
    ): Promise<void> {
      const invalid = () =>
        new AppError(400, 'INVALID_RESET_TOKEN', 'This reset link is not valid or has expired.');
      const userId = await repository.transactional(async () => {
        const row = await repository.findUsableResetToken(hashToken(input.token));
        if (!row) throw invalid();
        const user = row.user.getEntity();
        if (user.deletedAt || user.disabled) throw invalid();
        assertStrong(input.newPassword, [user.email, user.name], '/body/newPassword');
        if (!(await repository.claimResetToken(row.id))) throw invalid();
        user.passwordHash = await hashPassword(input.newPassword, config.bcryptCost);
        user.tokenVersion += 1;
        audit.stage({ event: 'password.reset.completed', userId: user.id }, meta);
        await repository.flush();
        return user.id;
      });
      await revokeAllSessions(userId, 'password-reset');
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

    /** The first admin from ADMIN_EMAIL/ADMIN_PASSWORD: created once, never overwritten. */
    async ensureAdmin(
      admin: { email: string; password: string; name?: string },
      meta: RequestMeta,
    ) {
      if (await users.findByEmail(admin.email)) return { created: false };
      const user = await users.addUser({
        email: admin.email,
        password: admin.password,
        name: admin.name ?? 'Administrator',
        role: 'admin',
      });
      audit.stage({ event: 'admin.bootstrapped', userId: user.id }, meta);
      await users.flushUnique();
      logger.info('admin account created', { userId: user.id });
      return { created: true, user };
    },

    /**
     * Forgets sessions and reset tokens a day after they expired, when nothing can use them any
     * more (a replayed refresh token of a forgotten session is simply unknown: 401).
     */
    purgeExpired(now = new Date()) {
      return repository.purgeExpired(new Date(now.getTime() - 86_400_000));
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
