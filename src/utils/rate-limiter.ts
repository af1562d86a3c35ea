// Rate limiters on the store the deployment has: Redis when REDIS_URL is set (shared by every
// instance), otherwise PostgreSQL for limits that must survive restarts (login lockouts) and
// process memory for high-volume quotas (per instance; documented in the README).
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Orm } from '../db/orm.ts';
import { deleteInBatches } from '../db/sql.ts';
import type { RedisClient } from './redis.ts';

export { RateLimiterRes, type RateLimiterAbstract };

export interface LimiterSpec {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  /** Once the points are used up, block for this long instead of until the window ends. */
  blockSeconds?: number;
}

export interface LimiterStores {
  redis: RedisClient | undefined;
  orm: Orm;
}

export type Durability = 'durable' | 'volatile';

/** The ORM's own pg pool, handed over lazily (the pool exists once the ORM has connected). */
function ormPool(orm: Orm) {
  return {
    query: async (query: { text: string; values?: unknown[]; name?: string }) =>
      (await orm.em.getConnection().getNativeClient()).query(query),
  };
}

export function createLimiter(
  spec: LimiterSpec,
  durability: Durability,
  stores: LimiterStores,
): RateLimiterAbstract {
  const options = {
    keyPrefix: spec.keyPrefix,
    points: spec.points,
    duration: spec.durationSeconds,
    blockDuration: spec.blockSeconds ?? 0,
  };
  if (stores.redis) {
    // While Redis is unreachable, count in memory rather than fail every request.
    return new RateLimiterRedis({
      ...options,
      storeClient: stores.redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  }
  if (durability === 'volatile') return new RateLimiterMemory(options);
  return new RateLimiterPostgres({
    ...options,
    storeClient: ormPool(stores.orm),
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    clearExpiredByTimeout: false,
  });
}

/**
 * Deletes the PostgreSQL counters that expired over an hour ago (what the library's own timer,
 * off here, would do): expired counters count as zero anyway. Run by the retention job.
 */
export function purgeExpiredCounters(orm: Orm, now = Date.now()): Promise<number> {
  return deleteInBatches(orm, 'rate_limits', 'expire < $1', [now - 3_600_000]);
}

/** rate-limiter-flexible rejects with a RateLimiterRes when the limit is hit, an Error otherwise. */
export function isLimited(result: unknown): result is RateLimiterRes {
  return result instanceof RateLimiterRes;
}
