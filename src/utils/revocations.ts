// Tells every instance about a revocation at once, so cached session state (AUTH_STATE_CACHE_MS)
// never outlives a logout elsewhere. Over Redis pub/sub when REDIS_URL is set; without Redis
// there is one instance to tell (or the cache's short lifetime bounds the delay).
import type { Logger } from './logger.ts';
import type { RedisClient } from './redis.ts';

export type Revocation = { sessionId: string } | { userId: string };

export interface RevocationBus {
  publish(revocation: Revocation): void;
  /** Starts delivering revocations published by any instance (this one included). */
  subscribe(handler: (revocation: Revocation) => void): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = 'auth:revocations';

export function createRevocationBus(redis: RedisClient | undefined, logger: Logger): RevocationBus {
  if (!redis) {
    let local: ((r: Revocation) => void) | undefined;
    return {
      publish: (r) => local?.(r),
      subscribe: (handler) => {
        local = handler;
        return Promise.resolve();
      },
      close: () => Promise.resolve(),
    };
  }
  // A connection in subscriber mode can do nothing else: it gets its own. We subscribe again
  // ourselves each time it is ready, until it works: ioredis's own resubscription runs once and,
  // bounded by the command timeout, a Redis that comes back slowly made it fail for good (seen
  // in `npm run chaos -- --case redis-outage`: no revocation arrived again until a restart).
  const subscriber = redis.duplicate({ autoResubscribe: false });
  subscriber.on('error', (error: Error) =>
    logger.warn('revocation bus error', { error: error.message }),
  );
  let wanted = false;
  let retry: NodeJS.Timeout | undefined;
  const subscribeNow = (): void => {
    clearTimeout(retry);
    if (!wanted || subscriber.status !== 'ready') return;
    subscriber.subscribe(CHANNEL).catch((error: unknown) => {
      logger.warn('revocation bus: subscribing failed; trying again', { error: String(error) });
      retry = setTimeout(subscribeNow, 1000);
      retry.unref();
    });
  };
  subscriber.on('ready', subscribeNow);
  return {
    publish: (r) => {
      redis.publish(CHANNEL, JSON.stringify(r)).catch((error: unknown) => {
        logger.warn(
          'revocation not broadcast; other instances catch up within AUTH_STATE_CACHE_MS',
          {
            error: String(error),
          },
        );
      });
    },
    subscribe: async (handler) => {
      subscriber.on('message', (_channel: string, message: string) => {
        try {
          const parsed = JSON.parse(message) as Partial<Record<'sessionId' | 'userId', unknown>>;
          if (typeof parsed.sessionId === 'string') handler({ sessionId: parsed.sessionId });
          else if (typeof parsed.userId === 'string') handler({ userId: parsed.userId });
        } catch {
          logger.warn('malformed revocation message ignored');
        }
      });
      wanted = true;
      if (subscriber.status === 'wait') await subscriber.connect();
      await subscriber.subscribe(CHANNEL);
    },
    close: async () => {
      wanted = false;
      clearTimeout(retry);
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
