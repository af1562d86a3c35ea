// Signing up and signing in: the same bcrypt work whether or not an account exists, and the
// lockout of an email+IP pair after consecutive failures (and of an IP after too many a day).
import { createHash } from 'node:crypto';
import type { Config } from '../../config/config.ts';
import { withTransaction } from '../../db/transaction.ts';
import type { RequestMeta } from '../../types/request-meta.ts';
import { AppError, RateLimitedError } from '../../utils/errors.ts';
import { isLimited, type RateLimiterAbstract } from '../../utils/rate-limiter.ts';
import { InvalidCredentialsError } from '../users/users.service.ts';
import { dummyHash, verifyPassword } from './auth.passwords.ts';
import type { AuthParts, IssuedTokens, Sessions } from './auth.sessions.ts';

export interface LoginLimiters {
  /** Consecutive failures per email+IP; reaching the limit locks the pair. */
  consecutiveFails: RateLimiterAbstract;
  /** Failures per IP per day, across all emails. */
  ipDailyFails: RateLimiterAbstract;
}

/** Keys in the limiter store hold no email in clear: the store is not a place for PII. */
function limiterKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('base64url');
}

function createLockout(parts: AuthParts, limits: Config['limits'], limiters: LoginLimiters) {
  return {
    /** Seconds until the pair or the IP may try again, or undefined when it may now. */
    async lockedFor(pairKey: string, ipKey: string): Promise<number | undefined> {
      const [pair, ip] = await Promise.all([
        limiters.consecutiveFails.get(pairKey),
        limiters.ipDailyFails.get(ipKey),
      ]);
      if (pair && pair.consumedPoints >= limits.loginMaxConsecutiveFails)
        return pair.msBeforeNext / 1000;
      if (ip && ip.consumedPoints >= limits.loginMaxFailsPerIpPerDay) return ip.msBeforeNext / 1000;
      return undefined;
    },

    async recordFailure(
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
          await parts.audit.record(
            { event: 'login.locked', userId, details: { lockSeconds: limits.loginLockSeconds } },
            meta,
          );
        }
      } catch (error) {
        if (!isLimited(error)) throw error;
      }
    },

    forget: (pairKey: string) => limiters.consecutiveFails.delete(pairKey),
  };
}

export function createSignIn(
  parts: AuthParts,
  sessions: Sessions,
  limits: Config['limits'],
  limiters: LoginLimiters,
) {
  const { config, users, audit } = parts;
  const lockout = createLockout(parts, limits, limiters);

  return {
    /** A new customer account, signed in: the account, its session and the event commit together. */
    register(
      input: { email: string; password: string; name: string },
      meta: RequestMeta,
    ): Promise<IssuedTokens> {
      return withTransaction(parts.orm, async () => {
        const user = await users.createAccount({ ...input, role: 'customer' });
        const tokens = sessions.openSession(user, meta);
        audit.stage({ event: 'user.registered', userId: user.id }, meta);
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
      const locked = await lockout.lockedFor(pairKey, ipKey);
      if (locked !== undefined) throw new RateLimitedError(locked);

      const user = await users.findByEmail(email);
      // The same bcrypt work whether or not the account exists: no timing oracle.
      const passwordOk = await verifyPassword(
        input.password,
        user?.passwordHash ?? (await dummyHash(config.bcryptCost)),
      );
      if (!user || !passwordOk) {
        await lockout.recordFailure(pairKey, ipKey, user?.id, meta);
        const reason = user ? 'password' : 'unknown-email';
        await audit.record({ event: 'login.failed', userId: user?.id, details: { reason } }, meta);
        throw new InvalidCredentialsError();
      }
      if (user.disabled) {
        await audit.record(
          { event: 'login.failed', userId: user.id, details: { reason: 'disabled' } },
          meta,
        );
        throw new AppError(403, 'ACCOUNT_DISABLED', 'This account is disabled.');
      }
      await lockout.forget(pairKey);
      return withTransaction(parts.orm, () => {
        const tokens = sessions.openSession(user, meta);
        audit.stage({ event: 'login.succeeded', userId: user.id }, meta);
        return Promise.resolve(tokens);
      });
    },
  };
}
