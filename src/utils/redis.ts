// The Redis client for state that several instances share (rate limits). Every command is
// bounded in time, and a Redis outage fails fast instead of queueing requests. ioredis is loaded
// only when Redis is configured: a single instance without it does not hold the client's code
// and command tables (about 0.3 MB of source, ADR 0027).
import type { Redis } from 'ioredis';
import type { Config } from '../config/config.ts';
import type { Logger } from './logger.ts';

export type RedisClient = Redis;

export async function createRedis(
  redis: NonNullable<Config['redis']>,
  logger: Logger,
): Promise<RedisClient> {
  const { Redis } = await import('ioredis');
  const client = new Redis(redis.url, {
    connectTimeout: redis.commandTimeoutMs * 2,
    commandTimeout: redis.commandTimeoutMs,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: true,
  });
  client.on('error', (error: Error) => logger.warn('redis error', { error: error.message }));
  return client;
}
