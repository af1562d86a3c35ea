// Quotas with the standard RateLimit-* headers (IETF draft: limit, remaining, seconds to reset).
// When several limits apply to one request, the headers show the tightest one.
import type { Request, RequestHandler, Response } from 'express';
import { RateLimitedError } from '../utils/errors.ts';
import type { Logger } from '../utils/logger.ts';
import { isLimited, type RateLimiterAbstract } from '../utils/rate-limiter.ts';

/** The lowest remaining quota told so far (its slot is declared with the response class, app.ts). */
export const REMAINING = Symbol('rate limit remaining');
type Tracked = Response & { [REMAINING]?: number };

function setHeaders(res: Response, limit: number, remaining: number, msBeforeNext: number): void {
  const tracked = res as Tracked;
  if (tracked[REMAINING] !== undefined && tracked[REMAINING] < remaining) return;
  tracked[REMAINING] = remaining;
  res.setHeader('RateLimit-Limit', String(limit));
  res.setHeader('RateLimit-Remaining', String(Math.max(0, remaining)));
  res.setHeader('RateLimit-Reset', String(Math.ceil(msBeforeNext / 1000)));
}

export interface QuotaOptions {
  limiter: RateLimiterAbstract;
  limit: number;
  /** The key to count under; undefined skips the quota for this request. */
  key: (req: Request) => string | undefined;
  logger: Logger;
  /** Called with each refusal (metrics). */
  onLimited?: () => void;
}

export function quota({ limiter, limit, key, logger, onLimited }: QuotaOptions): RequestHandler {
  return async (req, res, next) => {
    const k = key(req);
    if (k === undefined) return next();
    try {
      const result = await limiter.consume(k);
      setHeaders(res, limit, result.remainingPoints, result.msBeforeNext);
    } catch (error) {
      if (isLimited(error)) {
        onLimited?.();
        setHeaders(res, limit, 0, error.msBeforeNext);
        throw new RateLimitedError(error.msBeforeNext / 1000);
      }
      // The store failed: serve the request rather than turn an outage of Redis into ours.
      logger.warn('quota store failed; request allowed', { error: String(error) });
    }
    next();
  };
}
